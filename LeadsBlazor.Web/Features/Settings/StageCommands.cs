using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Pipeline;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Settings;

/// <summary>
/// Rule 2's use cases: the owner adds, renames, re-weights, reorders and deletes stages. The stage
/// list guards the rules; deleting a stage moves its running leads, which their history records.
/// </summary>
public sealed class StageCommands(IDbContextFactory<LeadsDbContext> contexts, IEventBus events, TimeProvider time)
{
    public Task<int> AddAsync(string name, string? englishName, int probabilityPercent, CancellationToken cancellationToken = default) =>
        ChangeAsync(async (db, list) =>
        {
            var stage = list.Add(name, englishName, probabilityPercent);
            db.Stages.Add(stage);
            await db.SaveChangesAsync(cancellationToken);
            return stage.Id;
        }, cancellationToken);

    public Task RenameAsync(int stageId, string name, string? englishName, CancellationToken cancellationToken = default) =>
        ChangeAsync((_, list) => list.Rename(Find(list, stageId), name, englishName), cancellationToken);

    public Task ReweightAsync(int stageId, int probabilityPercent, CancellationToken cancellationToken = default) =>
        ChangeAsync((_, list) => list.Reweight(Find(list, stageId), probabilityPercent), cancellationToken);

    public Task MoveAsync(int stageId, int newIndex, CancellationToken cancellationToken = default) =>
        ChangeAsync((_, list) => list.Move(Find(list, stageId), newIndex), cancellationToken);

    /// <summary>Deletes a stage; its running leads move to <paramref name="moveToStageId"/> (required when there are any).</summary>
    public Task DeleteAsync(int stageId, int? moveToStageId, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(async (db, list) =>
        {
            var stage = Find(list, stageId);
            var moveTo = moveToStageId is { } targetId ? Find(list, targetId) : null;
            var leads = await db.Leads.Include(l => l.Stage)
                .Where(l => l.StageId == stageId && l.Status == LeadStatus.Running)
                .ToListAsync(cancellationToken);
            list.Delete(stage, moveTo, leads, new Actor(userId, time.GetUtcNow()));
            db.Stages.Remove(stage);
            return 0;
        }, cancellationToken);

    private Task ChangeAsync(Action<LeadsDbContext, StageList> change, CancellationToken cancellationToken) =>
        ChangeAsync((db, list) =>
        {
            change(db, list);
            return Task.FromResult(0);
        }, cancellationToken);

    private async Task<T> ChangeAsync<T>(Func<LeadsDbContext, StageList, Task<T>> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var list = new StageList(await db.Stages.ToListAsync(cancellationToken));
        var result = await change(db, list);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Publish(new StagesChanged());
        return result;
    }

    private static Stage Find(StageList list, int stageId) =>
        list.Stages.FirstOrDefault(s => s.Id == stageId) ?? throw new DomainException(nameof(Stage), ErrorKeys.UnknownStage, stageId);
}
