using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Pipeline;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Board;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Tests.Features.Board;

/// <summary>
/// On SQLite a searched board takes its leads' facts from memory (<see cref="LeadFacts"/>), kept in step by the change
/// log the leads' triggers write. Whatever changes, and however (a use case, plain SQL, another process pruning the log),
/// the searched board stays the board the database computes for the same leads.
/// </summary>
public sealed class LeadFactsTests : IDisposable
{
    private const string Search = "pixel koehler";
    private readonly TaggedCommands _sql = new();
    private readonly PipelineApp _app;

    public LeadFactsTests() => _app = new(provider: DatabaseProvider.Sqlite, services: _sql.AddTo);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_searched_board_from_the_facts_in_memory_stays_the_colleagues_board_through_every_kind_of_change()
    {
        // The searched leads are exactly the colleague's (as in BoardQueryTests), some added before the facts are read
        // and some after, so the search must show the board the database counts and pages for the colleague.
        var stages = await _app.StagesAsync();
        var colleague = await _app.CreateMemberAsync();
        await _app.AddCurrencyAsync(Currency.Parse("CHF"), 1.05m);
        var searched = new List<int>();
        for (var i = 0; i < 30; i++)
        {
            searched.Add((await _app.AddRunningLeadAsync(stages[1].Id, revenue: 1_000m + i, responsibleUserId: colleague, name: $"Pixel Köhler {i}")).Id);
            await _app.AddRunningLeadAsync(stages[1].Id, name: $"Relaunch {i}");
        }

        await _app.Get<LeadFacts>().LoadedAsync();
        for (var i = 30; i < BoardQuery.PageSize + 5; i++)
        {
            searched.Add((await _app.AddRunningLeadAsync(stages[1].Id, revenue: 1_000m + i, responsibleUserId: colleague, name: $"Pixel Köhler {i}")).Id);
        }

        searched.Add((await _app.AddRunningLeadAsync(stages[0].Id, revenue: 7_000m, responsibleUserId: colleague, name: "PIXEL Koehler", currency: Currency.Parse("CHF"))).Id);
        await AssertSameBoardsAsync(colleague, stages);

        await using (var db = _app.NewContext())
        {
            // Next actions in no order of their ids, some on the same day: the columns' order is (next action, id).
            foreach (var lead in await db.Leads.Include(l => l.Stage).Where(l => searched.Contains(l.Id)).ToListAsync())
            {
                lead.ScheduleNextAction(_app.Today.AddDays(-(lead.Id * 7 % 11)), null, _app.Actor);
            }

            var closed = (await db.Leads.FindAsync(searched[0]))!;
            closed.Close(LeadStatus.Lost, _app.Today, await db.CloseReasons.OrderBy(r => r.Position).FirstAsync(), null, _app.Actor);
            var moved = (await db.Leads.FindAsync(searched[1]))!;
            moved.MoveToStage((await db.Stages.FindAsync(stages[2].Id))!, _app.Actor);
            await db.SaveChangesAsync();
        }

        Changed(colleague);

        await AssertSameBoardsAsync(colleague, stages);

        // Plain SQL too (an import, an operator's fix): the triggers see what the app did not do itself.
        await using (var db = _app.NewContext())
        {
            await db.Database.ExecuteSqlAsync($"""UPDATE "Leads" SET "RevenueMinor" = "RevenueMinor" * 3, "NextActionOn" = NULL WHERE "Id" = {searched[2]}""");
            await db.Database.ExecuteSqlAsync($"""UPDATE "Leads" SET "StageId" = {stages[3].Id} WHERE "Id" = {searched[3]}""");
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "Leads" WHERE "Id" = {searched[4]}""");
        }

        Changed(colleague);

        var board = await AssertSameBoardsAsync(colleague, stages);
        Assert.DoesNotContain(board.Cards, c => c.Id == searched[4]);
        Assert.Contains(board.Cards, c => c.Id == searched[3] && c.Zone == BoardColumn.ZoneOf(stages[3].Id));
    }

    [Fact]
    public async Task When_another_process_prunes_changes_the_facts_have_not_seen_the_board_reads_the_rows_and_the_facts_are_read_again()
    {
        var stages = await _app.StagesAsync();
        var colleague = await _app.CreateMemberAsync();
        var lead = await _app.AddRunningLeadAsync(stages[0].Id, revenue: 2_000m, responsibleUserId: colleague, name: "Pixel Köhler");
        var facts = _app.Get<LeadFacts>();
        await facts.LoadedAsync();
        await AssertSameBoardsAsync(colleague, stages);

        await using (var db = _app.NewContext())
        {
            await db.Database.ExecuteSqlAsync($"""UPDATE "Leads" SET "StageId" = {stages[2].Id} WHERE "Id" = {lead.Id}""");
            await db.Database.ExecuteSqlRawAsync($"""DELETE FROM "{LeadFacts.ChangeLog}" """);
        }

        Changed(colleague);

        // The gap shows, so the board comes from the rows (the facts missed the move)...
        var board = await _app.Get<BoardQuery>().LoadAsync(new LeadFilter(Search: Search));
        Assert.Equal([BoardColumn.ZoneOf(stages[2].Id)], board.Cards.Select(c => c.Zone));

        // ...until the facts are read again, and from then on serve the board again.
        await facts.LoadedAsync();
        await using (var db = _app.NewContext())
        {
            Assert.True(facts.IsLoaded(db));
        }

        board = await AssertSameBoardsAsync(colleague, stages);
        Assert.Equal([BoardColumn.ZoneOf(stages[2].Id)], board.Cards.Select(c => c.Zone));
    }

    [Fact]
    public async Task Only_a_search_with_labels_or_a_customer_reads_the_rows()
    {
        var stages = await _app.StagesAsync();
        await _app.AddRunningLeadAsync(stages[0].Id, name: "Pixel Köhler");
        await _app.Get<LeadFacts>().LoadedAsync();

        var before = CatchUps();
        var mine = await _app.Get<BoardQuery>().LoadAsync(new LeadFilter(Search: Search, ResponsibleUserId: _app.OwnerId));
        Assert.Single(mine.Cards);
        Assert.Equal(before + 1, CatchUps());

        var company = await _app.Get<BoardQuery>().LoadAsync(new LeadFilter(Search: Search, CompanyId: int.MaxValue));
        Assert.Empty(company.Cards);
        Assert.Equal(before + 1, CatchUps());

        int CatchUps() => _sql.Count(nameof(LeadFacts));
    }

    [Fact]
    public async Task A_search_that_finds_no_lead_shows_every_column_empty_from_the_facts()
    {
        var stages = await _app.StagesAsync();
        await _app.AddRunningLeadAsync(stages[0].Id, name: "Pixel Köhler");
        await _app.Get<LeadFacts>().LoadedAsync();
        var before = _sql.Count(nameof(LeadFacts));

        var board = await _app.Get<BoardQuery>().LoadAsync(new LeadFilter(Search: "Zwetschge"));

        Assert.True(board.IsEmpty);
        Assert.Empty(board.Cards);
        Assert.Equal(0m, board.Volume.Total.Weighted);
        Assert.Equal(before + 1, _sql.Count(nameof(LeadFacts)));
    }

    [Fact]
    public async Task A_lead_with_more_cents_than_the_domain_writes_is_counted_from_the_rows()
    {
        var stages = await _app.StagesAsync();
        var lead = await _app.AddRunningLeadAsync(stages[0].Id, revenue: 1_000m, name: "Pixel Köhler");
        await _app.Get<LeadFacts>().LoadedAsync();

        // Above the domain's largest revenue, written by plain SQL (an import, an operator's fix): more than the facts' packed
        // revenue key holds, so the board reads the rows and still counts it.
        const long Cents = 1L << 48;
        await using (var db = _app.NewContext())
        {
            await db.Database.ExecuteSqlAsync($"""UPDATE "Leads" SET "RevenueMinor" = {Cents} WHERE "Id" = {lead.Id}""");
        }

        Changed(_app.OwnerId);

        var board = await _app.Get<BoardQuery>().LoadAsync(new LeadFilter(Search: Search));

        Assert.Equal(Cents / 100m, board.Volume.Total.Revenue);
        Assert.Equal(lead.Id, Assert.Single(board.Cards).Id);
    }

    [Fact]
    public async Task The_change_log_is_pruned_once_its_rows_are_applied_and_the_board_stays_right()
    {
        var stages = await _app.StagesAsync();
        var colleague = await _app.CreateMemberAsync();
        for (var i = 0; i < 100; i++)
        {
            await _app.AddRunningLeadAsync(stages[i % 4].Id, revenue: 1_000m + i, responsibleUserId: colleague, name: $"Pixel Köhler {i}");
        }

        await _app.Get<LeadFacts>().LoadedAsync();
        await using (var db = _app.NewContext())
        {
            // 100 raises of 100 leads: as many log rows as the prune waits for.
            for (var i = 0; i < LeadFacts.PruneEvery / 100; i++)
            {
                await db.Database.ExecuteSqlAsync($"""UPDATE "Leads" SET "RevenueMinor" = "RevenueMinor" + 100""");
            }
        }

        Changed(colleague);
        await AssertSameBoardsAsync(colleague, stages);
        await using (var db = _app.NewContext())
        {
            var timeout = TimeSpan.FromSeconds(30);
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (await LogRowsAsync(db) > 0 && waited.Elapsed < timeout)
            {
                // The prune runs in the background: wait for the condition, not for a time.
                await Task.Yield();
            }

            Assert.Equal(0, await LogRowsAsync(db));
            await db.Database.ExecuteSqlAsync($"""UPDATE "Leads" SET "StageId" = {stages[3].Id}""");
        }

        Changed(colleague);
        var board = await AssertSameBoardsAsync(colleague, stages);
        Assert.All(board.Cards, c => Assert.Equal(BoardColumn.ZoneOf(stages[3].Id), c.Zone));

        static Task<int> LogRowsAsync(LeadsDbContext db) =>
            db.Database.SqlQueryRaw<int>($"""SELECT COUNT(*) AS "Value" FROM "{LeadFacts.ChangeLog}" """).SingleAsync();
    }

    // SQLite rebuilds a table for some column changes and drops its triggers with it: a later migration that rebuilds Leads
    // must create them again, or the facts go stale and searched boards show leads where they were.
    [Fact]
    public async Task The_change_log_triggers_exist_after_every_migration()
    {
        await using var db = _app.NewContext();

        var triggers = await db.Database.SqlQueryRaw<string>($"SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Leads' AND sql LIKE '%{LeadFacts.ChangeLog}%'").ToListAsync();

        Assert.Equal(["LeadFactChanges_LeadAdded", "LeadFactChanges_LeadChanged", "LeadFactChanges_LeadDeleted"], triggers.Order(StringComparer.Ordinal));
    }

    // What the app's use cases publish after their change: the boards shared between sessions are computed again.
    private void Changed(string responsibleUserId) => _app.Get<IEventBus>().Publish(new LeadChanged(0, responsibleUserId));

    // The searched board (from the facts once they are read) beside the colleague's board (counted and paged by the
    // database), on the first page and with one column paged further.
    private async Task<BoardData> AssertSameBoardsAsync(string colleague, IReadOnlyList<Stage> stages)
    {
        BoardData? first = null;
        foreach (var pages in new[] { null, new Dictionary<int, int> { [stages[1].Id] = BoardQuery.PageSize * 2 } })
        {
            var bySearch = await _app.Get<BoardQuery>().LoadAsync(new LeadFilter(Search: Search), pages);
            var byColleague = await _app.Get<BoardQuery>().LoadAsync(new LeadFilter(ResponsibleUserId: colleague), pages);

            Assert.Equal(byColleague.Cards, bySearch.Cards);
            Assert.Equal(byColleague.Columns, bySearch.Columns);
            Assert.Equal(byColleague.Volume.Total, bySearch.Volume.Total);
            first ??= bySearch;
        }

        await using var db = _app.NewContext();
        Assert.True(_app.Get<LeadFacts>().IsLoaded(db), "The searched board came from the facts in memory.");
        return first!;
    }
}
