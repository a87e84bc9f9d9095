using System.Text.RegularExpressions;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Leads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>"Ergebnisse" in a real Chromium: the table of the seeded closed leads, the breakdowns and period in the URL, and a lead closed elsewhere appearing live.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OutcomesPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    private OutcomeSeeding.Seeded _seeded = default!;

    protected override async Task ArrangeAsync() => _seeded = await App.CreateOutcomesAsync((await App.CreateMemberAsync()).Id);

    [Fact]
    public async Task The_page_shows_the_closed_leads_of_the_last_twelve_months_by_reason_stage_and_user()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads");
        await page.GetByTestId("nav-outcomes").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/leads/outcomes$"));

        var table = page.GetByTestId("outcomes-table");
        await Assertions.Expect(table.GetByTestId("outcome-name")).ToHaveTextAsync(["Gewonnen", "Preis", "Kein Budget"]);
        var price = table.GetByTestId("outcome-row").Nth(1);
        await Assertions.Expect(price.GetByTestId("outcome-lost")).ToHaveAttributeAsync("data-revenue", "6484.56");
        await Assertions.Expect(price.GetByTestId("outcome-lost")).ToContainTextAsync("6.485 €");
        await Assertions.Expect(price.GetByTestId("outcome-share")).ToHaveTextAsync("40 %");
        await Assertions.Expect(table.GetByTestId("outcome-total").GetByTestId("outcome-count")).ToHaveAttributeAsync("data-revenue", "38484.56");
        var chart = page.GetByTestId("outcomes-chart");
        await Assertions.Expect(chart.Locator("svg").First).ToBeVisibleAsync();
        await chart.GetByTestId("outcomes-measure").GetByText("Umsatz", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(chart.Locator("svg").First).ToContainTextAsync("30.000 €");

        await page.GetByTestId("outcomes-tabs").GetByRole(AriaRole.Tab, new() { Name = "Nach Akquise-Stufe" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]by=stage(&|$)"));
        await Assertions.Expect(table.GetByTestId("outcome-name")).ToHaveTextAsync(["Kontaktpotential", "Vorstellung", "Angebot", "Verhandlungen"]);
        await Assertions.Expect(table.GetByTestId("outcome-row").Nth(2).GetByTestId("outcome-win-rate")).ToHaveTextAsync("50 %");

        // "Ich" in the app bar keeps the owner's leads; the export link carries the same filter and period.
        await page.GetByTestId("filter-me").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]responsible=me(&|$)"));
        await Assertions.Expect(table.GetByTestId("outcome-name")).ToHaveTextAsync(["Angebot"]);
        var export = await page.GetByTestId("outcomes-export").GetAttributeAsync("href");
        Assert.Contains("responsible=me", export, StringComparison.Ordinal);
        Assert.Contains($"to={_seeded.Today:yyyy-MM-dd}", export, StringComparison.Ordinal);

        // Last year from the presets: of the owner's leads only "Altprojekt", lost a year ago today.
        await page.GetByTestId("outcomes-preset-LastYear").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"[?&]from={_seeded.Today.Year - 1}-01-01&to={_seeded.Today.Year - 1}-12-31(&|$)"));
        var offer = table.GetByTestId("outcome-row");
        await Assertions.Expect(offer.GetByTestId("outcome-won")).ToHaveAttributeAsync("data-revenue", "0.00");
        await Assertions.Expect(offer.GetByTestId("outcome-lost")).ToHaveAttributeAsync("data-revenue", "7000.00");
    }

    [Fact]
    public async Task A_lead_lost_in_another_session_appears_without_a_reload()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads/outcomes");
        var table = page.GetByTestId("outcomes-table");
        await Assertions.Expect(table.GetByTestId("outcome-name")).ToHaveTextAsync(["Gewonnen", "Preis", "Kein Budget"]);

        using (var scope = App.Services.CreateScope())
        {
            var commands = scope.ServiceProvider.GetRequiredService<LeadCommands>();
            var (id, version) = await App.LeadAsync("Laufend");
            await commands.CloseAsync(id, version, LeadStatus.Lost, _seeded.Today, _seeded.PriceReason, null, _seeded.OwnerId);
        }

        await Assertions.Expect(table.GetByTestId("outcome-row").Nth(1).GetByTestId("outcome-lost")).ToHaveAttributeAsync("data-revenue", "15484.56");
        await Assertions.Expect(table.GetByTestId("outcome-total").GetByTestId("outcome-count")).ToHaveAttributeAsync("data-revenue", "47484.56");
    }
}
