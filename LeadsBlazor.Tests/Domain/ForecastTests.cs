using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Forecasts;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace LeadsBlazor.Tests.Domain;

/// <summary>Rule 15: spreading weighted revenue over service periods by days, the forecast's sums, the calibration; Rule 5: idle.</summary>
public sealed class ForecastTests
{
    // 02.12.2026: the horizon is December 2026 to November 2027.
    private static readonly ForecastHorizon Horizon = new(new DateOnly(2026, 12, 2));

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void A_period_from_the_15th_of_January_to_the_14th_of_March_puts_its_days_share_into_each_month()
    {
        // 17 days in January, 28 in February (2027 is a common year), 14 in March: 59 days.
        var spread = Horizon.Spread(59_00, D(2027, 1, 15), D(2027, 3, 14));

        Assert.Equal([0, 17_00, 28_00, 14_00, 0, 0, 0, 0, 0, 0, 0, 0], spread.Months);
        Assert.Equal(0, spread.Before);
        Assert.Equal(0, spread.Later);
    }

    [Fact]
    public void February_of_a_leap_year_has_29_days()
    {
        var leap = new ForecastHorizon(D(2028, 1, 10));

        var spread = leap.Spread(60_00, D(2028, 2, 1), D(2028, 3, 31));

        // 29 of 60 days in February 2028, 31 in March.
        Assert.Equal(29_00, spread.Months[1]);
        Assert.Equal(31_00, spread.Months[2]);
    }

    [Fact]
    public void A_period_crossing_the_year_is_spread_over_both_years()
    {
        var spread = Horizon.Spread(31_00, D(2026, 12, 17), D(2027, 1, 16));

        Assert.Equal(15_00, spread.Months[0]);
        Assert.Equal(16_00, spread.Months[1]);
    }

    [Fact]
    public void A_one_day_period_counts_wholly_in_its_month()
    {
        var spread = Horizon.Spread(1_234_56, D(2027, 6, 30), D(2027, 6, 30));

        Assert.Equal(1_234_56, spread.Months[6]);
        Assert.Equal(1_234_56, spread.Total);
    }

    [Fact]
    public void The_days_before_and_after_the_horizon_are_reported_apart_and_the_parts_add_up_to_the_cent()
    {
        // 1 cent over three days cannot be split evenly: the running sum is rounded once, so exactly one part takes it.
        var odd = Horizon.Spread(1, D(2026, 11, 30), D(2026, 12, 2));
        Assert.Equal(1, odd.Total);

        var spread = Horizon.Spread(100_00, D(2026, 11, 1), D(2027, 12, 31));
        Assert.True(spread.Before > 0);
        Assert.True(spread.Later > 0);
        Assert.Equal(100_00, spread.Total);
    }

    [Fact]
    public void A_period_with_one_open_end_counts_on_its_known_end()
    {
        Assert.Equal(5_00, Horizon.Spread(5_00, D(2027, 4, 10), null).Months[4]);
        Assert.Equal(5_00, Horizon.Spread(5_00, null, D(2027, 2, 1)).Months[2]);
    }

    [Fact]
    public void The_forecast_counts_a_past_period_in_the_current_month_keeps_leads_without_a_period_apart_and_later_ones_later()
    {
        var forecast = new PipelineForecast(Horizon);

        forecast.AddRunning(stageId: 1, weightedCents: 300_00, D(2026, 10, 1), D(2026, 10, 31));
        forecast.AddRunning(stageId: 1, weightedCents: 70_00, from: null, to: null);
        forecast.AddRunning(stageId: 2, weightedCents: 80_00, D(2028, 1, 1), D(2028, 1, 31), count: 2);

        var rows = forecast.Rows([1, 2, 3]);
        Assert.Equal(300_00, rows[0].Months[0]);
        Assert.Equal(70_00, rows[0].WithoutPeriod);
        Assert.Equal(160_00, rows[1].Later);
        Assert.Equal(0, rows[2].Total);
        Assert.Equal(530_00, forecast.Total);
    }

    [Fact]
    public void The_buckets_add_up_to_the_weighted_volume_of_the_same_leads_exactly()
    {
        var random = new Random(18);
        var account = new AccountSettings(Currency.Eur, "Europe/Berlin", "de-DE", Horizon.Today);
        var stages = StageList.Defaults();
        var forecast = new PipelineForecast(Horizon);
        long weightedVolume = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var stage = stages[random.Next(stages.Count)];
            var revenue = Money.Revenue(random.Next(1, 5_000_000) / 100m + 0.01m, Currency.Eur);
            var weighted = WeightedRevenue.Of(revenue, stage.Probability, account).MinorUnits;
            weightedVolume += weighted;
            var from = Horizon.Today.AddDays(random.Next(-400, 500));
            var to = from.AddDays(random.Next(0, 700));
            var openEnd = random.Next(10);
            forecast.AddRunning(stage.Position, weighted, openEnd == 0 ? null : from, openEnd == 1 ? null : to);
        }

