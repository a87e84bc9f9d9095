using LeadsBlazor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Labels;

public sealed record LabelCount(int Id, string Name, string Color, int Leads);

/// <summary>Every label with the number of leads that carry it, for the side navigation (Rule 9).</summary>
public sealed class LabelCountsQuery(IDbContextFactory<LeadsDbContext> contexts)
{
    public async Task<IReadOnlyList<LabelCount>> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Labels.AsNoTracking()
            .OrderBy(l => l.Name)
            .Select(l => new LabelCount(l.Id, l.Name, l.Color, db.Leads.Count(lead => lead.Labels.Any(x => x.Id == l.Id))))
            .ToListAsync(cancellationToken);
    }
}
