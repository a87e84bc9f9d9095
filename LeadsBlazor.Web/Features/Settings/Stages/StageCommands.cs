using System.Globalization;
using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Pipeline;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Settings.Shared;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Settings.Stages;

/// <summary>
/// Rule 2's use cases: the owner adds, renames, re-weights, reorders and deletes stages, and sets their idle days (Rule 5). The stage
/// list guards the rules; deleting a stage moves its running leads, which their history records.
/// Each change is the owner's alone, is logged (Rule 12), and reaches every open board.
/// </summary>
public sealed class StageCommands(IDbContextFactory<LeadsDbContext> contexts, IEventBus events, TimeProvider time)
{
    public Task<int> AddAsync(string name, string? englishName, int probabilityPercent, string userId, CancellationToken cancellationToken = default) =>
        AddAsync(name, englishName, probabilityPercent, idleDays: null, userId, cancellationToken);

    /// <summary>Adds a stage; <paramref name="idleDays"/> says after how many days without change its leads are idle (null: never).</summary>
    public Task<int> AddAsync(string name, string? englishName, int probabilityPercent, int? idleDays, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(userId, async (db, list, actor) =>
        {
            var stage = list.Add(name, englishName, probabilityPercent);
            list.SetIdleDays(stage, idleDays);
            db.Stages.Add(stage);
            Log(db, "SettingsLog.StageAdded", $"{stage.Name} ({Percent(stage)})", actor);
            if (stage.IdleDays is not null)
            {
                Log(db, "SettingsLog.StageIdleDays", $"{stage.Name}: {Days(null)} → {Days(stage.IdleDays)}", actor);
            }

            await db.SaveChangesAsync(cancellationToken);
            return stage.Id;
        }, cancellationToken);

    /// <summary>Renames and re-weights a stage in one save; its idle days stay as they are.</summary>
    public Task UpdateAsync(int stageId, string name, string? englishName, int probabilityPercent, string userId, CancellationToken cancellationToken = default) =>
        UpdateAsync(stageId, name, englishName, probabilityPercent, stage => stage.IdleDays, userId, cancellationToken);

    /// <summary>Renames, re-weights and sets the idle days of a stage in one save, as the stage dialog edits them all.</summary>
    public Task UpdateAsync(int stageId, string name, string? englishName, int probabilityPercent, int? idleDays, string userId, CancellationToken cancellationToken = default) =>
        UpdateAsync(stageId, name, englishName, probabilityPercent, _ => idleDays, userId, cancellationToken);

    private Task UpdateAsync(int stageId, string name, string? englishName, int probabilityPercent, Func<Stage, int?> idleDays, string userId, CancellationToken cancellationToken) =>
        ChangeAsync(userId, (db, list, actor) =>
        {
            var stage = Find(list, stageId);
            var (oldName, oldEnglish, oldPercent, oldIdleDays) = (stage.Name, stage.EnglishName, Percent(stage), stage.IdleDays);
            list.Rename(stage, name, englishName);
            list.Reweight(stage, probabilityPercent);
            list.SetIdleDays(stage, idleDays(stage));
            if (oldName != stage.Name)
            {
                Log(db, "SettingsLog.StageRenamed", $"{oldName} → {stage.Name}", actor);
            }

            if (oldEnglish != stage.EnglishName)
            {
                Log(db, "SettingsLog.StageEnglishName", $"{stage.Name}: {oldEnglish ?? "–"} → {stage.EnglishName ?? "–"}", actor);
            }

            if (oldPercent != Percent(stage))
            {
                Log(db, "SettingsLog.StageProbability", $"{stage.Name}: {oldPercent} → {Percent(stage)}", actor);
            }

            if (oldIdleDays != stage.IdleDays)
            {
                Log(db, "SettingsLog.StageIdleDays", $"{stage.Name}: {Days(oldIdleDays)} → {Days(stage.IdleDays)}", actor);
            }

            return Task.FromResult(0);
        }, cancellationToken);

    public Task MoveAsync(int stageId, int newIndex, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(userId, (db, list, actor) =>
        {
            var stage = Find(list, stageId);
            var before = stage.Position;
            list.Move(stage, newIndex);
            if (stage.Position != before)
            {
                Log(db, "SettingsLog.StageMoved", string.Join(", ", list.Stages.Select(s => s.Name)), actor);
            }

            return Task.FromResult(0);
        }, cancellationToken);

    /// <summary>Deletes a stage; its running leads move to <paramref name="moveToStageId"/> (required when there are any).</summary>
    public Task DeleteAsync(int stageId, int? moveToStageId, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(userId, async (db, list, actor) =>
        {
            var stage = Find(list, stageId);
            var moveTo = moveToStageId is { } targetId ? Find(list, targetId) : null;
            var leads = await db.Leads.Include(l => l.Stage)
                .Where(l => l.StageId == stageId && l.Status == LeadStatus.Running)
                .ToListAsync(cancellationToken);
            list.Delete(stage, moveTo, leads, actor);
            db.Stages.Remove(stage);
            Log(db, "SettingsLog.StageDeleted", leads.Count == 0 ? stage.Name : $"{stage.Name} → {moveTo!.Name} ({leads.Count})", actor);
            return 0;
        }, cancellationToken);

    private static void Log(LeadsDbContext db, string whatKey, string detail, Actor actor) =>
        db.SettingsChanges.Add(new SettingsChange(SettingsArea.Stages, whatKey, detail, actor));

    // The log keeps values, not sentences: "14" days, or "–" for a stage whose leads never go idle.
    private static string Days(int? days) => days?.ToString(CultureInfo.InvariantCulture) ?? "–";

    private static string Percent(Stage stage) => stage.Probability.Percent.ToString(CultureInfo.InvariantCulture) + " %";

    private async Task<T> ChangeAsync<T>(string userId, Func<LeadsDbContext, StageList, Actor, Task<T>> change, CancellationToken cancellationToken)
    {
        var result = await contexts.ChangeAsOwnerAsync(userId, time, async (db, actor) => await change(db, new StageList(await db.Stages.ToListAsync(cancellationToken)), actor), cancellationToken);
        events.Publish(new StagesChanged());
        return result;
    }

    private static Stage Find(StageList list, int stageId) =>
        list.Stages.FirstOrDefault(s => s.Id == stageId) ?? throw new DomainException(nameof(Stage), ErrorKeys.UnknownStage, stageId);
}
