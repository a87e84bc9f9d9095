using Bunit;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Forecast;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;

namespace LeadsBlazor.Tests.Components.Forecast;

/// <summary>The forecast's table from the real query: each lead's weighted revenue in the month column of its service period (Rule 15).</summary>
public sealed class ForecastTableTests : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?>
    {
        ["Reminders:BackgroundScan"] = "false",
        ["Forecast:BackgroundSnapshots"] = "false",
    });

    public void Dispose() => _app.Dispose();

    private Task<int> CreateAsync(string name, decimal revenue, int stageId, DateOnly? from = null, DateOnly? to = null) =>
        _app.Factory.Services.CreatePeriodLeadAsync(name, revenue, _app.OwnerId, stageId, from, to);

    private static string Text(IRenderedComponent<ForecastTable> table, string selector) =>
        table.Find(selector).TextContent.Trim().Replace('\u00a0', ' ');

    [Theory]
    [InlineData("de-DE", "Dez 26", "3.000 €", "200 €", "Ohne Zeitraum", "3.200 €")]
    [InlineData("en-US", "Dec 26", "€3,000", "€200", "Without period", "€3,200")]
    public async Task A_lead_with_a_period_shows_in_its_month_and_one_without_in_its_own_column(
        string culture, string december, string offer, string firstContact, string withoutPeriod, string total)
    {
        var stages = await _app.StagesAsync();
        // Angebot weighs 30 %, Erstkontakt 1 % (the account's default stages); today is 30.11.2026.
        await CreateAsync("Relaunch Website", 10_000m, stages[2].Id, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31));
        await CreateAsync("Markenauftritt", 20_000m, stages[0].Id);
        await using var context = ComponentContext.Create(culture);
        var forecast = await _app.Get<ForecastQuery>().GetAsync(new LeadFilter());

        var table = context.Render<ForecastTable>(p => p.Add(t => t.Forecast, forecast));

        var headers = table.FindAll("thead th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(withoutPeriod, headers[1]);
        Assert.Equal(december, headers[3]);
        Assert.Equal(offer, Text(table, "[data-stage=Angebot] [data-column='2026-12']"));
        Assert.Equal("–", Text(table, "[data-stage=Angebot] [data-column='2026-11']"));
        Assert.Equal("–", Text(table, "[data-stage=Angebot] [data-column=without-period]"));
        Assert.Equal(firstContact, Text(table, "[data-stage=Erstkontakt] [data-column=without-period]"));
        Assert.Equal("–", Text(table, "[data-stage=Erstkontakt] [data-column='2026-12']"));
        Assert.Equal(total, Text(table, "[data-stage=total] [data-column=total]"));
        Assert.Equal("3200.00", table.Find("[data-stage=total] [data-column=total]").GetAttribute("data-value"));
    }

    [Fact]
    public async Task A_period_over_two_months_is_split_by_days_and_the_won_row_shows_won_revenue()
    {
        var stages = await _app.StagesAsync();
        // 62 days, 31 in December and 31 in January: half of the 3,000 € each.
        await CreateAsync("Relaunch Website", 10_000m, stages[2].Id, new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 31));
        var shop = await CreateAsync("Online-Shop", 40_000m, stages[2].Id, new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 28));
        await _app.Get<LeadCommands>().CloseAsync(shop, (await _app.ReloadAsync(shop)).Version, LeadStatus.Won, _app.Today, null, null, _app.OwnerId);
        await using var context = ComponentContext.Create();
        var forecast = await _app.Get<ForecastQuery>().GetAsync(new LeadFilter());

        var table = context.Render<ForecastTable>(p => p.Add(t => t.Forecast, forecast));

        Assert.Equal("1.500 €", Text(table, "[data-stage=Angebot] [data-column='2026-12']"));
        Assert.Equal("1.500 €", Text(table, "[data-stage=Angebot] [data-column='2027-01']"));
        Assert.Equal("40.000 €", Text(table, "[data-stage=won] [data-column='2027-02']"));
        Assert.Equal("–", Text(table, "[data-stage=Angebot] [data-column='2027-02']"));
        Assert.Equal("3.000 €", Text(table, "[data-stage=total] [data-column=total]"));
    }
}
