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
