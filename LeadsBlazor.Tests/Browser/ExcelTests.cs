using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace LeadsBlazor.Tests.Browser;

/// <summary>Rule 10 as a person does it: export what the screen shows, and import a sheet after looking at the preview.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExcelTests(BrowserFixture browser) : BrowserTest(browser)
{
    private int _hot;
    private int _offer;
    private int _negotiation;

    protected override async Task ArrangeAsync()
    {
        var owner = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        var stages = await App.StagesAsync();
        _hot = await App.CreateLabelAsync("Heiß", "#e53935");
        _offer = await App.CreateLeadAsync("Relaunch Website", 12_000m, owner, stages[2].Id, labelIds: [_hot]);
        _negotiation = await App.CreateLeadAsync("Kampagne Frühjahr", 8_000m, owner, stages[3].Id, labelIds: [_hot]);
        await App.CreateLeadAsync("Ohne Label", 50_000m, owner, stages[3].Id);
        await App.CreateLeadAsync("Potenzial mit Label", 3_000m, owner, null, labelIds: [_hot]);
    }

    [Fact]
    public async Task Exporting_the_board_filtered_by_a_label_downloads_exactly_its_leads_with_their_weighted_revenue()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads");
        await page.Locator("[data-testid=label-filter][data-label=\"Heiß\"]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"labels={_hot}"));
        await Assertions.Expect(page.Card(_offer)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("lead-card")).ToHaveCountAsync(2);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export").ClickAsync());

        Assert.Equal("leads-2026-11-30.xlsx", download.SuggestedFilename);
        var path = Path.Combine(App.Folder, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var rows = new FileStream(path, FileMode.Open, FileAccess.Read).Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal([(double)_offer, (double)_negotiation], rows.Select(r => r["ID"]));
        Assert.All(rows, r => Assert.Equal("Heiß", r["Labels"]));
        Assert.Equal([3_600d, 4_800d], rows.Select(r => r["Gewichteter Umsatz"])); // 30 % of 12,000; 60 % of 8,000
        Assert.Equal([12_000d, 8_000d], rows.Select(r => r["Möglicher Umsatz"]));
        Assert.All(rows, r => Assert.IsType<DateTime>(r["Nächste Aktion am"]));
    }

    [Fact]
    public async Task Importing_a_sheet_shows_the_preview_and_saves_only_after_confirming()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads/import");
        var file = Path.Combine(App.Folder, "import.xlsx");
        MiniExcel.SaveAs(file, new[]
        {
            new Dictionary<string, object?> { ["ID"] = _offer, ["Name"] = "Relaunch Website 2.0", ["Nächste Aktion am"] = new DateTime(2026, 12, 15), ["Möglicher Umsatz"] = 12_000, ["Stufe"] = "Angebot", ["Labels"] = "Heiß" },
            new Dictionary<string, object?> { ["ID"] = null, ["Name"] = "Neuer Lead aus Excel", ["Nächste Aktion am"] = new DateTime(2026, 12, 20), ["Möglicher Umsatz"] = 4_000, ["Stufe"] = null, ["Labels"] = null },
            new Dictionary<string, object?> { ["ID"] = null, ["Name"] = "Kaputt", ["Nächste Aktion am"] = "morgen", ["Möglicher Umsatz"] = 1, ["Stufe"] = null, ["Labels"] = null },
        });

        await page.GetByTestId("import-upload").Last.ChooseFileAsync(file);

        await Assertions.Expect(page.GetByTestId("import-creates")).ToHaveAttributeAsync("data-count", "1");
        await Assertions.Expect(page.GetByTestId("import-updates")).ToHaveAttributeAsync("data-count", "1");
        await Assertions.Expect(page.GetByTestId("import-invalid")).ToHaveAttributeAsync("data-count", "1");
        await Assertions.Expect(page.GetByTestId("import-error")).ToHaveTextAsync("Zeile 4, Spalte „Nächste Aktion am“: „morgen“ ist kein Datum.");
        Assert.Equal("Relaunch Website", (await App.LeadAsync(_offer)).Name);

        await page.GetByTestId("import-confirm").ClickAsync();

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Importiert: 1 neu, 1 geändert.");
        Assert.Equal("Relaunch Website 2.0", (await App.LeadAsync(_offer)).Name);
        await page.GotoAsync("leads/potential");
        await Assertions.Expect(page.GetByTestId("lead-grid")).ToContainTextAsync("Neuer Lead aus Excel");
    }

    [Fact]
    public async Task The_preview_shows_what_an_update_row_changes_with_names_and_dates_as_the_reader_writes_them()
    {
        var anna = await App.CreateMemberAsync("anna@test.example", "Anna-Password-1", "Anna Berger");
        await App.CreateMemberAsync("ben@test.example", "Ben-Password-1", "Ben Keller");
        var lead = await App.CreateLeadAsync("Messestand 2027", 9_500m, anna.Id, null, nextActionOn: new DateOnly(2026, 12, 4));
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads/import");
        var file = Path.Combine(App.Folder, "handover.xlsx");
        MiniExcel.SaveAs(file, new[]
        {
            new Dictionary<string, object?> { ["ID"] = lead, ["Name"] = "Messestand 2027", ["Verantwortlich"] = "Ben Keller", ["Nächste Aktion am"] = new DateTime(2026, 12, 15), ["Möglicher Umsatz"] = 9_500 },
        });

        await page.GetByTestId("import-upload").Last.ChooseFileAsync(file);

        await Assertions.Expect(page.GetByTestId("import-updates")).ToHaveAttributeAsync("data-count", "1");
        var changes = page.GetByTestId("import-change");
        await Assertions.Expect(changes).ToHaveTextAsync(["Nächste Aktion: 04.12.2026 → 15.12.2026", "Zuständig: Anna Berger → Ben Keller"]);
        Assert.Equal(anna.Id, (await App.LeadAsync(lead)).ResponsibleUserId);
    }
}
