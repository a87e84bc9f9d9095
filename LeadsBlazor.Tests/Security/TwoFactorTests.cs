using System.Net;
using System.Text.RegularExpressions;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Settings.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Security;

/// <summary>Two-factor sign-in with an authenticator app: enrol, sign in with a code or a recovery code, and the owners' requirement.</summary>
public abstract partial class TwoFactorTests(DatabaseProvider provider) : IDisposable
{
    private const string SecondOwnerEmail = "second-owner@test.example";
    private const string SecondOwnerPassword = "Second-Owner-Password-1";

    private readonly LeadsAppFactory _factory = new(settings: new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false" }, provider: provider);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task After_enrolling_a_sign_in_takes_the_password_and_then_the_current_code()
    {
        var (key, _) = await EnrolAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);

        // A signed-out browser: the password alone leads to the code page, not into the app.
        var client = Client();
        var password = await client.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        var codePage = password.RedirectPath();
        Assert.StartsWith("/Account/LoginWith2fa", codePage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/leads")).StatusCode);

        var wrong = await client.SubmitFormAsync(codePage, new Dictionary<string, string> { ["Input.Code"] = AuthenticatorApp.WrongCode(key) });
        Assert.Contains("Dieser Code stimmt nicht", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/leads")).StatusCode);

        var right = await client.SubmitFormAsync(codePage, new Dictionary<string, string> { ["Input.Code"] = AuthenticatorApp.CodeNow(key) });
        Assert.Equal("/leads", right.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/leads")).StatusCode);
    }

    [Fact]
    public async Task The_code_page_keeps_the_return_address_inside_the_app()
    {
        var (key, _) = await EnrolAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);

        var client = Client();
        var password = await client.SubmitFormAsync("/Account/Login?returnUrl=%2Fsettings%2Fstages", new Dictionary<string, string>
        {
            ["Input.Email"] = LeadsAppFactory.OwnerEmail,
            ["Input.Password"] = LeadsAppFactory.OwnerPassword,
        });
        var right = await client.SubmitFormAsync(password.RedirectPath(), new Dictionary<string, string> { ["Input.Code"] = AuthenticatorApp.CodeNow(key) });
        Assert.Equal("/settings/stages", right.RedirectPath());

        var elsewhere = Client();
        await elsewhere.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        var foreign = await elsewhere.SubmitFormAsync("/Account/LoginWith2fa?returnUrl=https%3A%2F%2Fevil.example%2F", new Dictionary<string, string> { ["Input.Code"] = AuthenticatorApp.CodeNow(key) });
        Assert.Equal("/leads", foreign.RedirectPath());
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_fails_the_second_time()
    {
        var (_, recoveryCodes) = await EnrolAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        Assert.Equal(10, recoveryCodes.Count);

        var first = Client();
        await first.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        var used = await first.SubmitFormAsync("/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Input.RecoveryCode"] = recoveryCodes[0] });
        Assert.Equal("/leads", used.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/leads")).StatusCode);
        Assert.Contains("Wiederherstellungscodes übrig: 9", await first.GetStringAsync("/Account/Manage/TwoFactorAuthentication"), StringComparison.Ordinal);

        var second = Client();
        await second.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        var again = await second.SubmitFormAsync("/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Input.RecoveryCode"] = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Dieser Wiederherstellungscode gilt nicht (mehr).", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/leads")).StatusCode);
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        var (_, oldCodes) = await EnrolAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, out var client);

        var page = await client.SubmitFormAsync("/Account/Manage/GenerateRecoveryCodes", new Dictionary<string, string>());
        var newCodes = RecoveryCodes(await page.Content.ReadAsStringAsync());
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));

        var withOld = Client();
        await withOld.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        var refused = await withOld.SubmitFormAsync("/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Input.RecoveryCode"] = oldCodes[0] });
        Assert.Contains("gilt nicht (mehr)", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reset_makes_the_old_key_useless_and_switching_off_brings_back_the_password_alone()
    {
        var (oldKey, _) = await EnrolAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, out var client);

        var reset = await client.SubmitFormAsync("/Account/Manage/ResetAuthenticator", new Dictionary<string, string>());
        Assert.Equal("/Account/Manage/EnableAuthenticator", reset.RedirectPath());
        var enrolPage = await client.GetStringAsync("/Account/Manage/EnableAuthenticator");
        Assert.Contains("Der Schlüssel ist neu.", enrolPage, StringComparison.Ordinal);
        var newKey = SharedKey(enrolPage);
        Assert.NotEqual(oldKey, newKey);

        // Until the new key is confirmed, the password alone signs in.
        Assert.Equal("/leads", (await Client().SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword)).RedirectPath());
        var withOldKey = await client.SubmitFormAsync("/Account/Manage/EnableAuthenticator", new Dictionary<string, string> { ["Input.Code"] = AuthenticatorApp.CodeNow(oldKey) == AuthenticatorApp.CodeNow(newKey) ? AuthenticatorApp.WrongCode(newKey) : AuthenticatorApp.CodeNow(oldKey) });
        Assert.Contains("Dieser Code stimmt nicht", await withOldKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await client.SubmitFormAsync("/Account/Manage/EnableAuthenticator", new Dictionary<string, string> { ["Input.Code"] = AuthenticatorApp.CodeNow(newKey) });
        Assert.StartsWith("/Account/LoginWith2fa", (await Client().SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword)).RedirectPath(), StringComparison.Ordinal);

        var off = await client.SubmitFormAsync("/Account/Manage/Disable2fa", new Dictionary<string, string>());
        Assert.Equal("/Account/Manage/TwoFactorAuthentication", off.RedirectPath());
        Assert.Contains("data-testid=\"two-factor-off\"", await client.GetStringAsync("/Account/Manage/TwoFactorAuthentication"), StringComparison.Ordinal);
        Assert.Equal("/leads", (await Client().SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword)).RedirectPath());
    }

    [Fact]
    public async Task A_two_factor_form_posted_from_elsewhere_without_the_antiforgery_token_changes_nothing()
    {
        var (key, _) = await EnrolAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, out var client);

        foreach (var (path, form) in new[]
        {
            ("/Account/Manage/Disable2fa", "disable-2fa"),
            ("/Account/Manage/ResetAuthenticator", "reset-authenticator"),
            ("/Account/Manage/GenerateRecoveryCodes", "generate-recovery-codes"),
        })
        {
            var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = form }));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var status = await client.GetStringAsync("/Account/Manage/TwoFactorAuthentication");
        Assert.Contains("data-testid=\"two-factor-on\"", status, StringComparison.Ordinal);
        Assert.Contains("Wiederherstellungscodes übrig: 10", status, StringComparison.Ordinal);
        Assert.Equal(key, SharedKey(await client.GetStringAsync("/Account/Manage/EnableAuthenticator")));
    }

    [Fact]
    public async Task With_the_owner_switch_on_an_owner_without_an_authenticator_is_sent_to_enrol_before_any_other_page()
    {
        await CreateUserAsync(SecondOwnerEmail, SecondOwnerPassword, owner: true);
        await _factory.CreateMemberAsync();
        var ownerId = await _factory.UserIdAsync(LeadsAppFactory.OwnerEmail);

        // The switch refuses an owner who would lock themselves out: they enrol first.
        var refused = await Assert.ThrowsAsync<DomainException>(() => PolicyAsync(ownerId, required: true));
        Assert.Equal(ErrorKeys.TwoFactorFirst, refused.MessageKey);
        await EnrolAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        await PolicyAsync(ownerId, required: true);

        var secondOwner = Client();
        Assert.Equal("/leads", (await secondOwner.SignInAsync(SecondOwnerEmail, SecondOwnerPassword)).RedirectPath());
        foreach (var path in new[] { "/leads", "/settings/stages", "/leads/export" })
        {
            var response = await secondOwner.GetAsync(path);
            Assert.Equal((HttpStatusCode.Redirect, "/Account/Manage/EnableAuthenticator"), (response.StatusCode, response.RedirectPath()));
        }

        var enrolPage = await secondOwner.GetStringAsync("/Account/Manage/EnableAuthenticator");
        Assert.Contains("Für Account-Inhaber ist die Zwei-Faktor-Anmeldung Pflicht.", enrolPage, StringComparison.Ordinal);
        var enrolled = await secondOwner.SubmitFormAsync("/Account/Manage/EnableAuthenticator", new Dictionary<string, string> { ["Input.Code"] = AuthenticatorApp.CodeNow(SharedKey(enrolPage)) });
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secondOwner.GetAsync("/leads")).StatusCode);

        // A member is not bound by the owners' rule.
        var member = Client();
        await member.SignInAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/leads")).StatusCode);

        // While it is on, an owner cannot switch their own second factor off.
        var disable = await secondOwner.GetStringAsync("/Account/Manage/Disable2fa");
        Assert.Contains("data-testid=\"two-factor-required\"", disable, StringComparison.Ordinal);
        Assert.DoesNotContain("disable-2fa", disable, StringComparison.Ordinal);

        await using var db = await NewContextAsync();
        Assert.Contains(await db.SettingsChanges.Select(c => c.WhatKey).ToListAsync(), key => key == "SettingsLog.OwnerTwoFactorOn");
    }

    [Fact]
    public async Task Switching_the_owner_rule_on_ends_the_sessions_of_owners_without_an_authenticator()
    {
        await CreateUserAsync(SecondOwnerEmail, SecondOwnerPassword, owner: true);
        var secondOwner = Client();
        await secondOwner.SignInAsync(SecondOwnerEmail, SecondOwnerPassword);
        await using (var db = await NewContextAsync())
        {
            var stampBefore = await db.Users.Where(u => u.Email == SecondOwnerEmail).Select(u => u.SecurityStamp).SingleAsync();
            await EnrolAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
            await PolicyAsync(await _factory.UserIdAsync(LeadsAppFactory.OwnerEmail), required: true);
            db.ChangeTracker.Clear();
            Assert.NotEqual(stampBefore, await db.Users.Where(u => u.Email == SecondOwnerEmail).Select(u => u.SecurityStamp).SingleAsync());
        }

        // At the cookie's next check (a minute on the app's clock at most) the copied stamp no longer matches: sign in again.
        _factory.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.StartsWith("/Account/Login", (await secondOwner.GetAsync("/leads")).RedirectPath(), StringComparison.Ordinal);
    }

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(string email, string password) => EnrolAsync(email, password, out _);

    /// <summary>Signs in and enrols as a user would: reads the key off the page, types the app's current code, keeps the recovery codes.</summary>
    private Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(string email, string password, out HttpClient client)
    {
        var signedIn = Client();
        client = signedIn;
        return Enrol();

        async Task<(string, IReadOnlyList<string>)> Enrol()
        {
            Assert.Equal("/leads", (await signedIn.SignInAsync(email, password)).RedirectPath());
            var page = await signedIn.GetStringAsync("/Account/Manage/EnableAuthenticator");
            Assert.Contains("src=\"data:image/png;base64,", page, StringComparison.Ordinal);
            var key = SharedKey(page);
            var confirmed = await signedIn.SubmitFormAsync("/Account/Manage/EnableAuthenticator", new Dictionary<string, string> { ["Input.Code"] = AuthenticatorApp.CodeNow(key) });
            var shown = await confirmed.Content.ReadAsStringAsync();
            Assert.Contains("Die Authenticator-App ist eingerichtet.", shown, StringComparison.Ordinal);
            return (key, RecoveryCodes(shown));
        }
    }

    private async Task PolicyAsync(string actingUserId, bool required)
    {
        using var scope = _factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<TwoFactorPolicyCommands>().ChangeAsync(actingUserId, required);
    }

    private async Task CreateUserAsync(string email, string password, bool owner)
    {
        var user = await _factory.CreateMemberAsync(email, password, "Otto Owner");
        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (owner)
        {
            Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(user.Id))!, Roles.AccountOwner)).Succeeded);
        }
    }

    private async Task<LeadsDbContext> NewContextAsync() =>
        await _factory.Services.GetRequiredService<IDbContextFactory<LeadsDbContext>>().CreateDbContextAsync();

    /// <summary>The key as the page shows it for typing (groups of four), without the spaces.</summary>
    private static string SharedKey(string page) =>
        KeyOnPage().Match(page) is { Success: true } match
            ? match.Groups["key"].Value.Replace(" ", "", StringComparison.Ordinal)
            : throw new Xunit.Sdk.XunitException("The enrol page shows no key.");

    private static List<string> RecoveryCodes(string page) =>
        RecoveryCodeOnPage().Matches(page).Select(m => m.Groups["code"].Value).ToList();

    [GeneratedRegex("""data-testid="authenticator-key">(?<key>[A-Za-z2-7 ]+)<""")]
    private static partial Regex KeyOnPage();

    [GeneratedRegex("""<li><code>(?<code>[^<]+)</code></li>""")]
    private static partial Regex RecoveryCodeOnPage();
}

public sealed class TwoFactorTestsOnSqlite() : TwoFactorTests(DatabaseProvider.Sqlite);

public sealed class TwoFactorTestsOnPostgres() : TwoFactorTests(DatabaseProvider.Postgres);
