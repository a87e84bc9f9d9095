using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Pipeline;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Data.Configurations;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Leads;

/// <summary>One row of a lead list.</summary>
public sealed record LeadRow(
    int Id,
    long Version,
    string Name,
    string? Customer,
    string? Contact,
    string ResponsibleName,
    Money Revenue,
    DateOnly? NextActionOn,
    bool IsDue,
    IReadOnlyList<LabelChip> Labels,
    LeadStatus Status,
    string? StageName,
    int? Probability,
    DateOnly? ClosedOn,
    Money? Weighted,
    string? CloseReason)
{
    /// <summary>The service period's start; the list sorts the period by it.</summary>
    public DateOnly? ServiceFrom { get; init; }

    public DateOnly? ServiceTo { get; init; }

    /// <summary>Rule 5: the days the lead has not changed when that makes it idle in its stage; null when it is not idle.</summary>
    public int? IdleDays { get; init; }
}

public sealed record LeadListPage(IReadOnlyList<LeadRow> Rows, int Total);

/// <summary>
/// The lists' query: filter, sort and page in the database (Rule 10), so that a list of 50,000
/// leads costs one page of rows and one count.
/// </summary>
public sealed class LeadListQuery(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account, TimeProvider time)
{
    public async Task<LeadListPage> GetAsync(LeadFilter filter, string? sortBy, bool descending, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await account.GetAsync(cancellationToken);
        var today = settings.Today(time);
        var names = await db.UserNamesAsync(cancellationToken);
        var stages = await db.Stages.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
        var leads = filter.Apply(db.Leads.AsNoTracking());
        var total = await leads.CountAsync(cancellationToken);
        var rows = await Sort(leads, sortBy, descending)
            .Skip(Math.Max(0, page) * pageSize)
            .Take(pageSize)
            .AsSplitQuery()
            .Select(l => new
            {
                l.Id,
                l.Version,
                l.Name,
                Customer = l.Company != null ? l.Company.Name : null,
                Contact = l.ContactPerson != null ? l.ContactPerson.Name : null,
                l.ResponsibleUserId,
                Cents = EF.Property<long>(l, LeadConfiguration.RevenueMinor),
                Currency = EF.Property<string>(l, LeadConfiguration.RevenueCurrency),
                l.NextActionOn,
                Labels = l.Labels.OrderBy(x => x.Name).Select(x => new LabelChip(x.Id, x.Name, x.Color)).ToList(),
                l.Status,
                StageName = l.Stage != null ? l.Stage.Name : null,
                Probability = l.Stage != null ? (Probability?)l.Stage.Probability : null,
                l.ClosedOn,
                CloseReason = l.CloseReason != null ? l.CloseReason.Name : null,
                l.ServiceFrom,
                l.ServiceTo,
                l.StageId,
                l.LastChangedAt,
            })
            .ToListAsync(cancellationToken);

        return new LeadListPage(
            [.. rows.Select(r =>
            {
                var revenue = Money.FromMinorUnits(r.Cents, Currency.Parse(r.Currency));
                return new LeadRow(
                    r.Id, r.Version, r.Name, r.Customer, r.Contact, names.GetValueOrDefault(r.ResponsibleUserId, ""),
                    revenue, r.NextActionOn, r.Status.IsOpen() && r.NextActionOn <= today, r.Labels, r.Status, r.StageName, r.Probability?.Percent, r.ClosedOn,
                    r.Status == LeadStatus.Running && r.Probability is { } probability ? WeightedRevenue.Of(revenue, probability, settings) : null,
                    r.CloseReason)
                {
                    ServiceFrom = r.ServiceFrom,
                    ServiceTo = r.ServiceTo,
                    IdleDays = Idleness.DaysIdle(r.StageId is { } stageId ? stages.GetValueOrDefault(stageId) : null, r.Status, r.LastChangedAt, settings, today),
                };
            })],
            total);
    }

    /// <summary>How many leads of the view each status tab holds.</summary>
    public async Task<IReadOnlyDictionary<LeadStatus, int>> CountsAsync(LeadFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await (filter with { Status = null }).Apply(db.Leads.AsNoTracking())
            .GroupBy(l => l.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        return Enum.GetValues<LeadStatus>().ToDictionary(s => s, s => counts.GetValueOrDefault(s));
    }

    /// <summary>The grid's sort by column name; an unknown one (or none) falls back to the most urgent next action, as the board orders its cards.</summary>
    public static IQueryable<Lead> Sort(IQueryable<Lead> leads, string? sortBy, bool descending) => (sortBy, descending) switch
    {
        (nameof(LeadRow.Name), false) => leads.OrderBy(l => l.Name).ThenBy(l => l.Id),
        (nameof(LeadRow.Name), true) => leads.OrderByDescending(l => l.Name).ThenBy(l => l.Id),
        (nameof(LeadRow.Customer), false) => leads.OrderBy(l => l.Company!.Name).ThenBy(l => l.Id),
        (nameof(LeadRow.Customer), true) => leads.OrderByDescending(l => l.Company!.Name).ThenBy(l => l.Id),
        (nameof(LeadRow.Contact), false) => leads.OrderBy(l => l.ContactPerson!.Name).ThenBy(l => l.Id),
        (nameof(LeadRow.Contact), true) => leads.OrderByDescending(l => l.ContactPerson!.Name).ThenBy(l => l.Id),
        (nameof(LeadRow.Revenue), false) => leads.OrderBy(l => EF.Property<long>(l, LeadConfiguration.RevenueMinor)).ThenBy(l => l.Id),
        (nameof(LeadRow.Revenue), true) => leads.OrderByDescending(l => EF.Property<long>(l, LeadConfiguration.RevenueMinor)).ThenBy(l => l.Id),
        (nameof(LeadRow.StageName), false) => leads.OrderBy(l => l.Stage!.Position).ThenBy(l => l.Id),
        (nameof(LeadRow.StageName), true) => leads.OrderByDescending(l => l.Stage!.Position).ThenBy(l => l.Id),
        (nameof(LeadRow.ClosedOn), false) => leads.OrderBy(l => l.ClosedOn).ThenBy(l => l.Id),
        (nameof(LeadRow.ClosedOn), true) => leads.OrderByDescending(l => l.ClosedOn).ThenBy(l => l.Id),
        (nameof(LeadRow.CloseReason), false) => leads.OrderBy(l => l.CloseReason!.Name).ThenBy(l => l.Id),
        (nameof(LeadRow.CloseReason), true) => leads.OrderByDescending(l => l.CloseReason!.Name).ThenBy(l => l.Id),
        (nameof(LeadRow.ServiceFrom), false) => leads.OrderBy(l => l.ServiceFrom).ThenBy(l => l.ServiceTo).ThenBy(l => l.Id),
        (nameof(LeadRow.ServiceFrom), true) => leads.OrderByDescending(l => l.ServiceFrom).ThenByDescending(l => l.ServiceTo).ThenBy(l => l.Id),
        (nameof(LeadRow.NextActionOn), true) => leads.OrderByDescending(l => l.NextActionOn).ThenBy(l => l.Id),
        _ => leads.OrderBy(l => l.NextActionOn).ThenBy(l => l.Id),
    };
}
