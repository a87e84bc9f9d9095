using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Data;

public static class UserNames
{
    /// <summary>Every user's display name by id: the users are few, so one read beats a lookup per lead.</summary>
    public static Task<Dictionary<string, string>> UserNamesAsync(this LeadsDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }
}
