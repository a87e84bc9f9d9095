using LeadsBlazor.Domain.Common;
using LeadsBlazor.Web.Features.Board;

namespace LeadsBlazor.Tests.Features.Board;

/// <summary>A board session's items across reloads: one per lead, and a container refresh only when a column's order needs it.</summary>
public sealed class BoardItemsTests
{
    private static BoardCard Card(int id, string zone, long version = 1) => new()
    {
        Id = id,
        Version = version,
        Name = $"Lead {id}",
        Revenue = new Money(1_000m, Currency.Eur),
        ResponsibleName = "Anna Berger",
        ResponsibleInitials = "AB",
        Zone = zone,
    };

    [Fact]
    public void A_lead_keeps_its_item_across_loads_and_the_item_shows_the_new_card()
    {
        var items = new BoardItems();
        items.Update([Card(1, "a"), Card(2, "a")]);
        var first = items.Of(1);

        var changed = Card(1, "a", version: 2);
        items.Update([changed, Card(2, "a")]);

        Assert.Same(first, items.Of(1));
        Assert.Same(changed, items.Of(1)!.Card);
        Assert.Equal([1, 2], items.All.Select(i => i.Card.Id));
    }

    [Fact]
    public void A_card_leaving_a_column_or_more_cards_at_a_columns_end_keep_the_columns_items()
    {
        var items = new BoardItems();
        items.Update([Card(1, "a"), Card(2, "a"), Card(3, "b")]);
        var (two, three) = (items.Of(2), items.Of(3));

        Assert.False(items.Update([Card(2, "a"), Card(3, "b")]));
        Assert.False(items.Update([Card(2, "a"), Card(3, "b"), Card(4, "b"), Card(5, "b")]));

        Assert.Same(two, items.Of(2));
        Assert.Same(three, items.Of(3));
        Assert.Equal([3, 4, 5], items.In("b").Select(i => i.Card.Id));
    }

    [Fact]
    public void A_card_entering_a_column_above_others_gives_that_column_new_items_with_the_same_keys_and_no_refresh()
    {
        var items = new BoardItems();
        items.Update([Card(1, "a"), Card(4, "a"), Card(2, "b"), Card(3, "b")]);
        var (four, two) = (items.Of(4)!, items.Of(2)!);

        Assert.False(items.Update([Card(4, "a"), Card(1, "b"), Card(2, "b"), Card(3, "b")]));

        // Column b: every item is new to its zone, so the zone places them in the loaded order; the markup stays (same hash).
        Assert.NotSame(two, items.Of(2));
        Assert.Equal(two.GetHashCode(), items.Of(2)!.GetHashCode());
        Assert.Equal([1, 2, 3], items.In("b").Select(i => i.Card.Id));
        Assert.Same(four, items.Of(4));
        Assert.Equal(items.In("a").Concat(items.In("b")), items.All);
    }

    [Fact]
    public void Cards_changing_places_in_a_column_give_it_new_items_once()
    {
        var items = new BoardItems();
        items.Update([Card(1, "b"), Card(2, "b"), Card(3, "b")]);
        var before = items.In("b");

        Assert.False(items.Update([Card(2, "b"), Card(1, "b"), Card(3, "b")]));
        var reordered = items.In("b");
        Assert.Empty(reordered.Intersect(before));

        Assert.False(items.Update([Card(2, "b"), Card(1, "b"), Card(3, "b")]));
        Assert.Equal(reordered, items.In("b"));
    }

    [Fact]
    public void A_card_coming_back_to_a_column_takes_the_place_the_column_remembers()
    {
        var items = new BoardItems();
        items.Update([Card(1, "a"), Card(2, "a"), Card(3, "b")]);
        var one = items.Of(1);
        Assert.False(items.Update([Card(2, "a"), Card(3, "b"), Card(1, "b")]));

        // Back in "a" before 2: the zone still knows card 1's first place there, so the items stay.
        Assert.False(items.Update([Card(1, "a"), Card(2, "a"), Card(3, "b")]));
        Assert.Same(one, items.Of(1));
    }

    [Fact]
    public void After_a_drop_the_next_load_gives_both_columns_new_items()
    {
        var items = new BoardItems();
        items.Update([Card(1, "a"), Card(2, "a"), Card(3, "b"), Card(4, "c")]);
        var (two, four) = (items.Of(2), items.Of(4));

        items.Dropped(items.Of(1)!, "b");

        Assert.Equal("b", items.Of(1)!.Zone);
        Assert.False(items.Update([Card(2, "a"), Card(3, "b"), Card(1, "b"), Card(4, "c")]));
        Assert.NotSame(two, items.Of(2));
        Assert.Same(four, items.Of(4));
    }

    [Fact]
    public void When_the_zones_remember_many_cards_no_longer_shown_one_refresh_clears_them()
    {
        var items = new BoardItems();
        items.Update([Card(1, "a"), Card(2, "a"), Card(3, "a")]);

        // Each re-order leaves the column's old items in its zone's table; only after many does the container refresh.
        var refreshes = Enumerable.Range(0, 60)
            .Select(round => items.Update(round % 2 == 0 ? [Card(3, "a"), Card(2, "a"), Card(1, "a")] : [Card(1, "a"), Card(2, "a"), Card(3, "a")]))
            .ToList();

        Assert.False(refreshes[0]);
        Assert.Contains(true, refreshes);
        Assert.True(refreshes.Count(r => r) <= 2);
    }
}
