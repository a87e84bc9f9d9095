using System.Net;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Settings.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Security;

/// <summary>A session ends on the server: a copy of the cookie stops working at once, without waiting for any check interval.</summary>
public abstract class SessionTests(DatabaseProvider provider) : IDisposable
{
    private const string ExportUrl = "/leads/export";

    private readonly LeadsAppFactory _factory = new(provider: provider);

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Signs in and returns the client with the sign-in cookie as an attacker would copy it.</summary>
    private async Task<(HttpClient Client, string Cookie)> SignInAsync(string email, string password)
    {
        var client = Client();
        var response = await client.SignInAsync(email, password);
        Assert.Equal("/leads", response.RedirectPath());
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("leads.auth=", StringComparison.Ordinal));
        return (client, cookie.Split(';')[0]);
    }

    /// <summary>A request from somewhere else that carries only the copied cookie.</summary>
    private async Task<HttpResponseMessage> GetWithCopiedCookieAsync(string cookie, string url = ExportUrl)
    {
        var thief = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await thief.SendAsync(request);
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.RedirectPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_is_sent_to_sign_in_at_once()
    {
        var (client, copied) = await SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCopiedCookieAsync(copied)).StatusCode);

        var token = await client.AntiforgeryTokenAsync();
        var signOut = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal("/Account/Login", signOut.RedirectPath());

        AssertSentToSignIn(await GetWithCopiedCookieAsync(copied));
        AssertSentToSignIn(await GetWithCopiedCookieAsync(copied, "/leads"));
    }

    [Fact]
    public async Task Signing_out_removes_the_session_from_the_server()
    {
        var (client, _) = await SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        Assert.Equal(1, await SessionCountAsync(LeadsAppFactory.OwnerEmail));

        var token = await client.AntiforgeryTokenAsync();
        await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(0, await SessionCountAsync(LeadsAppFactory.OwnerEmail));
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_at_once_and_keeps_this_one()
    {
        var (laptop, _) = await SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        var (_, phone) = await SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);

        var change = await laptop.SubmitFormAsync("/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = LeadsAppFactory.OwnerPassword,
            ["Input.NewPassword"] = "A-New-Password-2",
            ["Input.ConfirmPassword"] = "A-New-Password-2",
        });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);

        // No time passes: the phone's next request is refused.
        AssertSentToSignIn(await GetWithCopiedCookieAsync(phone));
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync(ExportUrl)).StatusCode);
        Assert.Equal(1, await SessionCountAsync(LeadsAppFactory.OwnerEmail));
    }

    [Fact]
    public async Task Deactivating_a_user_ends_their_session_at_once()
    {
        await _factory.CreateMemberAsync();
        var (_, member) = await SignInAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCopiedCookieAsync(member)).StatusCode);

        var (memberId, ownerId) = (await _factory.UserIdAsync(LeadsAppFactory.MemberEmail), await _factory.UserIdAsync(LeadsAppFactory.OwnerEmail));
        await UsersAsync(users => users.SetActiveAsync(memberId, false, ownerId));

        AssertSentToSignIn(await GetWithCopiedCookieAsync(member));
        Assert.Equal(0, await SessionCountAsync(LeadsAppFactory.MemberEmail));
    }

    [Fact]
    public async Task A_role_change_ends_the_users_session_at_once()
    {
        await _factory.CreateMemberAsync();
        var (_, member) = await SignInAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword);

        var (memberId, ownerId) = (await _factory.UserIdAsync(LeadsAppFactory.MemberEmail), await _factory.UserIdAsync(LeadsAppFactory.OwnerEmail));
        await UsersAsync(users => users.ChangeRoleAsync(memberId, true, ownerId));

        AssertSentToSignIn(await GetWithCopiedCookieAsync(member));
        var again = Client();
        await again.SignInAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/settings/users")).StatusCode);
    }

    private async Task UsersAsync(Func<UserCommands, Task> change)
    {
        using var scope = _factory.Services.CreateScope();
        await change(scope.ServiceProvider.GetRequiredService<UserCommands>());
    }

    private async Task<int> SessionCountAsync(string email)
    {
        var userId = await _factory.UserIdAsync(email);
        using var scope = _factory.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LeadsDbContext>>().CreateDbContextAsync();
        return await db.UserSessions.CountAsync(s => s.UserId == userId);
    }
}

public sealed class SessionTestsOnSqlite() : SessionTests(DatabaseProvider.Sqlite);

public sealed class SessionTestsOnPostgres() : SessionTests(DatabaseProvider.Postgres);
