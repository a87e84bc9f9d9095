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
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        SendAsync<AddressConfirmationEmail>(user, email, new AddressConfirmation(user.NameOrEmail(), new Uri(confirmationLink), urls.BaseUrl));

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        SendAsync<PasswordResetEmail>(user, email, new PasswordReset(user.NameOrEmail(), urls.BaseUrl, Link: new Uri(resetLink)));

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        SendAsync<PasswordResetEmail>(user, email, new PasswordReset(user.NameOrEmail(), urls.BaseUrl, Code: resetCode));

    private async Task SendAsync<TComponent>(ApplicationUser user, string email, IMailModel model)
        where TComponent : IComponent
    {
        var message = await renderer.RenderAsync<TComponent>(user, email, model);
        await mail.SendAsync(message);
    }
}
