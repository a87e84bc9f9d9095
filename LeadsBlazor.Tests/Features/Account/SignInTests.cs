using System.Net;
using LeadsBlazor.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LeadsBlazor.Tests.Features.Account;

public sealed class SignInTests : IDisposable
{
    private readonly LeadsAppFactory _factory = new();

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
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/settings")).StatusCode);
    }

    [Fact]
    public async Task A_member_is_refused_the_settings()
    {
        await _factory.CreateMemberAsync();
        var client = Client();
        await client.SignInAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword);

        var response = await client.GetAsync("/settings");

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
    public async Task A_session_ends_after_12_hours()
    {
        var client = Client();
        await client.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/leads")).StatusCode);

        _factory.Time.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));

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

        // The other session's cookie is checked against the security stamp at the next interval.
        _factory.Time.Advance(TimeSpan.FromMinutes(2));

        var phoneResponse = await phone.GetAsync("/leads");
        Assert.Equal(HttpStatusCode.Redirect, phoneResponse.StatusCode);
        Assert.StartsWith("/Account/Login", phoneResponse.RedirectPath(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/leads")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Client().SignInAsync(LeadsAppFactory.OwnerEmail, "A-New-Password-2")).StatusCode);
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

        var mailFile = Assert.Single(Directory.GetFiles(_factory.MailFolder, "*.eml"));
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
        Assert.Equal(HttpStatusCode.Redirect, (await Client().SignInAsync(LeadsAppFactory.OwnerEmail, "Reset-Password-3")).StatusCode);
    }
}
