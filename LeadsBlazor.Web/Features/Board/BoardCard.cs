using LeadsBlazor.Domain.Common;
using LeadsBlazor.Web.Features.LeadViews;

namespace LeadsBlazor.Web.Features.Board;

/// <summary>
/// What a kanban card shows of a running lead. Immutable: every session showing the same view gets the same cards
/// (<see cref="LeadsBlazor.Web.Infrastructure.Live.SharedViews"/>), so a session that moves a card puts a copy with the
/// new <see cref="Zone"/> into its own list (<c>card with { Zone = … }</c>) and never changes the card itself.
/// </summary>
public sealed record BoardCard
{
    public required int Id { get; init; }

    public required long Version { get; init; }

    public required string Name { get; init; }

    public string? Customer { get; init; }

    public required Money Revenue { get; init; }

    public required string ResponsibleName { get; init; }

    public required string ResponsibleInitials { get; init; }

    public DateOnly? NextActionOn { get; init; }

    public bool IsDue { get; init; }

    /// <summary>Rule 5: the days the lead has not changed when that makes it idle in its stage; null when it is not idle.</summary>
    public int? IdleDays { get; init; }

    public IReadOnlyList<LabelChip> Labels { get; init; } = [];

    /// <summary>The column the card sits in: the drop zone's identifier.</summary>
    public required string Zone { get; init; }
}
