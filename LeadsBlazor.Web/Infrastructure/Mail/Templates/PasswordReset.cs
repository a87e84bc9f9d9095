using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Infrastructure.Mail.Templates;

/// <summary>A password reset the user asked for on the forgot-password page, with the link that sets a new one.</summary>
public sealed record PasswordReset(string RecipientName, Uri AppUrl, Uri Link) : IMailModel
{
    public string Subject(IStringLocalizer text) => text["Mail.Reset.Subject"];

    public string PlainText(IStringLocalizer text) =>
        MailText.Compose(text, AppUrl,
        [
            text["Mail.Greeting", RecipientName],
            text["Mail.Reset.Body"],
            Link.AbsoluteUri,
            text["Mail.Reset.Validity"],
        ]);
}