        Assert.Equal(weightedVolume, forecast.Total);
        Assert.Equal(weightedVolume, forecast.Rows(stages.Select(s => s.Position)).Sum(r => r.Total));
    }

    [Fact]
    public void Won_revenue_counts_only_its_days_inside_the_horizon_or_the_month_it_was_won()
    {
        var forecast = new PipelineForecast(Horizon);

        forecast.AddWon(61_00, D(2026, 11, 1), D(2026, 12, 31), closedOn: D(2026, 10, 20));
        forecast.AddWon(500_00, from: null, to: null, closedOn: D(2026, 12, 1));
        forecast.AddWon(900_00, from: null, to: null, closedOn: D(2026, 11, 30));

        Assert.Equal(31_00 + 500_00, forecast.WonMonths[0]);
        Assert.Equal(531_00, forecast.WonMonths.Sum());
        Assert.Equal(0, forecast.Total);
    }

    [Theory]
    [InlineData(30, 9, 41, 0, 6, CalibrationVerdict.SetTooHigh, 18)]
    [InlineData(30, 3, 7, 0, 2, CalibrationVerdict.Matches, 30)]
    [InlineData(10, 4, 6, 0, 0, CalibrationVerdict.SetTooLow, 40)]
    [InlineData(60, 2, 1, 1, 20, CalibrationVerdict.TooFewLeads, 50)]
    public void The_observed_win_rate_counts_decided_leads_and_judges_the_set_probability(int set, int won, int lost, int dropped, int open, CalibrationVerdict verdict, int observed)
    {
        var calibration = new StageCalibration(1, Probability.FromPercent(set), won, lost, dropped, open);

        Assert.Equal(observed, calibration.ObservedPercent);
        Assert.Equal(verdict, calibration.Verdict);
        Assert.Equal(won + lost + dropped + open, calibration.Passed);
    }

    [Fact]
    public void A_stage_without_decided_leads_has_no_observed_rate()
    {
        Assert.Null(new StageCalibration(1, Probability.FromPercent(30), 0, 0, 0, 4).ObservedPercent);
    }

    [Fact]
    public void A_running_lead_is_idle_once_nothing_happened_for_longer_than_its_stage_allows()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 16, 0, 0, TimeSpan.Zero));
        var account = new AccountSettings(Currency.Eur, "Europe/Berlin", "de-DE", new DateOnly(2026, 11, 2));
        var stages = LeadBuilder.DefaultStages();
        var offer = stages.Stages[2];
        stages.SetIdleDays(offer, 14);
        var lead = Lead.CreateRunning("Relaunch", "ben", Money.Revenue(1_000m, Currency.Eur), account.Today(time).AddDays(30), null, offer, new Actor("anna", time.GetUtcNow()));

        time.Advance(TimeSpan.FromDays(14));
        Assert.False(lead.IsIdle(account.Today(time), account));

        time.Advance(TimeSpan.FromDays(1));
        Assert.True(lead.IsIdle(account.Today(time), account));

        // Any change (here a note) makes it fresh again.
        lead.AddNote("Nachgefasst, Antwort nächste Woche", new Actor("anna", time.GetUtcNow()));
        Assert.False(lead.IsIdle(account.Today(time), account));

        // A stage without idle days never makes a lead idle.
        stages.SetIdleDays(offer, null);
        time.Advance(TimeSpan.FromDays(400));
        Assert.False(lead.IsIdle(account.Today(time), account));
    }

    [Fact]
    public void The_idle_days_of_a_stage_stay_between_1_and_365()
    {
        var stages = LeadBuilder.DefaultStages();

        var error = Assert.Throws<DomainException>(() => stages.SetIdleDays(stages.Stages[0], 0));

        Assert.Equal(ErrorKeys.IdleDaysOutOfRange, error.MessageKey);
        Assert.Throws<DomainException>(() => stages.SetIdleDays(stages.Stages[0], 366));
    }

    [Fact]
    public void Snoozing_an_idle_lead_to_the_date_it_already_has_is_recorded_and_ends_its_idleness()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var account = new AccountSettings(Currency.Eur, "Europe/Berlin", "de-DE", new DateOnly(2026, 11, 2));
        var stages = LeadBuilder.DefaultStages();
        var lead = Lead.CreateRunning("Relaunch", "ben", Money.Revenue(1_000m, Currency.Eur), new DateOnly(2026, 11, 30), "Anrufen", stages.Stages[3], new Actor("anna", time.GetUtcNow()));
        time.Advance(TimeSpan.FromDays(20));
        var today = account.Today(time);
        Assert.True(lead.IsIdle(today, account));

        lead.Snooze(new DateOnly(2026, 11, 30), today, new Actor("anna", time.GetUtcNow()));

        Assert.False(lead.IsIdle(today, account));
        Assert.Equal(LeadEventKind.Snoozed, lead.History.Last().Kind);
        Assert.Equal("Anrufen", lead.NextAction);
    }

    [Fact]
    public void A_lead_is_snoozed_only_to_a_day_after_today_and_only_while_open()
    {
        var lead = LeadBuilder.Running(LeadBuilder.DefaultStages().Stages[0]);

        Assert.Equal(ErrorKeys.SnoozeNotLater, Assert.Throws<DomainException>(() => lead.Snooze(LeadBuilder.Today, LeadBuilder.Today, LeadBuilder.Anna)).MessageKey);
        lead.Close(LeadStatus.Won, LeadBuilder.Today, null, null, LeadBuilder.Anna);
        Assert.Equal(ErrorKeys.SnoozeClosedLead, Assert.Throws<DomainException>(() => lead.Snooze(LeadBuilder.Today.AddDays(1), LeadBuilder.Today, LeadBuilder.Anna)).MessageKey);
    }
}
