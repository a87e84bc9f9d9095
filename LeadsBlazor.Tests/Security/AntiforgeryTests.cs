using System.Net;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Security;

/// <summary>Every form post of the app (found in its routing) needs its antiforgery token, and no GET changes anything.</summary>
public abstract class AntiforgeryTests(AntiforgeryTests.App app)
{
    public abstract class App(DatabaseProvider provider) : IDisposable
    {
        public LeadsAppFactory Factory { get; } = new(provider: provider);

        public void Dispose() => Factory.Dispose();
    }

    public sealed class SqliteApp() : App(DatabaseProvider.Sqlite);

    public sealed class PostgresApp() : App(DatabaseProvider.Postgres);

    private HttpClient Client() => app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task A_post_without_the_token_is_refused_everywhere_signed_in_or_not()
    {
        var owner = Client();
        await owner.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        var paths = AppEndpoints.PostPaths(app.Factory);

        Assert.Contains("/Account/Login", paths);
        Assert.Contains("/Account/Logout", paths);
        Assert.Contains("/preferences/culture/sample", paths);
        foreach (var path in paths)
        {
            var signedIn = await owner.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@test.example" }));
            Assert.True(signedIn.StatusCode == HttpStatusCode.BadRequest, $"{path}: a post without a token got {(int)signedIn.StatusCode}");

            // Anonymous: a page that needs sign-in may send there first; it must never accept the post.
            var anonymous = await Client().PostAsync(path, new FormUrlEncodedContent([]));
            Assert.True(anonymous.StatusCode is HttpStatusCode.BadRequest || (anonymous.StatusCode == HttpStatusCode.Redirect && anonymous.RedirectPath().StartsWith("/Account/Login", StringComparison.Ordinal)),
                $"{path}: an anonymous post without a token got {(int)anonymous.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/leads")).StatusCode);
    }

    [Fact]
    public async Task A_link_to_the_language_changes_nothing_and_the_menu_form_does()
    {
        var client = Client();
        await client.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);

        var before = (await OwnerAsync()).Culture;

        // What another site could make the browser follow.
        var link = await client.GetAsync("/preferences/culture/en-US?returnUrl=%2Fleads");

        Assert.NotEqual(HttpStatusCode.Redirect, link.StatusCode);
        Assert.Equal(before, (await OwnerAsync()).Culture);
        Assert.NotEqual("en-US", before);

        var token = await client.AntiforgeryTokenAsync();
        var posted = await client.PostAsync("/preferences/culture/en-US?returnUrl=%2Fleads", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal("/leads", posted.RedirectPath());
        Assert.Equal("en-US", (await OwnerAsync()).Culture);
    }

    private async Task<ApplicationUser> OwnerAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(LeadsAppFactory.OwnerEmail))!;
    }
}

public sealed class AntiforgeryTestsOnSqlite(AntiforgeryTests.SqliteApp app) : AntiforgeryTests(app), IClassFixture<AntiforgeryTests.SqliteApp>;

public sealed class AntiforgeryTestsOnPostgres(AntiforgeryTests.PostgresApp app) : AntiforgeryTests(app), IClassFixture<AntiforgeryTests.PostgresApp>;
