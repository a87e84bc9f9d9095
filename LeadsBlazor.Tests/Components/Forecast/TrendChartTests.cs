using Bunit;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Forecast;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Components.Forecast;

/// <summary>The pipeline's trend from the daily snapshots (Rule 15): an empty state until there are two weeks to compare, then the chart.</summary>
public sealed class TrendChartTests : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?>
    {
        ["Reminders:BackgroundScan"] = "false",
        ["Forecast:BackgroundSnapshots"] = "false",
    });

    public void Dispose() => _app.Dispose();

    private IRenderedComponent<TrendChart> Render(BunitContext context)
    {
        context.Services.AddSingleton(_app.Get<TrendQuery>());
        context.Services.AddSingleton(_app.Get<IEventBus>());
        return context.Render<TrendChart>();
    }

    [Fact]
    public async Task With_only_todays_snapshot_the_card_says_the_trend_fills_up_daily()
    {
        var stages = await _app.StagesAsync();
        await _app.AddRunningLeadAsync(stages[2].Id, 10_000m);
        await _app.Get<PipelineSnapshots>().TakeAsync();
        await using var context = ComponentContext.Create();

        var trend = Render(context);

        trend.WaitForAssertion(() => Assert.Equal("Der Verlauf füllt sich ab heute täglich.", trend.Find("[data-testid=trend-empty]").TextContent.Trim()));
        Assert.Empty(trend.FindAll(".mud-chart"));
    }

    [Fact]
    public async Task Two_weeks_of_snapshots_draw_the_total_and_each_stage_with_the_dates_in_the_users_culture()
    {
        var stages = await _app.StagesAsync();
        await _app.AddRunningLeadAsync(stages[2].Id, 10_000m);
        await _app.Get<PipelineSnapshots>().TakeAsync();
        _app.Time.Advance(TimeSpan.FromDays(7));
        await _app.AddRunningLeadAsync(stages[3].Id, 10_000m);
        await _app.Get<PipelineSnapshots>().TakeAsync();
        await using var context = ComponentContext.Create();

        var trend = Render(context);

        trend.WaitForAssertion(() => Assert.Equal(
            "Stand 07.12.2026: 9.000 € (am 30.11.2026: 3.000 €)", trend.Find("[data-testid=trend-summary]").TextContent.Trim().Replace('\u00A0', ' ')));
        Assert.Equal(["Gesamt", "Erstkontakt", "Vorstellung", "Angebot", "Verhandlungen"], trend.FindAll(".mud-chart-legend-item").Select(e => e.TextContent.Trim()));
        Assert.Equal(["30.11.2026", "07.12.2026"], trend.FindAll(".mud-charts-xaxis text").Select(e => e.TextContent));
    }
}
