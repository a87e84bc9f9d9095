using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Reminders;

/// <summary>A due lead as the badge, the lists and the reminder mail need it.</summary>
public sealed record DueLead(int Id, string Name, DateOnly NextActionOn, string? NextAction, string ResponsibleUserId);

/// <summary>
/// Rule 5: open leads whose next-action date is today or earlier in the account's time zone.
/// Both queries are served by the (responsible, status, next action) and (status, next action) indexes.
/// </summary>
public sealed class DueLeadsQuery(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account)
{
    public Task<DateOnly> TodayAsync(CancellationToken cancellationToken = default) => account.TodayAsync(cancellationToken);

    public async Task<IReadOnlyList<DueLead>> ForUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ForUser(db, userId, await account.TodayAsync(cancellationToken))
            .OrderBy(l => l.NextActionOn).ThenBy(l => l.Id)
            .Select(l => new DueLead(l.Id, l.Name, l.NextActionOn!.Value, l.NextAction, l.ResponsibleUserId))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> CountForUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ForUser(db, userId, await account.TodayAsync(cancellationToken)).CountAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, int>> CountPerUserAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await CountPerUser(db, await account.TodayAsync(cancellationToken)).ToDictionaryAsync(c => c.UserId, c => c.Count, cancellationToken);
    }

    /// <summary>The query behind "due for user X" (public so tests can read its plan).</summary>
    public static IQueryable<Lead> ForUser(LeadsDbContext db, string userId, DateOnly today) =>
        db.Leads.AsNoTracking().Where(l => l.ResponsibleUserId == userId).Due(today);

    /// <summary>The query behind the due count per user.</summary>
    public static IQueryable<DueCount> CountPerUser(LeadsDbContext db, DateOnly today) =>
        db.Leads.AsNoTracking()
            .Due(today)
            .GroupBy(l => l.ResponsibleUserId)
            .Select(g => new DueCount(g.Key, g.Count()));
}

public sealed record DueCount(string UserId, int Count);
