using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Infrastructure.Mail.Templates;

/// <summary>
/// Identity's "confirm your email address". The app does not ask for confirmed addresses (an invitation
/// proves the address), but Identity may send it, and then it is a proper mail too.
/// </summary>
public sealed record AddressConfirmation(string RecipientName, Uri Link, Uri AppUrl) : IMailModel
{
    public string Subject(IStringLocalizer text) => text["Mail.Confirm.Subject"];

    public string PlainText(IStringLocalizer text) =>
        MailText.Compose(text, AppUrl, [text["Mail.Greeting", RecipientName], text["Mail.Confirm.Body"], Link.AbsoluteUri]);
}
