namespace LeadsBlazor.Web.Features.Board;

/// <summary>
/// A board session's drop items, kept from one load of the board to the next: a reload updates the items of cards that
/// stay, adds the new ones and drops the gone ones, so that a column shows its cards in the loaded order while only the
/// columns that changed render again.
/// </summary>
/// <remarks>
/// MudBlazor's drop zone (9.x) shows its items in the order it first placed them (its private table, by item equality)
/// and gives a new item the next place. So a card entering a column at its end, a card leaving, or more cards at the end
/// ("show more") show right by themselves. When a column's order would differ from the loaded one (a card entering above
/// others, cards changing places, a drop the zones re-ordered on their own), that column gets new items for its leads:
/// the zone places them afresh in the loaded order and keeps their markup (the hash is the lead's id, see
/// <see cref="BoardItem"/>). <c>MudDropContainer.Refresh()</c>, which clears every zone's table and renders every zone
/// again, is needed only when the tables hold many items no longer shown. This class follows each zone's table the way
/// the zone builds it.
/// </remarks>
public sealed class BoardItems
{
    private readonly Dictionary<int, BoardItem> _byLead = [];
    private readonly Dictionary<string, List<BoardItem>> _placed = [];
    private readonly HashSet<string> _reorderedByDrop = [];
    private Dictionary<string, IReadOnlyList<BoardItem>> _byZone = [];

    /// <summary>Every item, in the loaded order (column by column, most urgent first): the drop container's items.</summary>
    public IReadOnlyList<BoardItem> All { get; private set; } = [];

    /// <summary>The items of one column, in the loaded order: what the column shows, compared to decide whether it renders again.</summary>
    public IReadOnlyList<BoardItem> In(string zone) => _byZone.GetValueOrDefault(zone) ?? [];

    public BoardItem? Of(int leadId) => _byLead.GetValueOrDefault(leadId);

    /// <summary>
    /// After a drop the two zones changed their tables by themselves (the target starts afresh, the source forgets the
    /// card): rather than follow that, both columns get new items at the next load.
    /// </summary>
    public void Dropped(BoardItem item, string zone)
    {
        _reorderedByDrop.Add(item.Zone);
        _reorderedByDrop.Add(zone);
        item.Zone = zone;
    }

    /// <summary>Takes a new load of the board; true when the drop container must be refreshed (every zone's table cleared).</summary>
    public bool Update(IReadOnlyList<BoardCard> cards)
    {
        var byZone = new Dictionary<string, IReadOnlyList<BoardItem>>();
        var all = new List<BoardItem>(cards.Count);
        foreach (var column in cards.GroupBy(c => c.Zone))
        {
            var loaded = column.Select(Item).ToList();
            var placed = _placed.GetValueOrDefault(column.Key) ?? [];
            var known = placed.ToHashSet();
            // The zone keeps the places it gave before (also of cards that left and come back) and gives new items the next ones.
            var shown = placed.Where(loaded.Contains).Concat(loaded.Where(i => !known.Contains(i)));
            if (_reorderedByDrop.Remove(column.Key) || !shown.SequenceEqual(loaded))
            {
                loaded = [.. loaded.Select(Renewed)];
            }

            _placed[column.Key] = [.. placed, .. loaded.Where(i => !known.Contains(i))];
            byZone[column.Key] = loaded;
            all.AddRange(loaded);
        }

        _byZone = byZone;
        All = all;
        var shownLeads = cards.Select(c => c.Id).ToHashSet();
        foreach (var gone in _byLead.Keys.Where(id => !shownLeads.Contains(id)).ToList())
        {
            _byLead.Remove(gone);
        }

        // Items that left a zone stay in its table; when the tables hold more of them than the board shows, one refresh clears them all.
        if (_placed.Values.Sum(p => p.Count) <= 2 * All.Count + PlacesKeptUnshown)
        {
            return false;
        }

        _placed.Clear();
        _reorderedByDrop.Clear();
        foreach (var (zone, items) in byZone)
        {
            _placed[zone] = [.. items];
        }

        return true;
    }

    private const int PlacesKeptUnshown = 100;

    private BoardItem Item(BoardCard card)
    {
        if (!_byLead.TryGetValue(card.Id, out var item))
        {
            item = new BoardItem(card);
            _byLead[card.Id] = item;
        }

        item.Card = card;
        item.Zone = card.Zone;
        return item;
    }

    private BoardItem Renewed(BoardItem item) => _byLead[item.LeadId] = new BoardItem(item.Card);
}
