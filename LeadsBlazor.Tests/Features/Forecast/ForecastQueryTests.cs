using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Forecast;
using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Tests.Features.Forecast;

/// <summary>The forecast, the calibration and the daily snapshot on the real database (Rule 15).</summary>
public abstract class ForecastQueryTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?>
    {
        ["Reminders:BackgroundScan"] = "false",
        ["Forecast:BackgroundSnapshots"] = "false",
    }, provider: provider);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_forecast_total_is_the_weighted_volume_of_the_same_filter_to_the_cent()
    {
        await _app.AddCurrencyAsync(Currency.Chf, 1.0637m);
        var stages = await _app.StagesAsync();
        var member = await _app.CreateMemberAsync();
        var random = new Random(18);
        await using (var db = _app.NewContext())
        {
            var tracked = await db.Stages.OrderBy(s => s.Position).ToListAsync();
            for (var i = 0; i < 120; i++)
            {
                var lead = Lead.CreateRunning(
                    $"Lead {i}", i % 3 == 0 ? member : _app.OwnerId, Money.Revenue(random.Next(100, 9_000_000) / 100m, i % 5 == 0 ? Currency.Chf : Currency.Eur),
                    _app.Today.AddDays(3), null, tracked[i % tracked.Count], _app.Actor);
                var from = _app.Today.AddDays(random.Next(-200, 500));
                if (i % 7 != 0)
                {
                    lead.ChangeServicePeriod(i % 11 == 0 ? null : from, from.AddDays(random.Next(0, 300)), _app.Actor);
                }

                db.Leads.Add(lead);
            }

            await db.SaveChangesAsync();
        }

        foreach (var filter in new[] { new LeadFilter(), new LeadFilter(ResponsibleUserId: member), new LeadFilter(Search: "Lead 1") })
        {
            var forecast = await _app.Get<ForecastQuery>().GetAsync(filter);
            var volume = await _app.Get<WeightedVolumeQuery>().GetAsync(filter);

            Assert.Equal(volume.Total.Weighted, forecast.Total);
            Assert.Equal(forecast.Total, forecast.WithoutPeriod + Enumerable.Range(0, 12).Sum(forecast.Month) + forecast.Later);
            Assert.All(stages, s => Assert.Equal(volume.For(s.Id).Weighted, forecast.Stages.Single(r => r.StageId == s.Id).Total));
        }
    }

    [Fact]
    public async Task The_won_line_shows_won_revenue_in_the_months_of_its_service_period()
    {
        var stages = await _app.StagesAsync();
        var lead = await _app.AddRunningLeadAsync(stages[2].Id, 31_000m);
        await using (var db = _app.NewContext())
        {
            var tracked = await db.Leads.Include(l => l.Stage).SingleAsync(l => l.Id == lead.Id);
            var firstOfNextMonth = new DateOnly(_app.Today.Year, _app.Today.Month, 1).AddMonths(1);
            tracked.ChangeServicePeriod(firstOfNextMonth, firstOfNextMonth.AddMonths(1).AddDays(-1), _app.Actor);
            tracked.Close(LeadStatus.Won, _app.Today, null, null, _app.Actor);
            await db.SaveChangesAsync();
        }

        var forecast = await _app.Get<ForecastQuery>().GetAsync(new LeadFilter());

        Assert.Equal(31_000m, forecast.WonMonths[1]);
        Assert.Equal(31_000m, forecast.WonMonths.Sum());
        Assert.Equal(0m, forecast.Total);
    }

    [Fact]
    public async Task The_observed_win_rate_of_a_stage_comes_from_the_leads_that_entered_it_in_the_last_twelve_months()
    {
        var stages = await _app.StagesAsync();
        var reason = await ReasonIdAsync();

        // Thirteen months ago a lead entered "Angebot" and was lost: outside the window.
        await ScriptAsync(stages[2].Id, LeadStatus.Lost, reason);
        _app.Time.Advance(TimeSpan.FromDays(400));

        await ScriptAsync(stages[2].Id, LeadStatus.Won, null, passFirst: stages[0].Id);
        await ScriptAsync(stages[2].Id, LeadStatus.Lost, reason);
        await ScriptAsync(stages[2].Id, LeadStatus.Dropped, reason);
        await ScriptAsync(stages[2].Id, LeadStatus.Running, null);

        var rows = await _app.Get<CalibrationQuery>().GetAsync();

        var offer = rows.Single(r => r.Calibration.StageId == stages[2].Id).Calibration;
        Assert.Equal((1, 1, 1, 1), (offer.Won, offer.Lost, offer.Dropped, offer.Open));
        Assert.Equal(33, offer.ObservedPercent);
        var first = rows.Single(r => r.Calibration.StageId == stages[0].Id).Calibration;
        Assert.Equal((1, 0, 0, 0), (first.Won, first.Lost, first.Dropped, first.Open));
        Assert.Equal("Angebot", rows.Single(r => r.Calibration.StageId == stages[2].Id).Name);
    }

    [Fact]
    public async Task The_snapshot_is_one_row_per_day_however_often_and_from_how_many_instances_it_runs()
    {
        var stages = await _app.StagesAsync();
        await _app.AddRunningLeadAsync(stages[2].Id, 10_000m);

        var instances = Enumerable.Range(0, 6).Select(_ => _app.NewInstance<PipelineSnapshots>()).ToList();
        var written = await Task.WhenAll(instances.Select(i => i.TakeAsync()));
        var again = await _app.Get<PipelineSnapshots>().TakeAsync();

        Assert.Equal(1, written.Count(w => w));
        Assert.False(again);
        await using var db = _app.NewContext();
        var snapshot = await db.PipelineSnapshots.SingleAsync();
        Assert.Equal(_app.Today, snapshot.Day);
        Assert.Equal(3_000_00, snapshot.TotalWeightedCents);
        Assert.Equal(3_000_00, snapshot.Stages.Single(s => s.StageId == stages[2].Id).WeightedCents);

        // The next day gets its own.
        _app.Time.Advance(TimeSpan.FromDays(1));
        Assert.True(await _app.Get<PipelineSnapshots>().TakeAsync());
        Assert.Equal(2, await db.PipelineSnapshots.CountAsync());
        var trend = await _app.Get<TrendQuery>().GetAsync();
        Assert.Equal(3_000m, trend.Points[^1].Total);
    }

    [Theory]
    [InlineData(0, false)] // on 15.12. (Berlin) the change of 01.12. is 14 days ago: not more than the stage's 14
    [InlineData(24, true)] // on 16.12. it is 15
    public async Task The_database_and_the_lead_agree_on_idle_at_the_edge_of_a_day_in_the_account_time_zone(int hoursLater, bool idle)
    {
        var stages = await _app.StagesAsync();
        await using (var db = _app.NewContext())
        {
            var all = await db.Stages.ToListAsync();
            new LeadsBlazor.Domain.Pipeline.StageList(all).SetIdleDays(all.Single(s => s.Id == stages[2].Id), 14);
            await db.SaveChangesAsync();
        }

        // 23:30 UTC on 30.11. is already 01.12. in Berlin: a rule that took the UTC date would call the lead idle a day early.
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero));
        var lead = await _app.AddRunningLeadAsync(stages[2].Id);
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 12, 14, 23, 30, 0, TimeSpan.Zero).AddHours(hoursLater));

        await using var check = _app.NewContext();
        var account = await check.AccountSettings.AsNoTracking().Include(a => a.Currencies).SingleAsync();
        var today = account.Today(_app.Time);
        var stored = await check.Leads.AsNoTracking().Include(l => l.Stage).SingleAsync(l => l.Id == lead.Id);
        var found = await check.Leads.AsNoTracking().Idle(await check.Stages.AsNoTracking().ToListAsync(), account, today).AnyAsync(l => l.Id == lead.Id);

        Assert.Equal(idle, stored.IsIdle(today, account));
        Assert.Equal(idle, found);
    }

    private async Task<int> ReasonIdAsync()
    {
        await using var db = _app.NewContext();
        return await db.CloseReasons.Select(r => r.Id).FirstAsync();
    }

    // A lead that enters the stage (after another one, if given), a day later reaches its outcome.
    private async Task ScriptAsync(int stageId, LeadStatus outcome, int? reasonId, int? passFirst = null)
    {
        await using var db = _app.NewContext();
        var stages = await db.Stages.ToListAsync();
        var lead = Lead.CreateRunning("Scripted", _app.OwnerId, Money.Revenue(1_000m, Currency.Eur), _app.Today.AddDays(3), null, stages.Single(s => s.Id == (passFirst ?? stageId)), _app.Actor);
        _app.Time.Advance(TimeSpan.FromDays(1));
        lead.MoveToStage(stages.Single(s => s.Id == stageId), _app.Actor);
        if (outcome != LeadStatus.Running)
        {
            var reason = reasonId is { } id ? await db.CloseReasons.SingleAsync(r => r.Id == id) : null;
            lead.Close(outcome, _app.Today, reason, null, _app.Actor);
        }

        db.Leads.Add(lead);
        await db.SaveChangesAsync();
    }
}

public sealed class ForecastQueryTestsOnSqlite() : ForecastQueryTests(DatabaseProvider.Sqlite);

public sealed class ForecastQueryTestsOnPostgres() : ForecastQueryTests(DatabaseProvider.Postgres);
