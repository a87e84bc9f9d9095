using System.Globalization;
using System.Text;
using LeadsBlazor.Domain.Common;
using Microsoft.Extensions.Options;

namespace LeadsBlazor.Web.Features.Attachments;

/// <summary>A stored file: under a generated name in the attachment folder, with its checked type and size.</summary>
public sealed record StoredFile(string StoredName, string FileName, string ContentType, long SizeBytes);

/// <summary>
/// Keeps attachment bytes outside wwwroot under generated names (Rule 8). A file over the size limit,
/// of a type not on the allow-list, or whose content does not match its extension is refused and
/// nothing of it is kept.
/// </summary>
public sealed class AttachmentStore(IOptions<AttachmentOptions> options, IHostEnvironment environment)
{
    public const string TooLarge = "Error.AttachmentTooLarge";
    public const string TypeNotAllowed = "Error.AttachmentTypeNotAllowed";

    private static readonly Dictionary<string, byte[][]> Signatures = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = [[0x25, 0x50, 0x44, 0x46]],
        [".png"] = [[0x89, 0x50, 0x4E, 0x47]],
        [".jpg"] = [[0xFF, 0xD8, 0xFF]],
        [".jpeg"] = [[0xFF, 0xD8, 0xFF]],
        [".gif"] = [[0x47, 0x49, 0x46, 0x38]],
        [".webp"] = [[0x52, 0x49, 0x46, 0x46]],
        [".docx"] = [[0x50, 0x4B, 0x03, 0x04]],
        [".xlsx"] = [[0x50, 0x4B, 0x03, 0x04]],
        [".pptx"] = [[0x50, 0x4B, 0x03, 0x04]],
        [".odt"] = [[0x50, 0x4B, 0x03, 0x04]],
        [".ods"] = [[0x50, 0x4B, 0x03, 0x04]],
        [".zip"] = [[0x50, 0x4B, 0x03, 0x04]],
    };

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".txt"] = "text/plain",
        [".csv"] = "text/csv",
        [".eml"] = "message/rfc822",
    };

    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>The limit as people say it: "25 MB", "4 KB".</summary>
    public string Limit => MaxBytes >= 1024 * 1024 ? $"{MaxBytes / (1024 * 1024)} MB" : $"{Math.Max(1, MaxBytes / 1024)} KB";

    public string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Directory));

    /// <summary>Streams the upload to disk, counting bytes, and checks its kind; reports progress in bytes.</summary>
    public async Task<StoredFile> SaveAsync(Stream content, string originalName, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var fileName = SafeFileName(originalName);
        var extension = Path.GetExtension(fileName);
        if (!options.Value.AllowedExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            throw new DomainException("File", TypeNotAllowed, fileName);
        }

        Directory.CreateDirectory(Folder);
        var storedName = Guid.NewGuid().ToString("N");
        var path = Path.Combine(Folder, storedName);
        long size = 0;
        var head = new byte[512];
        var headLength = 0;
        try
        {
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > MaxBytes)
                    {
                        throw new DomainException("File", TooLarge, Limit);
                    }

                    if (headLength < head.Length)
                    {
                        var take = Math.Min(read, head.Length - headLength);
                        Array.Copy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }

                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    progress?.Report(size);
                }
            }

            if (!ContentMatches(extension, head.AsSpan(0, headLength)))
            {
                throw new DomainException("File", TypeNotAllowed, fileName);
            }

            return new StoredFile(storedName, fileName, ContentTypes.GetValueOrDefault(extension, "application/octet-stream"), size);
        }
        catch
        {
            // A refused or broken upload leaves nothing behind.
            File.Delete(path);
            throw;
        }
    }

    public Stream Open(string storedName) =>
        new FileStream(Path.Combine(Folder, Path.GetFileName(storedName)), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public void Delete(string storedName) => File.Delete(Path.Combine(Folder, Path.GetFileName(storedName)));

    /// <summary>
    /// The name a user's file keeps: no folders ("../../etc/passwd" is "passwd"), no control characters and no
    /// invisible ones (bidi controls such as U+202E turn "invoice\u202Eexe.txt" into "invoicetxt.exe" on screen;
    /// zero-width characters make two names look alike), at most 255 characters.
    /// </summary>
    public static string SafeFileName(string? name)
    {
        var lastPart = (name ?? "").Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var clean = new StringBuilder();
        foreach (var c in lastPart.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsControl(c) && !IsInvisible(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))
            {
                clean.Append(c);
            }
        }

        var result = clean.ToString().Trim().TrimStart('.');
        if (result.Length > 255)
        {
            result = result[..(255 - Path.GetExtension(result).Length)] + Path.GetExtension(result);
        }

        return result.Length == 0 ? "attachment" : result;
    }

    // Format characters (bidi embeddings, overrides and isolates, LRM/RLM, zero-width joiners, BOM) and line and
    // paragraph separators: none of them is meant to be seen in a file name, and some change what is seen.
    private static bool IsInvisible(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    // The content must be what the extension says: a PDF starts with %PDF; text has no NUL bytes.
    private static bool ContentMatches(string extension, ReadOnlySpan<byte> head)
    {
        if (Signatures.TryGetValue(extension, out var signatures))
        {
            foreach (var signature in signatures)
            {
                if (head.StartsWith(signature))
                {
                    return true;
                }
            }

            return false;
        }

        return !head.Contains((byte)0);
    }
}
