using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Reminders;

/// <summary>
/// Rule 5: the signed-in user's open leads whose next-action date is today or earlier in the account's
/// time zone, as the badge counts them; served by the (responsible, status, next action) index.
/// </summary>
public sealed class DueLeadsQuery(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account)
{
    public Task<DateOnly> TodayAsync(CancellationToken cancellationToken = default) => account.TodayAsync(cancellationToken);

    /// <summary>Names the badge's count in the SQL log: it runs on every page open and every change of the user's leads.</summary>
    public const string DueCountTag = "Due badge";

    public async Task<int> CountForUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ForUser(db, userId, await account.TodayAsync(cancellationToken)).TagWith(DueCountTag).CountAsync(cancellationToken);
    }

    /// <summary>The query behind "due for user X" (public so tests can read its plan).</summary>
    public static IQueryable<Lead> ForUser(LeadsDbContext db, string userId, DateOnly today) =>
        db.Leads.AsNoTracking().Where(l => l.ResponsibleUserId == userId).Due(today);
}
