using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Settings;

/// <summary>A user as the owner's user list shows them. <see cref="InvitationPending"/>: invited, no password set yet.</summary>
public sealed record UserRow(string Id, string Name, string Email, bool IsOwner, bool IsActive, bool InvitationPending, int OpenLeads);

public sealed class UsersQuery(IDbContextFactory<LeadsDbContext> contexts)
{
    public async Task<IReadOnlyList<UserRow>> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ownerRoleId = await db.Roles.Where(r => r.Name == Roles.AccountOwner).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        var openLeads = await db.Leads
            .Where(l => l.Status == LeadStatus.Potential || l.Status == LeadStatus.Running)
            .GroupBy(l => l.ResponsibleUserId)
            .Select(g => new { UserId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.UserId, g => g.Count, cancellationToken);
        var users = await db.Users.AsNoTracking()
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.IsActive,
                Pending = u.PasswordHash == null,
                IsOwner = db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == ownerRoleId),
            })
            .ToListAsync(cancellationToken);
        return [.. users
            .Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", u.IsOwner, u.IsActive, u.Pending, openLeads.GetValueOrDefault(u.Id)))
            .OrderByDescending(u => u.IsActive).ThenBy(u => u.Name, StringComparer.CurrentCultureIgnoreCase)];
    }
}
