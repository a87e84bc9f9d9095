namespace LeadsBlazor.Web.Features.Board;

/// <summary>
/// One card as this session's drop container holds it: the card as loaded, and the zone it sits in, which a drop changes
/// at once, before the save.
/// </summary>
/// <remarks>
/// MudBlazor's drop zone (9.x) keys an item's markup by <see cref="GetHashCode"/> and remembers its place by equality.
/// The hash is the lead's id, so every item of a lead keeps the card's markup; equality stays the reference, so a new
/// item for the same lead is one the zone has not placed yet, which is how <see cref="BoardItems"/> re-orders one column
/// without clearing every zone.
/// </remarks>
public sealed class BoardItem(BoardCard card)
{
    public int LeadId { get; } = card.Id;

    public BoardCard Card { get; internal set; } = card;

    public string Zone { get; internal set; } = card.Zone;

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => LeadId;
}
