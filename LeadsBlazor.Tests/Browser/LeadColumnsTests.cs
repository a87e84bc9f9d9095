using System.Text.RegularExpressions;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Leads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>The lead lists' columns: the defaults fit 1280, 1440 and 1920 px with the drawer open, more come from the chooser and follow the user, the sort lives in the URL.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LeadColumnsTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly string[] RunningColumns = ["Name", "Kunde", "Zuständig", "Akquise-Stufe", "Gewichtet", "Nächste Aktion", "Labels"];
    private static readonly string[] PotentialColumns = ["Name", "Kunde", "Zuständig", "Möglicher Umsatz", "Nächste Aktion", "Labels"];

    public static TheoryData<string, string[], int> ListsAndWidths() => new()
    {
        { "leads/all?tab=running", RunningColumns, 1280 },
        { "leads/potential", PotentialColumns, 1280 },
        { "leads/all?tab=running", RunningColumns, 1440 },
        { "leads/potential", PotentialColumns, 1440 },
        { "leads/all?tab=running", RunningColumns, 1920 },
        { "leads/potential", PotentialColumns, 1920 },
    };

    [Theory]
    [MemberData(nameof(ListsAndWidths))]
    public async Task Every_default_column_lies_inside_the_window_without_scrolling_sideways(string path, string[] headers, int width)
    {
        var owner = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        var stage = (await App.StagesAsync())[0].Id;
        var label = await App.CreateLabelAsync("Öffentliche Hand", "#ff9800");
        await App.CreateLeadAsync("Barrierefreiheit-Check für die Stadtwerke", 23_850m, owner, stage, labelIds: [label]);
        await App.CreateLeadAsync("Social-Media-Betreuung im Kontaktpotential", 1_200m, owner, null, labelIds: [label]);
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        await page.SetViewportSizeAsync(width, 900);
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        var grid = page.GetByTestId("lead-grid");
        await Assertions.Expect(grid.GetByTestId("lead-link")).ToHaveCountAsync(1);

        var headerCells = grid.Locator("thead th");
        foreach (var header in headers)
        {
            var cell = headerCells.Filter(new() { HasText = header });
            await Assertions.Expect(cell.First).ToBeVisibleAsync();
            var box = await cell.First.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X + box.Width <= width, $"\"{header}\" ends at {box.X + box.Width} px, beyond the {width} px window");
        }
        var table = grid.Locator(".mud-table-container");
        var widths = await table.EvaluateAsync<int[]>("e => [e.scrollWidth, e.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"the grid scrolls sideways: {widths[0]} px of content in {widths[1]} px");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
    }

    [Fact]
    public async Task Sorting_by_a_column_puts_it_in_the_url_and_a_reload_keeps_the_order()
    {
        var owner = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        await App.CreateLeadAsync("Mittel", 5_000m, owner, null);
        await App.CreateLeadAsync("Groß", 90_000m, owner, null);
        await App.CreateLeadAsync("Klein", 100m, owner, null);
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads/potential");
        var links = page.GetByTestId("lead-grid").GetByTestId("lead-link");
        await Assertions.Expect(links).ToHaveCountAsync(3);

        var revenue = page.GetByTestId("lead-grid").Locator("thead th").Filter(new() { HasText = "Möglicher Umsatz" }).Locator(".sortable-column-header, .column-header").First;
        await revenue.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]sort=Revenue(&|$)"));
        await Assertions.Expect(links).ToHaveTextAsync(["Klein", "Mittel", "Groß"]);
        await revenue.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"sort=Revenue&desc=1"));
        await Assertions.Expect(links).ToHaveTextAsync(["Groß", "Mittel", "Klein"]);
        await Assertions.Expect(page.GetByTestId("export")).ToHaveAttributeAsync("href", new Regex(@"sort=Revenue&desc=1"));

        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(links).ToHaveTextAsync(["Groß", "Mittel", "Klein"]);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"sort=Revenue&desc=1"));
    }

    [Fact]
    public async Task The_service_period_column_comes_from_the_chooser_and_sorts_by_the_start()
    {
        var owner = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        using (var scope = App.Services.CreateScope())
        {
            var commands = scope.ServiceProvider.GetRequiredService<LeadCommands>();
            foreach (var (name, from, to) in new (string, DateOnly?, DateOnly?)[]
            {
                ("Herbst", new(2027, 9, 1), null), ("Frühling", new(2027, 3, 1), new(2027, 6, 30)), ("Offen", null, null), ("Winter", null, new(2027, 1, 31)),
            })
            {
                await commands.CreateAsync(new LeadInput { Name = name, ResponsibleUserId = owner, NextActionOn = new DateOnly(2026, 12, 5), ServiceFrom = from, ServiceTo = to }, owner);
            }
        }

        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads/potential");
        var grid = page.GetByTestId("lead-grid");
        var header = grid.Locator("thead th").Filter(new() { HasText = "Leistungszeitraum" });
        await Assertions.Expect(grid.GetByTestId("lead-link")).ToHaveCountAsync(4);
        await Assertions.Expect(header).ToHaveCountAsync(0);

        await page.GetByTestId("column-chooser").Locator("button").ClickAsync();
        await page.GetByTestId("column-ServiceFrom").ClickAsync();
        await Assertions.Expect(header).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Escape");

        await header.Locator(".sortable-column-header, .column-header").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]sort=ServiceFrom(&|$)"));
        await Assertions.Expect(grid.GetByTestId("lead-link")).ToHaveTextAsync(["Offen", "Winter", "Frühling", "Herbst"]);
        await Assertions.Expect(grid.GetByTestId("row-service-period")).ToHaveTextAsync(["", "bis 31.01.2027", "01.03.2027 – 30.06.2027", "ab 01.09.2027"]);
    }

    [Fact]
    public async Task A_column_shown_through_the_chooser_follows_the_user_to_another_browser_and_is_theirs_alone()
    {
        var owner = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        await App.CreateLeadAsync("Kontakt fehlt", 1_000m, owner, (await App.StagesAsync())[0].Id);
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads/all?tab=running");
        var headers = page.GetByTestId("lead-grid").Locator("thead th");
        await Assertions.Expect(headers.Filter(new() { HasText = "Akquise-Stufe" })).ToHaveCountAsync(1);
        await Assertions.Expect(headers.Filter(new() { HasText = "Wahrscheinlichkeit" })).ToHaveCountAsync(0);

        await page.GetByTestId("column-chooser").Locator("button").ClickAsync();
        await page.GetByTestId("column-Probability").ClickAsync();
        await Assertions.Expect(headers.Filter(new() { HasText = "Wahrscheinlichkeit" })).ToHaveCountAsync(1);

        // Another device: a fresh browser context with nothing stored, the same user.
        var elsewhere = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads/all?tab=running");
        await Assertions.Expect(elsewhere.GetByTestId("lead-grid").Locator("thead th").Filter(new() { HasText = "Wahrscheinlichkeit" })).ToHaveCountAsync(1);

        await App.CreateMemberAsync();
        var colleague = await OpenAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword, "leads/all?tab=running");
        var theirHeaders = colleague.GetByTestId("lead-grid").Locator("thead th");
        await Assertions.Expect(theirHeaders.Filter(new() { HasText = "Akquise-Stufe" })).ToHaveCountAsync(1);
        await Assertions.Expect(theirHeaders.Filter(new() { HasText = "Wahrscheinlichkeit" })).ToHaveCountAsync(0);
    }
}
