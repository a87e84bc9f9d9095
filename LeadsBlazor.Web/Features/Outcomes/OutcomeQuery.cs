using System.Globalization;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Components.Shared;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Data.Configurations;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Features.Outcomes;

/// <summary>How the closed leads are grouped.</summary>
public enum OutcomeBreakdown
{
    /// <summary>Lost and dropped leads by their close reason; won leads in a row of their own.</summary>
    Reason,

    /// <summary>By the stage the lead left (a closed lead keeps its stage); a lead closed from "Kontaktpotential" has none.</summary>
    Stage,

    /// <summary>By the responsible user.</summary>
    User,
}

/// <summary>What a row stands for, beside a named reason, stage or user.</summary>
public enum OutcomeRowKind
{
    Named,

    /// <summary>The won leads, in the reason breakdown (a won lead gives no reason).</summary>
    Won,

    /// <summary>Leads closed from "Kontaktpotential", before they reached a stage.</summary>
    Potential,

    /// <summary>A reason, stage or user that no longer exists.</summary>
    Deleted,
}

/// <summary>One row of a breakdown: its name as it is now (null unless <see cref="OutcomeRowKind.Named"/>) and its figures.</summary>
public sealed record OutcomeRow(string Key, OutcomeRowKind Kind, string? Name, OutcomeTally Tally)
{
    /// <summary>The row's name in the user's language: "Gewonnen", "Kontaktpotential" and "(gelöscht)" for the rows without one.</summary>
    public string DisplayName(IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Kind switch
        {
            OutcomeRowKind.Won => text["Status.Won"],
            OutcomeRowKind.Potential => text["Status.Potential"],
            OutcomeRowKind.Deleted => text["Outcomes.Deleted"],
            _ => Name ?? "",
        };
    }
}

/// <summary>One breakdown of the closed leads of a period, amounts in the account currency.</summary>
public sealed record OutcomeView(OutcomeBreakdown By, OutcomePeriod Period, string Currency, IReadOnlyList<OutcomeRow> Rows)
{
    public OutcomeTally Total => Rows.Aggregate(OutcomeTally.None, (sum, row) => sum.Plus(row.Tally));
}

/// <summary>One group of the database's count: how many leads of a key closed with one outcome at one amount in one currency.</summary>
public sealed record OutcomeSum(int? Id, string? UserId, LeadStatus Status, string Currency, long Cents, int Count);

/// <summary>
/// Why leads are lost (Rule 15): the won, lost and dropped leads of a view's filter whose closed-on date lies in the period, by
/// reason, by the stage they left or by responsible user. The database groups by key, outcome, currency and cents; each amount is
/// converted to the account currency once and multiplied by its count, so the sums are exact, as for the weighted volume.
/// </summary>
public sealed class OutcomeQuery(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account)
{
    public async Task<OutcomeView> GetAsync(LeadFilter filter, OutcomePeriod period, OutcomeBreakdown by, CancellationToken cancellationToken = default) =>
        (await GetAsync(filter, period, [by], cancellationToken)).Single();

    /// <summary>Several breakdowns of the same leads (the export's sheets) with one context.</summary>
    public async Task<IReadOnlyList<OutcomeView>> GetAsync(LeadFilter filter, OutcomePeriod period, IReadOnlyList<OutcomeBreakdown> breakdowns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(breakdowns);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await account.GetAsync(cancellationToken);
        var views = new List<OutcomeView>();
        foreach (var by in breakdowns)
        {
            var sums = await Sums(db, filter, period, by).ToListAsync(cancellationToken);
            var names = await NamesAsync(db, by, cancellationToken);
            var rows = sums
                .GroupBy(s => RowKey(by, s))
                .Select(g => names.Row(g.Key, g.Aggregate(OutcomeTally.None, (tally, s) =>
                    tally.Add(s.Status, s.Count, settings.InAccountCurrency(Money.FromMinorUnits(s.Cents, Currency.Parse(s.Currency))).Amount * s.Count))))
                .OrderBy(r => names.Order(r))
                .ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
                .ToList();
            views.Add(new OutcomeView(by, period, settings.Currency.Code, rows));
        }

        return views;
    }

