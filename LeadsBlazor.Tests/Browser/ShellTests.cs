using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>The shell in a real Chromium: who sees the settings, and the language switch.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ShellTests(BrowserFixture browser) : BrowserTest(browser)
{
    protected override Task ArrangeAsync() => App.CreateMemberAsync();

    [Fact]
    public async Task The_bootstrap_owner_sees_the_settings_and_a_member_does_not()
    {
        var owner = await NewPageAsync();
        await owner.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        await Assertions.Expect(owner.GetByTestId("nav-settings")).ToHaveTextAsync("Einstellungen");
        await owner.GetByTestId("nav-settings").ClickAsync();
        await Assertions.Expect(owner.Locator("h1")).ToHaveTextAsync("Einstellungen");

        var member = await NewPageAsync();
        await member.SignInAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword);
        await Assertions.Expect(member.GetByTestId("nav-leads")).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByTestId("nav-settings")).ToHaveCountAsync(0);
        await Assertions.Expect(member.GetByText("Einstellungen")).ToHaveCountAsync(0);

        foreach (var path in new[] { "settings" }.Concat(LeadsBlazor.Web.Features.Settings.Shared.SettingsShell.Pages.Select(p => p.Href)))
        {
            await member.GotoAsync(path);
            await Assertions.Expect(member.GetByTestId("not-allowed")).ToContainTextAsync("Nicht erlaubt");
        }
    }

    [Fact]
    public async Task Switching_to_English_changes_every_label_of_the_shell_and_survives_a_reload()
    {
        var page = await NewPageAsync();
        await page.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        await Assertions.Expect(page.GetByTestId("nav-potential")).ToHaveTextAsync("Kontaktpotential");

        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByTestId("lang-en").ClickAndWaitForPageAsync(page);

        await AssertEnglishShellAsync(page);
        // The new account's board has no lead yet and says how to make the first one, rather than showing bare columns.
        await Assertions.Expect(page.GetByTestId("board-empty")).ToHaveTextAsync("No running leads yet. Create the first one with “New lead”.");
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await AssertEnglishShellAsync(page);
    }

    private static async Task AssertEnglishShellAsync(IPage page)
    {
        await Assertions.Expect(page.GetByTestId("nav-leads")).ToHaveTextAsync("Leads");
        await Assertions.Expect(page.GetByTestId("nav-potential")).ToHaveTextAsync("Contact potential");
        await Assertions.Expect(page.GetByTestId("nav-all")).ToHaveTextAsync("All leads");
        await Assertions.Expect(page.GetByTestId("nav-projects")).ToHaveTextAsync("Projects");
        await Assertions.Expect(page.GetByTestId("nav-settings")).ToHaveTextAsync("Settings");
        await Assertions.Expect(page.GetByText("Acquisition", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".responsible-filter")).ToContainTextAsync("All");
        await Assertions.Expect(page.Locator(".responsible-filter")).ToContainTextAsync("Me");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Leads");

        await page.GetByTestId("user-menu").ClickAsync();
        await Assertions.Expect(page.GetByText("Language", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("theme-dark")).ToHaveTextAsync("Dark mode");
        await Assertions.Expect(page.GetByText("Change password", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("sign-out")).ToHaveTextAsync("Sign out");
        await page.Keyboard.PressAsync("Escape");

        var german = new[] { "Akquise", "Kontaktpotential", "Alle Leads", "Projekte", "Einstellungen", "Abmelden", "Sprache" };
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain(german, word => text.Contains(word, StringComparison.Ordinal));
    }
}
