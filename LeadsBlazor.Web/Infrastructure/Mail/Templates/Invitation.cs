using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Infrastructure.Mail.Templates;

/// <summary>The invitation of a new user: the link sets their first password.</summary>
public sealed record Invitation(string RecipientName, string Email, Uri Link, Uri AppUrl) : IMailModel
{
    public string Subject(IStringLocalizer text) => text["Mail.Invite.Subject"];

    /// <summary>The greeting with the sign-in address, shared by both parts.</summary>
    public string Body(IStringLocalizer text) => text["Mail.Invite.Body", RecipientName, Email];

    public string PlainText(IStringLocalizer text) =>
        MailText.Compose(text, AppUrl, [Body(text), Link.AbsoluteUri, text["Mail.Invite.Validity"]]);
}
