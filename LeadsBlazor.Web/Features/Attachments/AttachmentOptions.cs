namespace LeadsBlazor.Web.Features.Attachments;

/// <summary>The <c>Attachments</c> section: where files go (outside wwwroot), how large they may be, which types are taken.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    public string Directory { get; set; } = "App_Data/attachments";

    public long MaxBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>Extensions a file may have; its content must match the extension's kind too. "" is plain text without an extension.</summary>
    public IList<string> AllowedExtensions { get; } =
        ["", ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".txt", ".csv", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".zip", ".eml"];
}
