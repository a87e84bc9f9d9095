using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>The app as its own process, configured by environment variables only.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StartUpTests(BrowserFixture browser) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseSessionsAsync();

    [Fact]
    public async Task The_bootstrap_owner_from_the_environment_signs_in_and_sees_the_settings()
    {
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Bootstrap__OwnerEmail"] = "chefin@agentur.example",
            ["Bootstrap__OwnerPassword"] = "Bootstrap-Owner-1",
            ["Demo__Seed"] = "false",
        });
        var page = await browser.NewPageAsync(app.Address);

        await page.SignInAsync("chefin@agentur.example", "Bootstrap-Owner-1");

        await Assertions.Expect(page.GetByTestId("nav-settings")).ToHaveTextAsync("Einstellungen");
        await page.GotoAsync("settings");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Einstellungen");
        Assert.DoesNotContain("Demo sign-in", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_demo_data_the_console_names_the_demo_sign_in_and_both_users_work()
    {
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string> { ["Demo__Seed"] = "true" });

        Assert.Contains($"Demo sign-in: {DemoData.OwnerEmail}", app.Output, StringComparison.Ordinal);

        // A newcomer opens the address and lands on the sign-in page.
        var owner = await browser.NewPageAsync(app.Address);
        await owner.GotoAsync("/");
        await Assertions.Expect(owner).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await Assertions.Expect(owner.Locator("h1")).ToHaveTextAsync("Anmelden");

        await owner.SignInAsync(DemoData.OwnerEmail, DemoData.Password);
        await Assertions.Expect(owner.GetByTestId("user-menu")).ToContainTextAsync("Anna Berger");
        await Assertions.Expect(owner.GetByTestId("nav-settings")).ToBeVisibleAsync();

        var member = await browser.NewPageAsync(app.Address);
        await member.SignInAsync(DemoData.MemberEmail, DemoData.Password);
        await Assertions.Expect(member.GetByTestId("user-menu")).ToContainTextAsync("Ben Keller");
        await Assertions.Expect(member.GetByTestId("nav-settings")).ToHaveCountAsync(0);
    }
}
