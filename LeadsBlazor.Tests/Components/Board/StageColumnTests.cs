using Bunit;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Pipeline;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Board;
using LeadsBlazor.Web.Features.LeadViews;

namespace LeadsBlazor.Tests.Components.Board;

/// <summary>A column takes its cards' drag and menu events (the browser names the card) and hands the board that card.</summary>
public sealed class StageColumnTests
{
    private static BoardCard Card(int id) => new()
    {
        Id = id,
        Version = 1,
        Name = $"Lead {id}",
        Revenue = new Money(1_000m, Currency.Parse("EUR")),
        ResponsibleName = "Anna Berger",
        ResponsibleInitials = "AB",
        Zone = "stage-3",
    };

    [Fact]
    public async Task A_cards_menu_drag_start_and_drag_end_reach_the_board_with_that_card()
    {
        await using var context = ComponentContext.Create();
        var (menu, lifted, ended) = (new List<int>(), new List<int>(), new List<int>());
        var column = context.Render<StageColumn>(p => p
            .Add(c => c.Column, new BoardColumn(3, "Angebot", Probability.FromPercent(30), new StageFigures(3, 2, 2_000m, 600m), 2))
            .Add(c => c.Cards, [Card(7), Card(8)])
            .Add(c => c.Currency, "EUR")
            .Add(c => c.Seen, new SeenVersions())
            .Add(c => c.OnMenu, (BoardCard card) => menu.Add(card.Id))
            .Add(c => c.OnDragStart, (BoardCard card) => lifted.Add(card.Id))
            .Add(c => c.OnDragEnd, (BoardCard card) => ended.Add(card.Id)));
        var zone = column.Find("[data-testid=board-zone]");

        await zone.TriggerEventAsync("onleadcardmenu", new LeadCardEventArgs { LeadId = 8 });
        await zone.TriggerEventAsync("onleadcarddragstart", new LeadCardEventArgs { LeadId = 7 });
        await zone.TriggerEventAsync("onleadcarddragend", new LeadCardEventArgs { LeadId = 7 });

        Assert.Equal([8], menu);
        Assert.Equal([7], lifted);
        Assert.Equal([7], ended);
        // Every card drags and has its menu button; the handlers are the column's, none is the card's.
        Assert.All(column.FindAll("[data-testid=lead-card]"), card => Assert.Equal("true", card.GetAttribute("draggable")));
        Assert.Equal(2, column.FindAll("[data-testid=card-menu]").Count);
    }

    [Fact]
    public async Task An_event_from_a_card_that_left_the_column_meanwhile_is_not_acted_on()
    {
        await using var context = ComponentContext.Create();
        var menu = new List<int>();
        var column = context.Render<StageColumn>(p => p
            .Add(c => c.Column, new BoardColumn(3, "Angebot", Probability.FromPercent(30), new StageFigures(3, 1, 1_000m, 300m), 1))
            .Add(c => c.Cards, [Card(7)])
            .Add(c => c.Currency, "EUR")
            .Add(c => c.Seen, new SeenVersions())
            .Add(c => c.OnMenu, (BoardCard card) => menu.Add(card.Id)));

        // The browser still showed lead 9 here when its menu was pressed; a live move took it elsewhere.
        await column.Find("[data-testid=board-zone]").TriggerEventAsync("onleadcardmenu", new LeadCardEventArgs { LeadId = 9 });

        Assert.Empty(menu);
    }
}
