namespace LeadsBlazor.Web.Features.Board;

/// <summary>
/// A board session's drop items, kept from one load of the board to the next: a reload updates the items of cards that
/// stay, adds the new ones and drops the gone ones, and says whether the drop container must be refreshed.
/// </summary>
/// <remarks>
/// MudBlazor's drop zone (9.x) shows its items in the order it first saw them (its private index table); only
/// <c>MudDropContainer.Refresh()</c> clears that table, and it re-renders every zone. So the board refreshes only when a
/// zone's remembered order would differ from the loaded order: a card entering a column anywhere but at its end, or
/// cards changing places. A card leaving a column, or more cards at a column's end ("show more"), needs no refresh.
/// This class follows each zone's remembered order the way the zone builds it.
/// </remarks>
public sealed class BoardItems
{
    private readonly Dictionary<int, BoardItem> _byLead = [];
    private readonly Dictionary<string, List<BoardItem>> _remembered = [];
    private Dictionary<string, IReadOnlyList<BoardCard>> _cardsByZone = [];
    private bool _forgetOrder;

    /// <summary>Every item, in the loaded order (column by column, most urgent first): the drop container's items.</summary>
    public IReadOnlyList<BoardItem> All { get; private set; } = [];

    /// <summary>The cards of one column as loaded: what the column shows, compared to decide whether it renders again.</summary>
    public IReadOnlyList<BoardCard> CardsIn(string zone) => _cardsByZone.GetValueOrDefault(zone) ?? [];

    public BoardItem? Of(int leadId) => _byLead.GetValueOrDefault(leadId);

    /// <summary>
    /// After a drop the zones rebuilt their order by themselves (the target zone starts afresh, the source forgets the
    /// card): rather than follow that, the next load refreshes the container.
    /// </summary>
    public void Dropped(BoardItem item, string zone)
    {
        item.Zone = zone;
        _forgetOrder = true;
    }

    /// <summary>Takes a new load of the board; true when the drop container must be refreshed to show its order.</summary>
    public bool Update(IReadOnlyList<BoardCard> cards)
    {
        var all = new List<BoardItem>(cards.Count);
        var seen = new HashSet<int>();
        foreach (var card in cards)
        {
            if (!_byLead.TryGetValue(card.Id, out var item))
            {
                item = new BoardItem(card);
                _byLead[card.Id] = item;
            }

            item.Card = card;
            item.Zone = card.Zone;
            all.Add(item);
            seen.Add(card.Id);
        }

        foreach (var gone in _byLead.Keys.Where(id => !seen.Contains(id)).ToList())
        {
            _byLead.Remove(gone);
        }

        All = all;
        _cardsByZone = cards.GroupBy(c => c.Zone).ToDictionary(g => g.Key, g => (IReadOnlyList<BoardCard>)[.. g]);

        var refresh = _forgetOrder;
        var remembered = new Dictionary<string, List<BoardItem>>();
        foreach (var zone in all.GroupBy(i => i.Zone))
        {
            var loaded = zone.ToList();
            var before = _remembered.GetValueOrDefault(zone.Key) ?? [];
            // The zone keeps the places it gave before (also of cards that left and come back) and gives new cards the next ones.
            var known = before.ToHashSet();
            var shown = before.Where(loaded.Contains).Concat(loaded.Where(i => !known.Contains(i))).ToList();
            refresh |= !shown.SequenceEqual(loaded);
            remembered[zone.Key] = [.. before, .. loaded.Where(i => !known.Contains(i))];
        }

        if (refresh)
        {
            // A refresh clears every zone's table: each starts again from the loaded order.
            remembered = all.GroupBy(i => i.Zone).ToDictionary(g => g.Key, g => g.ToList());
        }
        else
        {
            // Zones with no card now still remember the cards they showed.
            foreach (var (zone, items) in _remembered.Where(z => !remembered.ContainsKey(z.Key)))
            {
                remembered[zone] = items;
            }
        }

        _remembered.Clear();
        foreach (var (zone, items) in remembered)
        {
            _remembered[zone] = items;
        }

        _forgetOrder = false;
        return refresh;
    }
}
