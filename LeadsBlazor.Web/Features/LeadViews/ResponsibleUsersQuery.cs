using LeadsBlazor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>A user the responsible filter can name; a deactivated one is only named, never offered.</summary>
public sealed record ResponsibleUser(string Id, string Name, bool IsActive);

/// <summary>The account's users for the responsible filter (Rule 10): every active user is offered, by display name.</summary>
public sealed class ResponsibleUsersQuery(IDbContextFactory<LeadsDbContext> contexts)
{
    public async Task<IReadOnlyList<ResponsibleUser>> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Select(u => new ResponsibleUser(u.Id, u.DisplayName, u.IsActive)).ToListAsync(cancellationToken);
        return [.. users.OrderBy(u => u.Name, StringComparer.CurrentCultureIgnoreCase)];
    }
}
