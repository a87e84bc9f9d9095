using LeadsBlazor.Domain.Reminders;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Reminders;

/// <summary>How the reminder mails fare, for the owner: sent today, waiting for another attempt, and the last error.</summary>
public sealed record ReminderLogSummary(int DigestsToday, int LeadsToday, int Waiting, int GaveUp, string? LastError);

public sealed class ReminderLogQuery(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account)
{
    public async Task<ReminderLogSummary> SummaryAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var today = await account.TodayAsync(cancellationToken);
        var sentToday = await db.ReminderClaims.Where(c => c.DigestOn == today && c.State == ReminderState.Sent)
            .GroupBy(c => c.UserId).Select(g => g.Count()).ToListAsync(cancellationToken);
        var waiting = await db.ReminderClaims.CountAsync(c => c.State == ReminderState.Pending && c.Attempts > 0, cancellationToken);
        var gaveUp = await db.ReminderClaims.CountAsync(c => c.State == ReminderState.GaveUp && c.DigestOn == today, cancellationToken);
        var lastError = await db.ReminderClaims.AsNoTracking()
            .Where(c => c.LastError != null && c.State != ReminderState.Sent)
            .OrderByDescending(c => c.Id)
            .Select(c => c.LastError)
            .FirstOrDefaultAsync(cancellationToken);
        return new ReminderLogSummary(sentToday.Count, sentToday.Sum(), waiting, gaveUp, lastError);
    }
}
