using LeadsBlazor.Domain.Common;
using LeadsBlazor.Web.Features.LeadViews;

namespace LeadsBlazor.Web.Features.Board;

/// <summary>
/// What a kanban card shows of a running lead, as the board query loaded it. Read-only: a loaded board may be shared by
/// every session showing the same view, so a session keeps what it changes (where a dropped card sits) in its own copy
/// (<see cref="BoardColumns"/>). Two cards are equal when they show the same, so a card that did not change is not rendered again.
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

    /// <summary>The column the card sits in (<see cref="BoardColumn.Zone"/>): where a drop on that column sends it.</summary>
    public required string Zone { get; init; }

    // The labels compare by content: a reload gives a new list for the same labels.
    public bool Equals(BoardCard? other) =>
        other is not null
        && Id == other.Id && Version == other.Version && Name == other.Name && Customer == other.Customer && Revenue == other.Revenue
        && ResponsibleName == other.ResponsibleName && ResponsibleInitials == other.ResponsibleInitials && NextActionOn == other.NextActionOn
        && IsDue == other.IsDue && IdleDays == other.IdleDays && Zone == other.Zone && Labels.SequenceEqual(other.Labels);

    public override int GetHashCode() => HashCode.Combine(Id, Version, Zone, IsDue, IdleDays);
}
