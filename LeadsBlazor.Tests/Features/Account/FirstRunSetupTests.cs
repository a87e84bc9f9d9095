using System.Net;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Features.Account;

/// <summary>Without bootstrap settings a fresh installation asks for its owner once, and never again.</summary>
public abstract class FirstRunSetupTests(DatabaseProvider provider) : IDisposable
{
    private readonly LeadsAppFactory _factory = new(settings: new Dictionary<string, string?>
    {
        ["Bootstrap:OwnerEmail"] = "",
        ["Bootstrap:OwnerPassword"] = "",
    }, provider: provider);

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task The_first_run_page_creates_the_owner_and_then_closes()
    {
        var client = Client();
        var login = await client.GetAsync("/Account/Login");
        Assert.Equal("/setup", login.RedirectPath());

        var created = await client.SubmitFormAsync("/setup", new Dictionary<string, string>
        {
            ["Input.Name"] = "Olga Owner",
            ["Input.Email"] = "olga@firm.example",
            ["Input.Password"] = "First-Owner-1",
            ["Input.ConfirmPassword"] = "First-Owner-1",
        });

        Assert.Equal("/leads", created.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/settings/reminders")).StatusCode);
        using (var scope = _factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var owner = await users.FindByEmailAsync("olga@firm.example");
            Assert.NotNull(owner);
            Assert.True(await users.IsInRoleAsync(owner, Roles.AccountOwner));
            Assert.Equal("Olga Owner", owner.DisplayName);
        }

        var second = await Client().GetAsync("/setup");
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.StartsWith("/Account/Login", second.RedirectPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_run_page_names_each_bad_field()
    {
        var response = await Client().SubmitFormAsync("/setup", new Dictionary<string, string>
        {
            ["Input.Name"] = "",
            ["Input.Email"] = "not-an-address",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "other",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Bitte ausfüllen.", html, StringComparison.Ordinal);
        Assert.Contains("Bitte eine gültige E-Mail-Adresse eingeben.", html, StringComparison.Ordinal);
        Assert.Contains("Das Passwort muss 8 bis 128 Zeichen lang sein.", html, StringComparison.Ordinal);
        Assert.Contains("Die Passwörter stimmen nicht überein.", html, StringComparison.Ordinal);
    }
}

public sealed class FirstRunSetupTestsOnSqlite() : FirstRunSetupTests(DatabaseProvider.Sqlite);

public sealed class FirstRunSetupTestsOnPostgres() : FirstRunSetupTests(DatabaseProvider.Postgres);
