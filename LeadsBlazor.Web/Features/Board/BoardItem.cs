namespace LeadsBlazor.Web.Features.Board;

/// <summary>
/// One card as this session's drop container holds it: the card as loaded, and the zone it sits in, which a drop changes
/// at once, before the save. One item per lead for the life of the page, so MudBlazor's drop zones (which key their items
/// by <see cref="object.GetHashCode"/>) keep the card's DOM across reloads instead of building it again.
/// </summary>
public sealed class BoardItem(BoardCard card)
{
    public BoardCard Card { get; internal set; } = card;

    public string Zone { get; internal set; } = card.Zone;
}
