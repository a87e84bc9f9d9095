using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace LeadsBlazor.Tests.Browser;

/// <summary>Rule 1 and Rule 7 as a person sees them: a lost lead says why, on its page, in the "Verloren" tab, in the export and in its history.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LostLeadTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string Explanation = "Die Agentur Nord war 20 % günstiger.";
    private int _lead;

    protected override async Task ArrangeAsync()
    {
        var stages = await App.StagesAsync();
        _lead = await App.CreateLeadAsync("Relaunch Intranet", 18_000m, await App.UserIdAsync(LeadsAppFactory.OwnerEmail), stages[2].Id);
    }

    [Fact]
    public async Task A_lead_lost_with_a_reason_and_text_shows_both_on_its_page_in_the_Lost_tab_in_the_export_and_in_its_history()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, $"leads/{_lead}");

        await page.GetByTestId("action-lost").ClickAsync();
        await page.GetByTestId("close-reason").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Wettbewerber" }).ClickAsync();
        await page.GetByTestId("close-reason-text").FillAsync(Explanation);
        await page.GetByTestId("close-confirm").ClickAsync();

        await Assertions.Expect(page.GetByTestId("lead-status")).ToHaveTextAsync("Verloren");
        await Assertions.Expect(page.GetByTestId("lead-close-reason")).ToHaveTextAsync("Wettbewerber");
        await Assertions.Expect(page.GetByTestId("lead-close-explanation")).ToHaveTextAsync(Explanation);
        var history = page.GetByTestId("history-entry");
        await Assertions.Expect(history.Filter(new() { HasText = "Grund" })).ToHaveTextAsync("Grund: — → Wettbewerber");
        await Assertions.Expect(history.Filter(new() { HasText = "Abgeschlossen am" })).ToHaveTextAsync("Abgeschlossen am: — → 30.11.2026");
        await Assertions.Expect(history.Filter(new() { HasText = "Erläuterung" })).ToHaveTextAsync($"Erläuterung: — → {Explanation}");

        await page.GotoAsync("leads/all?tab=lost");
        var grid = page.GetByTestId("lead-grid");
        await Assertions.Expect(grid.Locator("th").Filter(new() { HasText = "Grund" })).ToBeVisibleAsync();
        await Assertions.Expect(grid.Locator("td.lead-close-reason")).ToHaveTextAsync("Wettbewerber");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export").ClickAsync());
        var path = Path.Combine(App.Folder, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        Assert.Equal(["Alle Leads – Verloren"], MiniExcel.GetSheetNames(path));
        var row = Assert.Single(MiniExcel.Query(path, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>());
        Assert.Equal(("Relaunch Intranet", "Wettbewerber", Explanation), (row["Name"], row["Grund"], row["Begründung"]));
    }
}
