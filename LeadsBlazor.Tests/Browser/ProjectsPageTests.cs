using System.Text.RegularExpressions;
using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>The list of all projects in a real Chromium: its filters live in the URL, so a reload and the export show the same projects.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProjectsPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    protected override async Task ArrangeAsync() =>
        await App.CreateProjectListAsync(await App.UserIdAsync(LeadsAppFactory.OwnerEmail), (await App.CreateMemberAsync()).Id);

    [Fact]
    public async Task Leader_search_and_status_go_to_the_url_and_a_reload_shows_the_same_list()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads");
        await page.GetByTestId("nav-projects").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/projects$"));
        var grid = page.GetByTestId("projects-grid");
        await Assertions.Expect(grid.GetByTestId("project-link")).ToHaveCountAsync(3);
        await Assertions.Expect(grid).ToContainTextAsync("Broschüre Frühjahr");
        await Assertions.Expect(grid).ToContainTextAsync("12.500 €");
        await Assertions.Expect(grid.GetByTestId("project-lead-link")).ToHaveTextAsync(["Relaunch Website"]);
        await Assertions.Expect(grid).Not.ToContainTextAsync("Intern Wiki");

        // "Ich" in the app bar: the projects the owner leads.
        await page.GetByTestId("filter-me").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]responsible=me(&|$)"));
        await Assertions.Expect(grid.GetByTestId("project-link")).ToHaveCountAsync(2);
        await Assertions.Expect(grid).Not.ToContainTextAsync("Broschüre Frühjahr");

        // Leaving the field searches at once; typing searches after a pause that the test app's fake clock never lets pass.
        await page.GetByTestId("projects-search").FillAsync("intern");
        await page.GetByTestId("projects-search").PressAsync("Tab");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]q=intern(&|$)"));
        await Assertions.Expect(page.GetByTestId("projects-empty")).ToBeVisibleAsync();

        // Archived projects are one more status in the filter.
        await page.GetByTestId("projects-status").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Archiviert" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]status=active%2Cfinished%2Carchived(&|$)"));
        await Assertions.Expect(grid.GetByTestId("project-link")).ToHaveCountAsync(1);
        await Assertions.Expect(grid.GetByTestId("project-status")).ToHaveTextAsync(["Archiviert"]);
        await page.Keyboard.PressAsync("Escape");

        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("projects-search")).ToHaveValueAsync("intern");
        await Assertions.Expect(grid).ToContainTextAsync("Intern Wiki");
        var export = await page.GetByTestId("projects-export").GetAttributeAsync("href");
        Assert.Contains("q=intern", export, StringComparison.Ordinal);
        Assert.Contains("archived", export, StringComparison.Ordinal);
        Assert.Contains("responsible=me", export, StringComparison.Ordinal);
    }
}
