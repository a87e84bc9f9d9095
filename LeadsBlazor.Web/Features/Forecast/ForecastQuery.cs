using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Forecasts;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Pipeline;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Data.Configurations;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Forecast;

/// <summary>One stage's row of the forecast, with the stage's name and probability as they are now; amounts in the account currency.</summary>
public sealed record ForecastStageRow(int StageId, string Name, string? EnglishName, int ProbabilityPercent, decimal WithoutPeriod, IReadOnlyList<decimal> Months, decimal Later)
{
    public decimal Total => WithoutPeriod + Months.Sum() + Later;

    public string DisplayName(bool english) => english && EnglishName is not null ? EnglishName : Name;
}

/// <summary>
/// The forecast of a view (Rule 15): per stage, the running leads' weighted revenue without a period, per month of the
/// horizon and later; the won revenue per month beside it; and the totals. <see cref="Total"/> is the view's weighted volume.
/// </summary>
public sealed record ForecastView(ForecastHorizon Horizon, string Currency, IReadOnlyList<ForecastStageRow> Stages, IReadOnlyList<decimal> WonMonths)
{
    public IReadOnlyList<DateOnly> MonthStarts { get; } = [.. Horizon.MonthStarts];

    public decimal WithoutPeriod => Stages.Sum(s => s.WithoutPeriod);

    public decimal Later => Stages.Sum(s => s.Later);

    public decimal Month(int index) => Stages.Sum(s => s.Months[index]);

    public decimal Total => Stages.Sum(s => s.Total);
}

/// <summary>
/// Reads the forecast for a <see cref="LeadFilter"/>. The database groups the running leads by stage, amount and period, so
/// leads that share all of them are spread once and counted; the domain's <see cref="PipelineForecast"/> does the spreading.
/// The status in the filter is ignored: the forecast is about running leads, its comparison line about won ones.
/// </summary>
public sealed class ForecastQuery(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account, TimeProvider time)
{
    public async Task<ForecastView> GetAsync(LeadFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await account.GetAsync(cancellationToken);
        var stages = await db.Stages.AsNoTracking().OrderBy(s => s.Position).ToListAsync(cancellationToken);
        var horizon = new ForecastHorizon(settings.Today(time));
        var forecast = new PipelineForecast(horizon);

        var running = await Grouped(WeightedVolumeQuery.Running(db, filter), includeClosedOn: false)
            .ToListAsync(cancellationToken);
        var probabilities = stages.ToDictionary(s => s.Id, s => s.Probability);
        foreach (var group in running.Where(g => g.StageId is { } id && probabilities.ContainsKey(id)))
        {
            var weighted = WeightedRevenue.Of(Money.FromMinorUnits(group.Cents, Currency.Parse(group.Currency)), probabilities[group.StageId!.Value], settings);
            forecast.AddRunning(group.StageId!.Value, weighted.MinorUnits, group.From, group.To, group.Count);
        }

        // Won leads whose period reaches into the horizon, or (without a period) that were won in it.
        var first = horizon.FirstMonth;
        var won = await Grouped(
                (filter with { Status = LeadStatus.Won }).Apply(db.Leads.AsNoTracking())
                    .Where(l => l.ServiceTo >= first || (l.ServiceTo == null && l.ServiceFrom >= first) || (l.ServiceFrom == null && l.ServiceTo == null && l.ClosedOn >= first)),
                includeClosedOn: true)
            .ToListAsync(cancellationToken);
        foreach (var group in won)
        {
            forecast.AddWon(settings.InAccountCurrency(Money.FromMinorUnits(group.Cents, Currency.Parse(group.Currency))).MinorUnits, group.From, group.To, group.ClosedOn, group.Count);
        }

        var rows = forecast.Rows(stages.Select(s => s.Id));
        return new ForecastView(
            horizon,
            settings.Currency.Code,
            [.. rows.Zip(stages, (row, stage) => new ForecastStageRow(
                stage.Id, stage.Name, stage.EnglishName, stage.Probability.Percent, Amount(row.WithoutPeriod), [.. row.Months.Select(Amount)], Amount(row.Later)))],
            [.. forecast.WonMonths.Select(Amount)]);
    }

    private static decimal Amount(long cents) => cents / 100m;

    private static IQueryable<LeadGroup> Grouped(IQueryable<Lead> leads, bool includeClosedOn) =>
        leads
            .GroupBy(l => new
            {
                l.StageId,
                Currency = EF.Property<string>(l, LeadConfiguration.RevenueCurrency),
                Cents = EF.Property<long>(l, LeadConfiguration.RevenueMinor),
                l.ServiceFrom,
                l.ServiceTo,
                ClosedOn = includeClosedOn ? l.ClosedOn : null,
            })
            .Select(g => new LeadGroup(g.Key.StageId, g.Key.Currency, g.Key.Cents, g.Key.ServiceFrom, g.Key.ServiceTo, g.Key.ClosedOn, g.Count()));

    private sealed record LeadGroup(int? StageId, string Currency, long Cents, DateOnly? From, DateOnly? To, DateOnly? ClosedOn, int Count);
}
