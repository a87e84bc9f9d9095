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
    public void A_card_leaving_a_column_or_more_cards_at_a_columns_end_need_no_refresh()
    {
        var items = new BoardItems();
        items.Update([Card(1, "a"), Card(2, "a"), Card(3, "b")]);

        Assert.False(items.Update([Card(2, "a"), Card(3, "b")]));
        Assert.False(items.Update([Card(2, "a"), Card(3, "b"), Card(4, "b"), Card(5, "b")]));
        Assert.Equal(["b"], items.CardsIn("b").Select(c => c.Zone).Distinct());
        Assert.Equal([3, 4, 5], items.CardsIn("b").Select(c => c.Id));
    }

    [Fact]
    public void A_card_entering_a_column_above_others_or_cards_changing_places_refresh_the_container_once()
    {
        var items = new BoardItems();
        items.Update([Card(1, "a"), Card(2, "b"), Card(3, "b")]);

        Assert.True(items.Update([Card(1, "b"), Card(2, "b"), Card(3, "b")]));
        Assert.False(items.Update([Card(1, "b"), Card(2, "b"), Card(3, "b")]));
        Assert.True(items.Update([Card(2, "b"), Card(1, "b"), Card(3, "b")]));
    }

    [Fact]
    public void A_card_coming_back_to_a_column_takes_the_place_the_column_remembers()
    {
        var items = new BoardItems();
        items.Update([Card(1, "a"), Card(2, "a"), Card(3, "b")]);
        Assert.False(items.Update([Card(2, "a"), Card(3, "b"), Card(1, "b")]));

        // Back in "a" before 2: the zone still knows card 1's first place there.
        Assert.False(items.Update([Card(1, "a"), Card(2, "a"), Card(3, "b")]));
    }

    [Fact]
    public void After_a_drop_the_next_load_refreshes_the_container()
    {
        var items = new BoardItems();
        items.Update([Card(1, "a"), Card(2, "b")]);

        items.Dropped(items.Of(1)!, "b");

        Assert.Equal("b", items.Of(1)!.Zone);
        Assert.True(items.Update([Card(2, "b"), Card(1, "b")]));
    }
}
