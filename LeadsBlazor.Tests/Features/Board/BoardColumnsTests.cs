using LeadsBlazor.Domain.Common;
using LeadsBlazor.Web.Features.Board;

namespace LeadsBlazor.Tests.Features.Board;

/// <summary>A board session's columns: the loaded order, and a dropped card shown in its new column until a load shows the change.</summary>
public sealed class BoardColumnsTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static BoardCard Card(int id, string zone, int? inDays, long version = 1) => new()
    {
        Id = id,
        Version = version,
        Name = $"Lead {id}",
        Revenue = new Money(1_000m, Currency.Eur),
        ResponsibleName = "Anna Berger",
        ResponsibleInitials = "AB",
        NextActionOn = inDays is { } days ? Today.AddDays(days) : null,
        Zone = zone,
    };

    [Fact]
    public void Each_column_shows_its_cards_in_the_loaded_order()
    {
        var columns = new BoardColumns();

        // The database's order, whatever it is, is the column's: nothing is sorted again.
        columns.Load([Card(3, "a", 5), Card(1, "a", 1), Card(2, "b", 2)]);

        Assert.Equal([3, 1], columns.In("a").Select(c => c.Id));
        Assert.Equal([2], columns.In("b").Select(c => c.Id));
        Assert.Empty(columns.In("c"));
    }

    [Fact]
    public void A_dropped_card_shows_at_once_in_its_new_column_in_next_action_order_and_the_loaded_card_stays_as_loaded()
    {
        var columns = new BoardColumns();
        var dropped = Card(1, "a", 3);
        columns.Load([dropped, Card(2, "b", 1), Card(4, "b", 3), Card(5, "b", 9)]);

        columns.Dropped(dropped, "b");

        Assert.Empty(columns.In("a"));
        // Same day as lead 4: the older lead (smaller id) first, as the board's query orders them.
        Assert.Equal([2, 1, 4, 5], columns.In("b").Select(c => c.Id));
        Assert.Equal("b", columns.In("b")[1].Zone);
        Assert.Equal("a", dropped.Zone);
    }

    [Fact]
    public void The_drop_holds_through_loads_of_the_old_version_and_ends_with_the_saved_one()
    {
        var columns = new BoardColumns();
        var card = Card(1, "a", 3);
        columns.Load([card, Card(2, "b", 1)]);
        columns.Dropped(card, "b");

        // Someone else's change reloads the board before the move is saved: the card stays where it was dropped.
        columns.Load([card, Card(2, "b", 1, version: 2)]);
        Assert.Empty(columns.In("a"));
        Assert.Equal([2, 1], columns.In("b").Select(c => c.Id));

        // The saved move comes back: the column shows the loaded card, not the session's copy.
        var saved = Card(1, "b", 3, version: 2);
        columns.Load([Card(2, "b", 1, version: 2), saved]);
        Assert.Same(saved, columns.In("b")[1]);

        // And a later change (someone moved it back) shows as loaded.
        columns.Load([Card(1, "a", 3, version: 3), Card(2, "b", 1, version: 2)]);
        Assert.Equal([1], columns.In("a").Select(c => c.Id));
        Assert.Equal([2], columns.In("b").Select(c => c.Id));
    }

    [Fact]
    public void A_refused_or_cancelled_drop_puts_the_card_back()
    {
        var columns = new BoardColumns();
        var card = Card(1, "a", 3);
        columns.Load([card, Card(2, "b", 1)]);
        columns.Dropped(card, "b");

        columns.TakeBack(card.Id);

        Assert.Equal([1], columns.In("a").Select(c => c.Id));
        Assert.Equal([2], columns.In("b").Select(c => c.Id));
    }

    [Fact]
    public void A_dropped_card_no_longer_on_the_board_after_a_load_is_gone()
    {
        var columns = new BoardColumns();
        var card = Card(1, "a", 3);
        columns.Load([card, Card(2, "b", 1)]);
        columns.Dropped(card, "b");

        // Someone closed the lead meanwhile: it is not a running lead any more.
        columns.Load([Card(2, "b", 1)]);

        Assert.Empty(columns.In("a"));
        Assert.Equal([2], columns.In("b").Select(c => c.Id));
    }

    [Fact]
    public void A_dropped_card_without_a_next_action_goes_first_as_SQLite_orders_the_column()
    {
        var columns = new BoardColumns();
        var card = Card(1, "a", null);
        columns.Load([card, Card(2, "b", 1)]);

        columns.Dropped(card, "b");

        Assert.Equal([1, 2], columns.In("b").Select(c => c.Id));
    }
}
