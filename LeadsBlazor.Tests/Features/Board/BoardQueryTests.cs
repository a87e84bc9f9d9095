using LeadsBlazor.Tests.Support;
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
