using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>The lost/dropped reasons the owner offers now (Rule 1), in the owner's order; retired ones stay on old leads only.</summary>
public sealed class CloseReasonsQuery(IDbContextFactory<LeadsDbContext> contexts)
{
    public async Task<IReadOnlyList<CloseReason>> OfferedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CloseReasons.AsNoTracking().Where(r => !r.Retired).OrderBy(r => r.Position).ToListAsync(cancellationToken);
    }
}
