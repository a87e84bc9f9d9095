using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Labels;

public sealed record LabelCount(int Id, string Name, string Color, int Leads);

/// <summary>
/// Every label with the number of leads that carry it, for the side navigation (Rule 9). The counts are the same in
/// every session: they are counted once per change that touches leads or labels and shared (<see cref="SharedViews"/>).
/// </summary>
public sealed class LabelCountsQuery(IDbContextFactory<LeadsDbContext> contexts, SharedViews shared)
{
    /// <summary>What the counts show: a lead's labels, or the labels themselves.</summary>
    public const LiveTopic Shows = LiveTopic.Leads | LiveTopic.Labels;

    private static readonly SharedView View = new(nameof(LabelCountsQuery), Shows);

    public Task<IReadOnlyList<LabelCount>> GetAsync(CancellationToken cancellationToken = default) =>
        shared.GetAsync(View, CountAsync, cancellationToken);

    private async Task<IReadOnlyList<LabelCount>> CountAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();

        // Counted from the join table in one grouped pass, not by one scan of the leads per label.
        var counts = await db.Set<Dictionary<string, object>>("LeadLabels")
            .GroupBy(link => EF.Property<int>(link, "LabelsId"))
            .Select(g => new { LabelId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.LabelId, c => c.Count);
        var labels = await db.Labels.AsNoTracking().OrderBy(l => l.Name).ToListAsync();
        return [.. labels.Select(l => new LabelCount(l.Id, l.Name, l.Color, counts.GetValueOrDefault(l.Id)))];
    }
}
