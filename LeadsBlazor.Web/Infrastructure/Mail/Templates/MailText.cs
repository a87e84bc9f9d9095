using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Infrastructure.Mail.Templates;

/// <summary>The plain-text part's skeleton, the counterpart of <c>MailLayout</c>: paragraphs, then the signature line with the footer and the app's address.</summary>
internal static class MailText
{
    /// <param name="footer">Why the reader gets this mail; the general "this mail comes from LeadsBlazor" when null.</param>
    public static string Compose(IStringLocalizer text, Uri appUrl, IEnumerable<string> paragraphs, string? footer = null) =>
        string.Join("\n\n", paragraphs) + $"\n\n-- \n{footer ?? text["Mail.Footer"]}\n{appUrl.AbsoluteUri}\n";
}
