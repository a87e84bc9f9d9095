using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Infrastructure;
using LeadsBlazor.Web.Infrastructure.Mail;
using LeadsBlazor.Web.Infrastructure.Mail.Templates;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace LeadsBlazor.Web.Components.Account;

/// <summary>
/// Identity's mails through the app's one mail sender, rendered from Razor templates in the user's language
/// (not the language of whoever asked: a reset may be asked for from any browser).
/// </summary>
internal sealed class IdentityEmailSender(IMailSender mail, MailRenderer renderer, AppUrls urls) : IEmailSender<ApplicationUser>
{
    // Accounts need no confirmed address (users are invited by the owner) and the app maps no Identity API
    // endpoints, so Identity never asks for these two; a call would be a new path that needs its own mail.
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        throw new NotSupportedException("LeadsBlazor does not confirm email addresses.");

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        throw new NotSupportedException("LeadsBlazor resets passwords by link, not by code.");

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        SendAsync(user, email, new PasswordReset(user.NameOrEmail(), urls.BaseUrl, new Uri(resetLink)));

    private async Task SendAsync(ApplicationUser user, string email, PasswordReset model) =>
        await mail.SendAsync(await renderer.RenderAsync<PasswordResetEmail>(user, email, model));
}
