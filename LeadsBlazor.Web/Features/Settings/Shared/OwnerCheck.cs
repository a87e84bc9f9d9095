using LeadsBlazor.Domain.Common;
using LeadsBlazor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Settings.Shared;

public static class OwnerCheck
{
    /// <summary>
    /// An owner's settings change as every settings use case runs it: its own context and write transaction,
    /// the owner check, the change (which also logs itself), one save, commit.
    /// </summary>
    public static async Task<T> ChangeAsOwnerAsync<T>(this IDbContextFactory<LeadsDbContext> contexts, string userId, TimeProvider time, Func<LeadsDbContext, Actor, Task<T>> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ChangeAsOwnerAsync(userId, time, change, cancellationToken);
    }

    /// <summary>The same on a context the caller owns, e.g. the one behind a scope's UserManager.</summary>
    public static async Task<T> ChangeAsOwnerAsync<T>(this LeadsDbContext db, string userId, TimeProvider time, Func<LeadsDbContext, Actor, Task<T>> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(change);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        await db.RequireOwnerAsync(userId, cancellationToken);
        var result = await change(db, new Actor(userId, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>The ids of the users in the <see cref="Roles.AccountOwner"/> role, as a query to build on.</summary>
    public static IQueryable<string> OwnerIds(this LeadsDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.AccountOwner)).Select(ur => ur.UserId);
    }

    /// <summary>
    /// Every settings use case checks the role itself, in the database, not only the page: a member's
    /// request that reaches a settings action (an old circuit, a crafted call) is refused there.
    /// </summary>
    public static async Task RequireOwnerAsync(this LeadsDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        var isOwner = await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, cancellationToken)
            && await db.OwnerIds().ContainsAsync(userId, cancellationToken);
        if (!isOwner)
        {
            throw new DomainException("", ErrorKeys.OwnerOnly);
        }
    }
}
