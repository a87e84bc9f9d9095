using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Data;

public static class AccountToday
{
    /// <summary>Today's date in the account's time zone (Rule 5's "due" is measured against it), read with the caller's context.</summary>
    public static async Task<DateOnly> TodayAsync(this LeadsDbContext db, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await db.AccountSettings.AsNoTracking().SingleAsync(cancellationToken)).Today(time);
    }
}
