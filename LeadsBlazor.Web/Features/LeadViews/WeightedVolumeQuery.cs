using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Pipeline;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Data.Configurations;
using LeadsBlazor.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>
/// Rule 4, computed by the database: running leads are counted and their cents summed per stage and
/// currency in one grouped query; only those few sums are turned into the account currency and
/// weighted here, exactly, in decimal. No lead is loaded.
/// </summary>
public sealed class WeightedVolumeQuery(IDbContextFactory<LeadsDbContext> contexts)
{
    public async Task<WeightedVolume> GetAsync(LeadFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await db.AccountSettings.AsNoTracking().Include(a => a.Currencies).SingleAsync(cancellationToken);
        return await GetAsync(db, filter, settings, await db.Stages.AsNoTracking().ToListAsync(cancellationToken), cancellationToken);
    }

    /// <summary>The same for a caller that has already read the settings (with their currencies) and the stages.</summary>
    public static async Task<WeightedVolume> GetAsync(LeadsDbContext db, LeadFilter filter, AccountSettings settings, IEnumerable<Stage> stages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(settings);
        var sums = await Sums(db, filter).ToListAsync(cancellationToken);
        var rates = settings.Currencies.ToDictionary(c => c.Code, c => c.RateToAccount);
        var probabilities = stages.ToDictionary(s => s.Id, s => s.Probability);

        var figures = sums
            .GroupBy(s => s.StageId)
            .Select(stage =>
            {
                var revenue = stage.Sum(s => s.Cents / 100m * RateOf(rates, s.Currency));
                var probability = stage.Key is { } id && probabilities.TryGetValue(id, out var p) ? p.Fraction : 0m;
                return new StageFigures(stage.Key, stage.Sum(s => s.Count), revenue, revenue * probability);
            })
            .ToList();

        var total = new StageFigures(null, figures.Sum(s => s.Count), Cents(figures.Sum(s => s.Revenue)), Cents(figures.Sum(s => s.Weighted)));
        return new WeightedVolume(
            [.. figures.Select(s => s with { Revenue = Cents(s.Revenue), Weighted = Cents(s.Weighted) })],
            total,
            settings.CurrencyCode);
    }

    /// <summary>The grouped sum the database runs (public so tests can read its SQL and plan).</summary>
    public static IQueryable<CurrencySum> Sums(LeadsDbContext db, LeadFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return (filter with { Status = LeadStatus.Running }).Apply(db.Leads.AsNoTracking())
            .GroupBy(l => new { l.StageId, Currency = EF.Property<string>(l, LeadConfiguration.RevenueCurrency) })
            .Select(g => new CurrencySum(g.Key.StageId, g.Key.Currency, g.Count(), g.Sum(l => EF.Property<long>(l, LeadConfiguration.RevenueMinor))));
    }

    // A currency a lead uses but the owner has since removed counts at rate 0 rather than failing the board.
    private static decimal RateOf(Dictionary<string, decimal> rates, string currency) =>
        rates.TryGetValue(currency, out var rate) ? rate : 0m;

    private static decimal Cents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}

/// <summary>One row of the database's sum: a stage, a currency, how many leads and their cents.</summary>
public sealed record CurrencySum(int? StageId, string Currency, int Count, long Cents);
