using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Tests.Features.Leads;

/// <summary>One writer at a time (SQLite's lock, PostgreSQL's advisory lock): writers must queue, and a stale write must fail, never overwrite.</summary>
public abstract class ConcurrencyTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(provider: provider);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Two_contexts_saving_the_same_lead_from_the_same_version_the_second_fails()
    {
        var stages = await _app.StagesAsync();
        var stored = await _app.AddRunningLeadAsync(stages[0].Id);
        await using var first = _app.NewContext();
        await using var second = _app.NewContext();
        var inFirst = await first.Leads.SingleAsync(l => l.Id == stored.Id);
        var inSecond = await second.Leads.SingleAsync(l => l.Id == stored.Id);

        inFirst.Rename("Relaunch Website 2027", _app.Actor);
        await first.SaveChangesAsync();
        inSecond.ChangeRevenue(Money.Revenue(99m, Currency.Eur), _app.Actor);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        var now = await _app.ReloadAsync(stored.Id);
        Assert.Equal(("Relaunch Website 2027", 10_000m, stored.Version + 1), (now.Name, now.Revenue.Amount, now.Version));
    }

    [Fact]
    public async Task Twenty_concurrent_writers_neither_fail_on_the_lock_nor_lose_a_write()
    {
        const int writers = 20;
        const int notesEach = 10;
        var stages = await _app.StagesAsync();
        var lead = await _app.AddRunningLeadAsync(stages[0].Id);
        var commands = _app.Get<LeadCommands>();

        var errors = new List<Exception>();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < notesEach; i++)
            {
                try
                {
                    await commands.AddNoteAsync(lead.Id, $"Writer {writer}, note {i}", _app.OwnerId);
                }
                catch (Exception e)
                {
                    lock (errors)
                    {
                        errors.Add(e);
                    }
                }
            }
        })));

        Assert.Empty(errors);
        var now = await _app.ReloadAsync(lead.Id);
        Assert.Equal(writers * notesEach, now.Notes.Count);
        Assert.Equal(writers * notesEach, now.History.Count(e => e.Kind == LeadEventKind.NoteAdded));
        Assert.Equal(lead.Version + (writers * notesEach), now.Version);
    }

    [Fact]
    public async Task Concurrent_stage_moves_of_one_lead_leave_exactly_one_winner_per_version()
    {
        var stages = await _app.StagesAsync();
        var lead = await _app.AddRunningLeadAsync(stages[0].Id);
        var commands = _app.Get<LeadCommands>();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            try
            {
                await commands.MoveToStageAsync(lead.Id, lead.Version, stages[1 + (i % 3)].Id, _app.OwnerId);
                return "moved";
            }
            catch (ConcurrencyConflictException)
            {
                return "conflict";
            }
        })));

        Assert.Equal(1, outcomes.Count(o => o == "moved"));
        Assert.Equal(9, outcomes.Count(o => o == "conflict"));
        Assert.Equal(lead.Version + 1, (await _app.ReloadAsync(lead.Id)).Version);
    }
}

public sealed class ConcurrencyTestsOnSqlite() : ConcurrencyTests(DatabaseProvider.Sqlite);

public sealed class ConcurrencyTestsOnPostgres() : ConcurrencyTests(DatabaseProvider.Postgres);
