using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Reminders;

/// <summary>
/// Rule 5: the signed-in user's open leads whose next-action date is today or earlier in the account's
/// time zone, as the badge counts them; served by the (responsible, status, next action) index. A user's count is the
/// same in each of their sessions: it is counted once per change of their leads (or a new day) and shared
/// (<see cref="SharedViews"/>); another user's count is another view.
/// </summary>
public sealed class DueLeadsQuery(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account, SharedViews shared)
{
    /// <summary>What the badge shows: the user's leads (events about other users' leads pass it by) and what today is.</summary>
    public const LiveTopic Shows = LiveTopic.Leads | LiveTopic.Day;

    public Task<DateOnly> TodayAsync(CancellationToken cancellationToken = default) => account.TodayAsync(cancellationToken);

    /// <summary>Names the badge's count in the SQL log: it runs on every page open and every change of the user's leads.</summary>
    public const string DueCountTag = "Due badge";

    public async Task<int> CountForUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        var today = await account.TodayAsync(cancellationToken);
        var view = new SharedView(new DueView(userId, today), Shows, userId);
        return await shared.GetAsync(view, async () =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await ForUser(db, userId, today).TagWith(DueCountTag).CountAsync();
        }, cancellationToken);
    }

    /// <summary>One user's due count on one day: today is part of it, so a new day is a new view even before its event.</summary>
    private sealed record DueView(string UserId, DateOnly Today);

    /// <summary>The query behind "due for user X" (public so tests can read its plan).</summary>
    public static IQueryable<Lead> ForUser(LeadsDbContext db, string userId, DateOnly today) =>
        db.Leads.AsNoTracking().Where(l => l.ResponsibleUserId == userId).Due(today);
}