    /// <summary>The grouped count the database runs (public so tests can read its SQL).</summary>
    public static IQueryable<OutcomeSum> Sums(LeadsDbContext db, LeadFilter filter, OutcomePeriod period, OutcomeBreakdown by)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(period);
        var closed = (filter with { Status = null }).Apply(db.Leads.AsNoTracking())
            .Where(l => l.Status == LeadStatus.Won || l.Status == LeadStatus.Lost || l.Status == LeadStatus.Dropped)
            .Where(l => l.ClosedOn >= period.From && l.ClosedOn <= period.To);
        return by switch
        {
            OutcomeBreakdown.Reason => closed
                .GroupBy(l => new { Id = l.CloseReasonId, l.Status, Currency = EF.Property<string>(l, LeadConfiguration.RevenueCurrency), Cents = EF.Property<long>(l, LeadConfiguration.RevenueMinor) })
                .Select(g => new OutcomeSum(g.Key.Id, null, g.Key.Status, g.Key.Currency, g.Key.Cents, g.Count())),
            OutcomeBreakdown.Stage => closed
                // A lead without a stage either closed from "Kontaktpotential" or left a stage that was deleted since; the
                // history tells them apart (it entered a stage), and the second kind is its own row (key -1).
                .GroupBy(l => new
                {
                    Id = l.StageId ?? (l.History.Any(e => e.Kind == LeadEventKind.StageChanged && e.NewValue != null) ? DeletedStage : null),
                    l.Status,
                    Currency = EF.Property<string>(l, LeadConfiguration.RevenueCurrency),
                    Cents = EF.Property<long>(l, LeadConfiguration.RevenueMinor),
                })
                .Select(g => new OutcomeSum(g.Key.Id, null, g.Key.Status, g.Key.Currency, g.Key.Cents, g.Count())),
            _ => closed
                .GroupBy(l => new { l.ResponsibleUserId, l.Status, Currency = EF.Property<string>(l, LeadConfiguration.RevenueCurrency), Cents = EF.Property<long>(l, LeadConfiguration.RevenueMinor) })
                .Select(g => new OutcomeSum(null, g.Key.ResponsibleUserId, g.Key.Status, g.Key.Currency, g.Key.Cents, g.Count())),
        };
    }

    private const int DeletedStage = -1;

    private static readonly string DeletedStageKey = DeletedStage.ToString(CultureInfo.InvariantCulture);

    // Won leads give no reason: in the reason breakdown they are one row, whatever a reopened-and-won lead once carried.
    private static string RowKey(OutcomeBreakdown by, OutcomeSum sum) => by switch
    {
        OutcomeBreakdown.Reason when sum.Status == LeadStatus.Won => "won",
        OutcomeBreakdown.User => sum.UserId ?? "",
        _ => sum.Id?.ToString(CultureInfo.InvariantCulture) ?? "",
    };

    private static async Task<RowNames> NamesAsync(LeadsDbContext db, OutcomeBreakdown by, CancellationToken cancellationToken)
    {
        switch (by)
        {
            case OutcomeBreakdown.Reason:
                var reasons = await db.CloseReasons.AsNoTracking().OrderBy(r => r.Retired).ThenBy(r => r.Position).ToListAsync(cancellationToken);
                return new RowNames(
                    reasons.Select((r, i) => (r.Id.ToString(CultureInfo.InvariantCulture), r.Name, i)),
                    key => key == "won" ? (OutcomeRowKind.Won, -1) : (OutcomeRowKind.Deleted, int.MaxValue));
            case OutcomeBreakdown.Stage:
                var english = Formats.English;
                var stages = await db.Stages.AsNoTracking().OrderBy(s => s.Position).ToListAsync(cancellationToken);
                return new RowNames(
                    stages.Select((s, i) => (s.Id.ToString(CultureInfo.InvariantCulture), s.DisplayName(english), i)),
                    key => key == DeletedStageKey ? (OutcomeRowKind.Deleted, int.MaxValue) : (OutcomeRowKind.Potential, -1));
            default:
                var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
                return new RowNames(users.Select(u => (u.Id, u.NameOrEmail(), 0)), _ => (OutcomeRowKind.Deleted, int.MaxValue));
        }
    }

    /// <summary>The rows' names as they are now and their order (the settings' order for reasons and stages, names for users).</summary>
    private sealed class RowNames(IEnumerable<(string Key, string Name, int Order)> named, Func<string, (OutcomeRowKind Kind, int Order)> unnamed)
    {
        private readonly Dictionary<string, (string Name, int Order)> _named = named.ToDictionary(n => n.Key, n => (n.Name, n.Order));

        public OutcomeRow Row(string key, OutcomeTally tally) =>
            _named.TryGetValue(key, out var known) ? new(key, OutcomeRowKind.Named, known.Name, tally) : new(key, unnamed(key).Kind, null, tally);

        public int Order(OutcomeRow row) => _named.TryGetValue(row.Key, out var known) ? known.Order : unnamed(row.Key).Order;
    }
}
