using CsCheck;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Settings;
using LeadsBlazor.Web.Features.Settings.Stages;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Tests.Properties;

/// <summary>Rule 2: deleting a stage with a move target keeps every lead, now in the target, with the move in its history.</summary>
public abstract class StageDeleteProperties(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(provider: provider);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Deleting_a_stage_with_a_move_target_keeps_the_lead_count()
    {
        var commands = _app.Get<StageCommands>();
        var sample = 0;

        await Gen.Select(Gen.Int[0, 4].Array[3], Gen.Int[0, 2], Gen.Int[1, 2]).SampleAsync(async (leadsPerStage, deleteIndex, offset) =>
        {
            var tag = $"P{++sample}";
            var stageIds = new List<int>();
            for (var i = 0; i < 3; i++)
            {
                stageIds.Add(await commands.AddAsync($"{tag}-Stufe {i}", null, 10 * (i + 1), _app.OwnerId));
            }

            var leadIds = new List<int>();
            for (var i = 0; i < 3; i++)
            {
                for (var n = 0; n < leadsPerStage[i]; n++)
                {
                    leadIds.Add((await _app.AddRunningLeadAsync(stageIds[i], name: $"{tag}-{i}-{n}")).Id);
                }
            }

            var deleted = stageIds[deleteIndex];
            var target = stageIds[(deleteIndex + offset) % 3];
            await using var before = _app.NewContext();
            var totalBefore = await before.Leads.CountAsync();

            await commands.DeleteAsync(deleted, target, _app.OwnerId);

            await using var db = _app.NewContext();
            Assert.Equal(totalBefore, await db.Leads.CountAsync());
            Assert.False(await db.Stages.AnyAsync(s => s.Id == deleted));
            var mine = await db.Leads.Include(l => l.History).Where(l => leadIds.Contains(l.Id)).ToListAsync();
            Assert.Equal(leadIds.Count, mine.Count);
            Assert.All(mine, l => Assert.Equal(LeadStatus.Running, l.Status));
            Assert.DoesNotContain(mine, l => l.StageId == deleted);
            Assert.Equal(leadsPerStage[deleteIndex] + leadsPerStage[(deleteIndex + offset) % 3], mine.Count(l => l.StageId == target));
            Assert.Equal(leadsPerStage[deleteIndex], mine.Count(l => l.History.Any(e => e.Kind == LeadEventKind.StageChanged && e.OldValue == $"{tag}-Stufe {deleteIndex}")));
            Assert.Equal(Enumerable.Range(0, await db.Stages.CountAsync()), await db.Stages.OrderBy(s => s.Position).Select(s => s.Position).ToListAsync());
        }, iter: 25, threads: 1);
    }
}

public sealed class StageDeletePropertiesOnSqlite() : StageDeleteProperties(DatabaseProvider.Sqlite);

public sealed class StageDeletePropertiesOnPostgres() : StageDeleteProperties(DatabaseProvider.Postgres);
