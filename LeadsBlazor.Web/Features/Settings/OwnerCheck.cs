using LeadsBlazor.Domain.Common;
using LeadsBlazor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Settings;

public static class OwnerCheck
{
    /// <summary>
    /// Every settings use case checks the role itself, in the database, not only the page: a member's
    /// request that reaches a settings action (an old circuit, a crafted call) is refused there.
    /// </summary>
    /// <summary>
    /// An owner's settings change as every settings use case runs it: its own context and write transaction,
    /// the owner check, the change (which also logs itself), one save, commit.
    /// </summary>
    public static async Task<T> ChangeAsOwnerAsync<T>(this IDbContextFactory<LeadsDbContext> contexts, string userId, TimeProvider time, Func<LeadsDbContext, Actor, Task<T>> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(change);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        await db.RequireOwnerAsync(userId, cancellationToken);
        var result = await change(db, new Actor(userId, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public static async Task RequireOwnerAsync(this LeadsDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var isOwner = await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, cancellationToken)
            && await db.UserRoles.AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.AccountOwner), cancellationToken);
        if (!isOwner)
        {
            throw new DomainException("", ErrorKeys.OwnerOnly);
        }
    }
}
