using System.Net;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Features.Account;

public abstract class SignInTests(DatabaseProvider provider) : IDisposable
{
    private readonly LeadsAppFactory _factory = new(provider: provider);

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task The_bootstrap_owner_signs_in_and_reaches_the_board_and_the_settings()
    {
        var client = Client();

        var response = await client.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/leads", response.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/leads")).StatusCode);
        var settings = await client.GetAsync("/settings");
        Assert.Equal("/settings/stages", settings.RedirectPath());
        foreach (var (_, href, _, _) in LeadsBlazor.Web.Features.Settings.Shared.SettingsShell.Pages)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/" + href)).StatusCode);
        }
    }

    [Theory]
    [InlineData("/settings")]
    [InlineData("/settings/stages")]
    [InlineData("/settings/reminders")]
    [InlineData("/settings/currencies")]
    [InlineData("/settings/lost-reasons")]
    [InlineData("/settings/users")]
    public async Task A_member_is_refused_the_settings(string path)
    {
        await _factory.CreateMemberAsync();
        var client = Client();
        await client.SignInAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.RedirectPath(), StringComparison.Ordinal);
        var denied = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("Nicht erlaubt", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_user_and_a_wrong_password_get_the_same_message()
    {
        var unknown = await (await Client().SignInAsync("nobody@test.example", "Whatever-123")).Content.ReadAsStringAsync();
        var wrong = await (await Client().SignInAsync(LeadsAppFactory.OwnerEmail, "Wrong-Password-1")).Content.ReadAsStringAsync();

        const string message = "E-Mail-Adresse oder Passwort ist falsch.";
        Assert.Contains(message, unknown, StringComparison.Ordinal);
        Assert.Contains(message, wrong, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_page_says_so()
    {
        var client = Client();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var refused = await client.SignInAsync(LeadsAppFactory.OwnerEmail, $"Wrong-Password-{attempt}");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        var fifth = await client.SignInAsync(LeadsAppFactory.OwnerEmail, "Wrong-Password-5");
        Assert.Equal(HttpStatusCode.Redirect, fifth.StatusCode);
        Assert.Equal("/Account/Lockout", fifth.RedirectPath());
        var lockout = await (await client.GetAsync("/Account/Lockout")).Content.ReadAsStringAsync();
        Assert.Contains("Konto gesperrt", lockout, StringComparison.Ordinal);

        // Even the right password is refused while the lock lasts.
        var right = await client.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        Assert.Equal("/Account/Lockout", right.RedirectPath());
    }

    [Fact]
    public async Task A_session_ends_after_12_hours_even_when_used_all_day()
    {
        var client = Client();
        await client.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/leads")).StatusCode);

        // Each request after the claims' refresh interval renews the cookie; none of them may stretch the session.
        for (var hour = 1; hour < 12; hour++)
        {
            _factory.Time.Advance(TimeSpan.FromHours(1));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/leads")).StatusCode);
        }

        _factory.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/leads")).StatusCode);
        _factory.Time.Advance(TimeSpan.FromMinutes(2));

        var response = await client.GetAsync("/leads");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.RedirectPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions()
    {
        var laptop = Client();
        var phone = Client();
        await laptop.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        await phone.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);

        var change = await laptop.SubmitFormAsync("/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = LeadsAppFactory.OwnerPassword,
            ["Input.NewPassword"] = "A-New-Password-2",
            ["Input.ConfirmPassword"] = "A-New-Password-2",
        });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);

        // Every request checks the security stamp: no time needs to pass.
        var phoneResponse = await phone.GetAsync("/leads");
        Assert.Equal(HttpStatusCode.Redirect, phoneResponse.StatusCode);
        Assert.StartsWith("/Account/Login", phoneResponse.RedirectPath(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/leads")).StatusCode);
        Assert.Equal("/leads", (await Client().SignInAsync(LeadsAppFactory.OwnerEmail, "A-New-Password-2")).RedirectPath());
    }

    [Fact]
    public async Task A_deactivated_users_session_ends_at_the_next_check()
    {
        var member = await _factory.CreateMemberAsync();
        var client = Client();
        await client.SignInAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/leads")).StatusCode);

        using (var scope = _factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var stored = (await users.FindByIdAsync(member.Id))!;
            stored.IsActive = false;
            await users.UpdateAsync(stored);
        }

        Assert.StartsWith("/Account/Login", (await client.GetAsync("/leads")).RedirectPath(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Client().SignInAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword)).StatusCode);
    }

    [Theory]
    [InlineData("short", "Das Passwort muss 8 bis 128 Zeichen lang sein.")]
    [InlineData("aaaaaaaa", "Das Passwort ist zu einfach")]
    public async Task A_new_password_outside_the_rules_is_refused_with_a_message(string newPassword, string message)
    {
        var client = Client();
        await client.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);

        var response = await client.SubmitFormAsync("/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = LeadsAppFactory.OwnerPassword,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_of_129_characters_is_refused()
    {
        var client = Client();
        await client.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        var tooLong = new string('x', 120) + "abcdefghi";

        var response = await client.SubmitFormAsync("/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = LeadsAppFactory.OwnerPassword,
            ["Input.NewPassword"] = tooLong,
            ["Input.ConfirmPassword"] = tooLong,
        });

        Assert.Contains("8 bis 128 Zeichen", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_link_in_the_mail()
    {
        var client = Client();
        await client.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = LeadsAppFactory.OwnerEmail });

        var mailFile = Assert.Single(await MailFolder.WaitForMailsAsync(_factory.MailFolder, 1));
        var mail = await MimeKit.MimeMessage.LoadAsync(mailFile);
        Assert.Equal(LeadsAppFactory.OwnerEmail, mail.To.Mailboxes.Single().Address);
        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", @"https?://\S+").Value;
        var resetPath = new Uri(link).PathAndQuery;

        var reset = await client.SubmitFormAsync(resetPath, new Dictionary<string, string>
        {
            ["Input.Email"] = LeadsAppFactory.OwnerEmail,
            ["Input.Password"] = "Reset-Password-3",
            ["Input.ConfirmPassword"] = "Reset-Password-3",
        });

        Assert.Equal("/Account/ResetPasswordConfirmation", reset.RedirectPath());
        Assert.Equal("/leads", (await Client().SignInAsync(LeadsAppFactory.OwnerEmail, "Reset-Password-3")).RedirectPath());
    }

    [Fact]
    public async Task The_reset_link_points_at_the_configured_address_whatever_the_request_says()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://evil.example") });

        await client.SubmitFormAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = LeadsAppFactory.OwnerEmail });

        var mail = await MimeKit.MimeMessage.LoadAsync(Assert.Single(await MailFolder.WaitForMailsAsync(_factory.MailFolder, 1)));
        Assert.Contains("http://localhost:5000/Account/ResetPassword?code=", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reset_for_an_unknown_address_reads_like_a_bad_link()
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Email"] = "nobody@test.example",
            ["Input.Password"] = "Reset-Password-3",
            ["Input.ConfirmPassword"] = "Reset-Password-3",
        };
        var unknown = await Client().SubmitFormAsync("/Account/ResetPassword?code=YWJj", fields);
        var known = await Client().SubmitFormAsync("/Account/ResetPassword?code=YWJj", new Dictionary<string, string>(fields) { ["Input.Email"] = LeadsAppFactory.OwnerEmail });

        const string message = "Dieser Link ist ungültig oder abgelaufen.";
        Assert.Contains(message, await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(message, await known.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class SignInTestsOnSqlite() : SignInTests(DatabaseProvider.Sqlite);

public sealed class SignInTestsOnPostgres() : SignInTests(DatabaseProvider.Postgres);
