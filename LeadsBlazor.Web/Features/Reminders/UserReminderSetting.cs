using LeadsBlazor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Reminders;

/// <summary>Each user's own switch for reminder emails (Rule 6). Off means no mail; the badge still shows.</summary>
public sealed class UserReminderSetting(IDbContextFactory<LeadsDbContext> contexts)
{
    public async Task<bool> IsOnAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.RemindersEnabled).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task SwitchAsync(string userId, bool on, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.RemindersEnabled, on), cancellationToken);
    }
}
