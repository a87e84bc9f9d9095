using System.Globalization;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Preferences;
using LeadsBlazor.Web.Infrastructure.Mail;
using LeadsBlazor.Web.Infrastructure.Mail.Templates;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace LeadsBlazor.Tests.Infrastructure.Mail;

/// <summary>The invitation and the password reset as the app's mail renderer writes them: in the reader's language, the link in both parts, nothing of a name run as markup.</summary>
public sealed class MailTemplateTests : IDisposable
{
    private const string Hostile = "<script>alert(1)</script>";
    private const string InviteLink = "https://leads.example.com/Account/ResetPassword?invite=1&email=nina%40test.example&code=Q2ZESjhB-x_y";
    private const string ResetLink = "https://leads.example.com/Account/ResetPassword?code=Q2ZESjhB-x_y";
    private static readonly Uri AppUrl = new("https://leads.example.com/");

    private readonly PipelineApp _app = new(new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false" });

    public void Dispose() => _app.Dispose();

    private MailRenderer Renderer => _app.Get<MailRenderer>();

    [Theory]
    [InlineData("de-DE", "Einladung zu LeadsBlazor", "Passwort festlegen", "Der Link gilt 24 Stunden.")]
    [InlineData("en-US", "Invitation to LeadsBlazor", "Set your password", "The link is valid for 24 hours.")]
    public async Task The_invitation_is_written_in_the_invitees_language_with_its_link_in_both_parts(string culture, string subject, string action, string validity)
    {
        var invitation = new Invitation(Hostile, "nina@test.example", new Uri(InviteLink), AppUrl);

        var mail = await Renderer.RenderAsync<InvitationEmail>("nina@test.example", invitation, CultureInfo.GetCultureInfo(culture));

        AssertActionMail(mail, culture, subject, InviteLink, action, validity);
    }

    [Theory]
    [InlineData("de-DE", "LeadsBlazor: Passwort zurücksetzen", "Neues Passwort festlegen", "Die Anfrage gilt 24 Stunden.")]
    [InlineData("en-US", "LeadsBlazor: reset your password", "Set a new password", "The request is valid for 24 hours.")]
    public async Task The_password_reset_is_written_in_the_users_language_with_its_link_in_both_parts(string culture, string subject, string action, string validity)
    {
        var reset = new PasswordReset(Hostile, AppUrl, Link: new Uri(ResetLink));

        var mail = await Renderer.RenderAsync<PasswordResetEmail>("nina@test.example", reset, CultureInfo.GetCultureInfo(culture));

        AssertActionMail(mail, culture, subject, ResetLink, action, validity);
    }

    [Fact]
    public async Task Identity_writes_the_reset_in_the_users_language_not_the_askers_and_without_a_language_in_the_accounts()
    {
        await using (var db = _app.NewContext())
        {
            await db.AccountSettings.ExecuteUpdateAsync(s => s.SetProperty(a => a.Culture, "en-US"));
        }

        // Asked for from browsers in the other language: the mail follows the user, not the request.
        var sender = _app.Get<IEmailSender<ApplicationUser>>();
        using (Preferences.Use(CultureInfo.GetCultureInfo("en-US")))
        {
            await sender.SendPasswordResetLinkAsync(new ApplicationUser { Email = "de@test.example", DisplayName = "Dora", Culture = "de-DE" }, "de@test.example", ResetLink);
        }

        using (Preferences.Use(CultureInfo.GetCultureInfo("de-DE")))
        {
            await sender.SendPasswordResetLinkAsync(new ApplicationUser { Email = "none@test.example" }, "none@test.example", ResetLink);
        }

        var mails = (await Task.WhenAll(Directory.GetFiles(_app.MailFolder, "*.eml").Select(f => MimeMessage.LoadAsync(f))))
            .ToDictionary(m => m.To.Mailboxes.Single().Address);
        Assert.Equal("LeadsBlazor: Passwort zurücksetzen", mails["de@test.example"].Subject);
        Assert.Equal("LeadsBlazor: reset your password", mails["none@test.example"].Subject);
        Assert.Contains("Hello none@test.example,", mails["none@test.example"].TextBody, StringComparison.Ordinal);
    }

    /// <summary>A mail with one button: its language, the link in both parts, and the hostile recipient name only as text.</summary>
    private static void AssertActionMail(MailMessage mail, string culture, string subject, string link, string action, string validity)
    {
        Assert.Equal(subject, mail.Subject);
        Assert.Contains($"<html lang=\"{culture[..2]}\">", mail.HtmlBody, StringComparison.Ordinal);

        // Blazor writes "&" in an attribute as "&amp;"; a mail program reads it back as the link.
        Assert.Contains($"<a href=\"{link.Replace("&", "&amp;", StringComparison.Ordinal)}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($">{action}</a>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(link, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(validity, mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(validity, mail.TextBody, StringComparison.Ordinal);

        Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(Hostile, mail.TextBody, StringComparison.Ordinal);
    }
}
