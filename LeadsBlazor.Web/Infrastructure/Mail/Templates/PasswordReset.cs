using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Infrastructure.Mail.Templates;

/// <summary>
/// A password reset the user asked for: with the link of the forgot-password page, or with the bare code
/// Identity's API endpoints send (the app does not use them; the code is then shown as text).
/// </summary>
public sealed record PasswordReset(string RecipientName, Uri AppUrl, Uri? Link = null, string? Code = null) : IMailModel
{
    public string Subject(IStringLocalizer text) => text["Mail.Reset.Subject"];

    public string PlainText(IStringLocalizer text) =>
        MailText.Compose(text, AppUrl,
        [
            text["Mail.Greeting", RecipientName],
            Link is null ? text["Mail.Reset.CodeBody"] : text["Mail.Reset.Body"],
            Link?.AbsoluteUri ?? Code ?? "",
            text["Mail.Reset.Validity"],
        ]);
}
