using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Pipeline;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Data.Configurations;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>
/// Rule 4, computed by the database: running leads are counted per stage, currency and amount in one grouped
/// query that walks the covering index in its order; the domain's per-lead rule (<see cref="WeightedRevenue"/>)
/// is applied once per distinct amount and multiplied by its count. No lead is loaded, and the sums are exactly
/// the sums of the per-lead figures a list or an export shows. Revenues repeat (5.000, 12.000 …), so the groups
/// are few; at worst there is one per lead.
/// </summary>
public sealed class WeightedVolumeQuery(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account)
{
    public async Task<WeightedVolume> GetAsync(LeadFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await account.GetAsync(cancellationToken);
        return await GetAsync(db, filter, settings, await db.Stages.AsNoTracking().ToListAsync(cancellationToken), cancellationToken);
    }

    /// <summary>The same for a caller that has already read the settings (with their currencies) and the stages.</summary>
    public static async Task<WeightedVolume> GetAsync(LeadsDbContext db, LeadFilter filter, AccountSettings settings, IEnumerable<Stage> stages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(settings);
        return Of(await Sums(db, filter).ToListAsync(cancellationToken), settings, stages);
    }

    /// <summary>The weighted volume of counted groups, however they were counted (by the database, or over leads a caller holds).</summary>
    public static WeightedVolume Of(IEnumerable<RevenueGroup> groups, AccountSettings settings, IEnumerable<Stage> stages)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(settings);
        // A searched board hands in a group per distinct amount (tens of thousands): each currency code is read once.
        var currencies = new Dictionary<string, Currency>(StringComparer.Ordinal);
        var amounts = new List<StageAmount>();
        foreach (var group in groups)
        {
            if (group.StageId is not { } stageId)
            {
                continue;
            }

            if (!currencies.TryGetValue(group.Currency, out var currency))
            {
                currencies.Add(group.Currency, currency = Currency.Parse(group.Currency));
            }

            amounts.Add(new StageAmount(stageId, settings.InAccountCurrency(Money.FromMinorUnits(group.Cents, currency)), group.Count));
        }

        return WeightedVolume.Of(amounts, stages.ToDictionary(s => s.Id, s => s.Probability), settings.Currency);
    }

    /// <summary>The running leads a view's weighted volume counts: every figure that must equal it (the forecast) starts here.</summary>
    public static IQueryable<Lead> Running(LeadsDbContext db, LeadFilter filter)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        return (filter with { Status = LeadStatus.Running }).Apply(db.Leads.AsNoTracking());
    }

    /// <summary>
    /// The groups a view's figures come from (public so tests can read its SQL and plan): a view of one label reads the
    /// totals the database keeps for it (<see cref="LabelRevenueGroup"/>), every other view counts its leads.
    /// </summary>
    public static IQueryable<RevenueGroup> Sums(LeadsDbContext db, LeadFilter filter)
    {
        ArgumentNullException.ThrowIfNull(db);
        return LabelRevenueGroup.Serves(filter, out var labelId)
            ? db.LabelRevenueGroups.Where(g => g.LabelId == labelId && g.Count > 0).Select(g => new RevenueGroup(g.StageId, g.Currency, g.Cents, g.Count))
            : Grouped(db, filter);
    }

    /// <summary>The grouped count over the view's running leads: the figures of any view, and the check of the kept totals.</summary>
    public static IQueryable<RevenueGroup> Grouped(LeadsDbContext db, LeadFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Running(db, filter)
            .GroupBy(l => new
            {
                l.StageId,
                Currency = EF.Property<string>(l, LeadConfiguration.RevenueCurrency),
                Cents = EF.Property<long>(l, LeadConfiguration.RevenueMinor),
            })
            .Select(g => new RevenueGroup(g.Key.StageId, g.Key.Currency, g.Key.Cents, g.Count()));
    }
}

/// <summary>One row of the database's count: how many running leads of a stage carry one amount (in cents) in one currency.</summary>
public sealed record RevenueGroup(int? StageId, string Currency, long Cents, int Count);
