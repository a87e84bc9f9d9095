using LeadsBlazor.Web.Infrastructure.Mail;
using System.Net;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Reminders;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Components.Account;

/// <summary>Identity's mails (password reset) through the app's one mail sender, in the user's language.</summary>
internal sealed class IdentityEmailSender(IMailSender mail, IStringLocalizer<SharedResource> text) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        SendLinkAsync(email, text["Mail.Confirm.Subject"], text["Mail.Confirm.Body"], confirmationLink);

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        SendLinkAsync(email, text["Mail.Reset.Subject"], text["Mail.Reset.Body"], resetLink);

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        mail.SendAsync(new MailMessage(email, text["Mail.Reset.Subject"], $"<p>{WebUtility.HtmlEncode(resetCode)}</p>", resetCode));

    private Task SendLinkAsync(string email, string subject, string body, string link)
    {
        var html = $"<p>{WebUtility.HtmlEncode(body)}</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>";
        return mail.SendAsync(new MailMessage(email, subject, html, $"{body}\n\n{link}\n"));
    }
}
