using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Board;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;

namespace LeadsBlazor.Tests.Features.Board;

public abstract class BoardQueryTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(provider: provider);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_column_loads_a_first_page_of_cards_while_its_figures_count_every_lead()
    {
        var stages = await _app.StagesAsync();
        for (var i = 0; i < BoardQuery.PageSize + 5; i++)
        {
            await _app.AddRunningLeadAsync(stages[1].Id, revenue: 1_000m, name: $"Lead {i}");
        }

        var board = await _app.Get<BoardQuery>().LoadAsync(new LeadFilter());

        var column = board.Columns.Single(c => c.StageId == stages[1].Id);
        Assert.Equal(BoardQuery.PageSize, board.Cards.Count(c => c.Zone == column.Zone));
        Assert.Equal(BoardQuery.PageSize + 5, column.Figures.Count);
        Assert.Equal((BoardQuery.PageSize + 5) * 1_000m, column.Figures.Revenue);
        Assert.True(column.HasMore);

        var more = await _app.Get<BoardQuery>().LoadAsync(new LeadFilter(), new Dictionary<int, int> { [stages[1].Id] = BoardQuery.PageSize * 2 });
        Assert.Equal(BoardQuery.PageSize + 5, more.Cards.Count(c => c.Zone == column.Zone));
        Assert.False(more.Columns.Single(c => c.StageId == stages[1].Id).HasMore);
    }

    [Fact]
    public async Task A_searched_board_shows_the_same_columns_cards_and_figures_as_any_view_of_the_same_leads()
    {
        // The searched leads are exactly the colleague's, so the search (counted and paged over the leads it found) and the
        // colleague's view (counted and paged by the database) must show the same board.
        var stages = await _app.StagesAsync();
        var colleague = await _app.CreateMemberAsync();
        await _app.AddCurrencyAsync(Currency.Parse("CHF"), 1.05m);
        var searched = new List<int>();
        for (var i = 0; i < BoardQuery.PageSize + 5; i++)
        {
            searched.Add((await _app.AddRunningLeadAsync(stages[1].Id, revenue: 1_000m + i, responsibleUserId: colleague, name: $"Pixel Köhler {i}")).Id);
            await _app.AddRunningLeadAsync(stages[1].Id, name: $"Relaunch {i}");
        }

        searched.Add((await _app.AddRunningLeadAsync(stages[0].Id, revenue: 7_000m, responsibleUserId: colleague, name: "PIXEL Koehler", currency: Currency.Parse("CHF"))).Id);
        await using (var db = _app.NewContext())
        {
            // Next actions in no order of their ids, some the same day, so the order is (next action, id) and not the lead's age.
            foreach (var lead in await db.Leads.Where(l => searched.Contains(l.Id)).ToListAsync())
            {
                lead.ScheduleNextAction(_app.Today.AddDays(-(lead.Id * 7 % 11)), null, _app.Actor);
            }

            var closed = (await db.Leads.FindAsync(searched[0]))!;
            closed.Close(LeadStatus.Lost, _app.Today, await db.CloseReasons.OrderBy(r => r.Position).FirstAsync(), null, _app.Actor);
            await db.SaveChangesAsync();
        }

        foreach (var pages in new[] { null, new Dictionary<int, int> { [stages[1].Id] = BoardQuery.PageSize * 2 } })
        {
            var bySearch = await _app.Get<BoardQuery>().LoadAsync(new LeadFilter(Search: "pixel koehler"), pages);
            var byColleague = await _app.Get<BoardQuery>().LoadAsync(new LeadFilter(ResponsibleUserId: colleague), pages);

            Assert.Equal(byColleague.Cards, bySearch.Cards);
            Assert.Equal(byColleague.Columns, bySearch.Columns);
            Assert.Equal(byColleague.Volume.Total, bySearch.Volume.Total);
            Assert.Equal(BoardQuery.PageSize + 4, bySearch.Columns.Single(c => c.StageId == stages[1].Id).Figures.Count);
        }

        var firstPage = await _app.Get<BoardQuery>().LoadAsync(new LeadFilter(Search: "PIXEL KÖHLER"));
        Assert.Equal(BoardQuery.PageSize, firstPage.Cards.Count(c => c.Zone == BoardColumn.ZoneOf(stages[1].Id)));
        Assert.True(firstPage.Columns.Single(c => c.StageId == stages[1].Id).HasMore);
        Assert.Equal(["PIXEL Koehler"], firstPage.Cards.Where(c => c.Zone == BoardColumn.ZoneOf(stages[0].Id)).Select(c => c.Name));
    }

    [Fact]
    public async Task Cards_with_the_most_urgent_next_action_come_first()
    {
        var stages = await _app.StagesAsync();
        var later = await _app.AddRunningLeadAsync(stages[0].Id, name: "Später");
        var lead = await _app.AddRunningLeadAsync(stages[0].Id, name: "Überfällig");
        await using (var db = _app.NewContext())
        {
            var stored = await db.Leads.FindAsync(lead.Id);
            stored!.ScheduleNextAction(_app.Today.AddDays(-2), null, _app.Actor);
            await db.SaveChangesAsync();
        }

        var board = await _app.Get<BoardQuery>().LoadAsync(new LeadFilter());

        Assert.Equal(["Überfällig", "Später"], board.Cards.Select(c => c.Name));
        Assert.True(board.Cards[0].IsDue);
        Assert.False(board.Cards.Single(c => c.Id == later.Id).IsDue);
    }
}

public sealed class BoardQueryTestsOnSqlite() : BoardQueryTests(DatabaseProvider.Sqlite);

public sealed class BoardQueryTestsOnPostgres() : BoardQueryTests(DatabaseProvider.Postgres);
