using LeadsBlazor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Labels;

public sealed record LabelCount(int Id, string Name, string Color, int Leads);

/// <summary>Every label with the number of leads that carry it, for the side navigation (Rule 9).</summary>
public sealed class LabelCountsQuery(IDbContextFactory<LeadsDbContext> contexts)
{
    /// <summary>Names both statements in the SQL log: they run on every page open and every change of leads or labels.</summary>
    public const string Tag = "Label navigation";

    public async Task<IReadOnlyList<LabelCount>> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Counted from the join table in one grouped pass, not by one scan of the leads per label.
        var counts = await db.Set<Dictionary<string, object>>("LeadLabels").TagWith(Tag)
            .GroupBy(link => EF.Property<int>(link, "LabelsId"))
            .Select(g => new { LabelId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.LabelId, c => c.Count, cancellationToken);
        var labels = await db.Labels.AsNoTracking().TagWith(Tag).OrderBy(l => l.Name).ToListAsync(cancellationToken);
        return [.. labels.Select(l => new LabelCount(l.Id, l.Name, l.Color, counts.GetValueOrDefault(l.Id)))];
    }
}
