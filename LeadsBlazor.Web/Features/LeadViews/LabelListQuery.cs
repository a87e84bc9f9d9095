using LeadsBlazor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>Every label by name, as the label picker and the lead page offer them (Rule 9).</summary>
public sealed class LabelListQuery(IDbContextFactory<LeadsDbContext> contexts)
{
    public async Task<IReadOnlyList<LabelChip>> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Chips(db).ToListAsync(cancellationToken);
    }

    /// <summary>The same list inside a query that already has its context open.</summary>
    public static IQueryable<LabelChip> Chips(LeadsDbContext db) =>
        db.Labels.AsNoTracking().OrderBy(l => l.Name).Select(l => new LabelChip(l.Id, l.Name, l.Color));
}
