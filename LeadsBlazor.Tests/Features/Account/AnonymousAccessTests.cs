using System.Net;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Features.Account;

public abstract class AnonymousAccessTests(AnonymousAccessTests.App app)
{
    public abstract class App(DatabaseProvider provider) : IDisposable
    {
        public LeadsAppFactory Factory { get; } = new(provider: provider);

        public void Dispose() => Factory.Dispose();
    }

    public sealed class SqliteApp() : App(DatabaseProvider.Sqlite);

    public sealed class PostgresApp() : App(DatabaseProvider.Postgres);

    private HttpClient Client() => app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/")]
    [InlineData("/leads")]
    [InlineData("/leads/potential")]
    [InlineData("/leads/all")]
    [InlineData("/projects")]
    [InlineData("/settings")]
    [InlineData("/Account/Manage/ChangePassword")]
    [InlineData("/Account/Manage/TwoFactorAuthentication")]
    [InlineData("/Account/Manage/EnableAuthenticator")]
    [InlineData("/Account/Manage/GenerateRecoveryCodes")]
    [InlineData("/Account/Manage/ResetAuthenticator")]
    [InlineData("/Account/Manage/Disable2fa")]
    [InlineData("/Account/LoginWith2fa")]
    [InlineData("/Account/LoginWithRecoveryCode")]
    public async Task An_anonymous_request_for_a_page_is_sent_to_sign_in(string path)
    {
        var response = await Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.RedirectPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_answers_200_when_the_database_answers()
    {
        var response = await Client().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_sign_in_page_is_open_and_in_German_by_default()
    {
        var response = await Client().GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Anmelden", html, StringComparison.Ordinal);
        Assert.Contains("Passwort vergessen?", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task There_is_no_public_registration()
    {
        var signedIn = Client();
        await signedIn.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        var register = await signedIn.GetAsync("/Account/Register");
        var anonymousRegister = await Client().GetAsync("/Account/Register");
        var setup = await Client().GetAsync("/setup");

        Assert.Equal(HttpStatusCode.NotFound, register.StatusCode);
        Assert.StartsWith("/Account/Login", anonymousRegister.RedirectPath(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, setup.StatusCode);
        Assert.StartsWith("/Account/Login", setup.RedirectPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_to_the_first_run_page_after_the_owner_exists_creates_no_one()
    {
        var client = Client();
        var token = await client.AntiforgeryTokenAsync();

        var setup = await client.PostAsync("/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup",
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = "Mallory",
            ["Input.Email"] = "mallory@evil.example",
            ["Input.Password"] = "Mallory-Owner-1",
            ["Input.ConfirmPassword"] = "Mallory-Owner-1",
        }));

        Assert.StartsWith("/Account/Login", setup.RedirectPath(), StringComparison.Ordinal);
        Assert.DoesNotContain(setup.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("leads.auth=", StringComparison.Ordinal));
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.Null(await users.FindByEmailAsync("mallory@evil.example"));
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("/%09/evil.example")]
    [InlineData("https://evil.example/")]
    public async Task A_preference_link_never_leads_off_the_app(string returnUrl)
    {
        var client = Client();
        var token = await client.AntiforgeryTokenAsync();
        var response = await client.PostAsync("/preferences/culture/en-US?returnUrl=" + Uri.EscapeDataString(returnUrl), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.RedirectPath());
        Assert.True(!response.Headers.Location!.IsAbsoluteUri || response.Headers.Location.Host == "localhost");
    }

    [Fact]
    public async Task Signing_out_without_the_antiforgery_token_is_refused()
    {
        var client = Client();
        await client.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/leads")).StatusCode);
    }
}

public sealed class AnonymousAccessTestsOnSqlite(AnonymousAccessTests.SqliteApp app) : AnonymousAccessTests(app), IClassFixture<AnonymousAccessTests.SqliteApp>;

public sealed class AnonymousAccessTestsOnPostgres(AnonymousAccessTests.PostgresApp app) : AnonymousAccessTests(app), IClassFixture<AnonymousAccessTests.PostgresApp>;
