using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Features.Settings.Shared;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Settings.Users;

/// <summary>A user as the owner's user list shows them. <see cref="InvitationPending"/>: invited, no password set yet.</summary>
public sealed record UserRow(string Id, string Name, string Email, bool IsOwner, bool IsActive, bool InvitationPending, int OpenLeads);

public sealed class UsersQuery(IDbContextFactory<LeadsDbContext> contexts)
{
    public async Task<IReadOnlyList<UserRow>> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owners = db.OwnerIds();
        var openLeads = await db.Leads
            .Open()
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
                IsOwner = owners.Contains(u.Id),
            })
            .ToListAsync(cancellationToken);
        return [.. users
            .Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", u.IsOwner, u.IsActive, u.Pending, openLeads.GetValueOrDefault(u.Id)))
            .OrderByDescending(u => u.IsActive).ThenBy(u => u.Name, StringComparer.CurrentCultureIgnoreCase)];
    }
}
