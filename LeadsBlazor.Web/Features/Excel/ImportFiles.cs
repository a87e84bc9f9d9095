using Microsoft.Extensions.Caching.Memory;

namespace LeadsBlazor.Web.Features.Excel;

/// <summary>
/// The file of invalid rows an import leaves, kept for a quarter of an hour for the user who imported:
/// a plain link downloads it, with no script in the page (the CSP allows none inline).
/// </summary>
public sealed class ImportFiles(IMemoryCache cache)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(15);

    public string Keep(string userId, byte[] xlsx)
    {
        var token = Guid.NewGuid().ToString("N");
        cache.Set(Key(token), (userId, xlsx), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = KeptFor });
        return token;
    }

    /// <summary>The file, but only for the user it was made for.</summary>
    public byte[]? Take(string token, string userId) =>
        cache.TryGetValue(Key(token), out (string UserId, byte[] Xlsx) entry) && entry.UserId == userId ? entry.Xlsx : null;

    private static string Key(string token) => $"import-invalid:{token}";
}
