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

    /// <summary>Names both statements in the SQL log: they run once per page open's prerender and per change of leads or labels.</summary>
    public const string Tag = "Label navigation";

    private static readonly SharedView View = new(nameof(LabelCountsQuery), Shows);

    public Task<IReadOnlyList<LabelCount>> GetAsync(CancellationToken cancellationToken = default) =>
        shared.GetAsync(View, CountAsync, cancellationToken);

    private async Task<IReadOnlyList<LabelCount>> CountAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();

        // Counted from the join table in one grouped pass, not by one scan of the leads per label.
        var counts = await db.Set<Dictionary<string, object>>("LeadLabels").TagWith(Tag)
            .GroupBy(link => EF.Property<int>(link, "LabelsId"))
            .Select(g => new { LabelId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.LabelId, c => c.Count);
        var labels = await db.Labels.AsNoTracking().TagWith(Tag).OrderBy(l => l.Name).ToListAsync();
        return [.. labels.Select(l => new LabelCount(l.Id, l.Name, l.Color, counts.GetValueOrDefault(l.Id)))];
    }
}
