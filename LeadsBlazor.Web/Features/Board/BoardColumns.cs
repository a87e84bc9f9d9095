using System.Runtime.InteropServices;

namespace LeadsBlazor.Web.Features.Board;

/// <summary>
/// A board session's cards per column: the loaded board, and the cards this session dropped whose move the loaded board
/// does not show yet. A dropped card shows in its new column at once, before the save; it stays there until a load shows
/// the lead changed (the move saved, or someone else changed it first) or the drop is taken back.
/// </summary>
/// <remarks>
/// The loaded board may be shared by every session showing the same view, so a drop never changes it: the session keeps
/// its own copy of the card with the new zone. Each column's list is built once per load or drop and handed to its
/// <see cref="StageColumn"/>, which renders again only when its list shows other cards.
/// </remarks>
public sealed class BoardColumns
{
    private readonly Dictionary<int, BoardCard> _dropped = [];
    private IReadOnlyList<BoardCard> _loaded = [];
    private Dictionary<string, IReadOnlyList<BoardCard>> _byZone = [];

    /// <summary>The cards one column shows, in order.</summary>
    public IReadOnlyList<BoardCard> In(string zone) => _byZone.GetValueOrDefault(zone) ?? [];

    /// <summary>Takes a new load of the board (its cards column by column, in each column's order).</summary>
    public void Load(IReadOnlyList<BoardCard> cards)
    {
        _loaded = cards;
        // A drop the load shows the outcome of (a new version), or whose card is no longer on the board, is done.
        foreach (var id in _dropped.Keys.Where(id => cards.FirstOrDefault(c => c.Id == id)?.Version != _dropped[id].Version).ToList())
        {
            _dropped.Remove(id);
        }

        Arrange();
    }

    /// <summary>A card dropped on another column: it shows there until a load shows the lead changed.</summary>
    public void Dropped(BoardCard card, string zone)
    {
        _dropped[card.Id] = card with { Zone = zone };
        Arrange();
    }

    /// <summary>The drop was refused or cancelled: the card shows where the loaded board has it.</summary>
    public void TakeBack(int leadId)
    {
        if (_dropped.Remove(leadId))
        {
            Arrange();
        }
    }

    private void Arrange()
    {
        var byZone = new Dictionary<string, List<BoardCard>>();
        foreach (var card in _loaded.Where(c => !_dropped.ContainsKey(c.Id)))
        {
            Column(byZone, card.Zone).Add(card);
        }

        // A dropped card takes the place the board's query gives it on SQLite: the most urgent next action first, then the
        // oldest lead; no next action sorts first (PostgreSQL puts it last, and the load after the save shows it there).
        foreach (var card in _dropped.Values)
        {
            var column = Column(byZone, card.Zone);
            var place = column.FindIndex(c => Comparer<DateOnly?>.Default.Compare(c.NextActionOn, card.NextActionOn) is var order && (order > 0 || (order == 0 && c.Id > card.Id)));
            column.Insert(place < 0 ? column.Count : place, card);
        }

        _byZone = byZone.ToDictionary(z => z.Key, z => (IReadOnlyList<BoardCard>)z.Value.AsReadOnly());
    }

    private static List<BoardCard> Column(Dictionary<string, List<BoardCard>> byZone, string zone) =>
        CollectionsMarshal.GetValueRefOrAddDefault(byZone, zone, out _) ??= [];
}
