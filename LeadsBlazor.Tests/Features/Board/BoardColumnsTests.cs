using LeadsBlazor.Domain.Common;
using LeadsBlazor.Web.Features.Board;

namespace LeadsBlazor.Tests.Features.Board;

/// <summary>A board session's columns: the loaded order, and a dropped card shown in its new column until a load shows the change.</summary>
public sealed class BoardColumnsTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static BoardCard Card(int id, string zone, int inDays, long version = 1) => new()
    {
        Id = id,
        Version = version,
        Name = $"Lead {id}",
        Revenue = new Money(1_000m, Currency.Eur),
        ResponsibleName = "Anna Berger",
        ResponsibleInitials = "AB",
        NextActionOn = Today.AddDays(inDays),
        Zone = zone,
    };

    [Fact]
    public void Each_column_shows_its_cards_in_the_loaded_order()
    {
        var columns = new BoardColumns();

        columns.Load([Card(3, "a", 1), Card(1, "a", 5), Card(2, "b", 2)]);

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
        Assert.Equal([2, 1], columns.In("b").Select(c => c.Id));

        // The saved move comes back: the loaded board has the card, and a later drop-free load rules.
        columns.Load([Card(2, "b", 1, version: 2), Card(1, "b", 3, version: 2)]);
        Assert.Equal([2, 1], columns.In("b").Select(c => c.Id));
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
}
