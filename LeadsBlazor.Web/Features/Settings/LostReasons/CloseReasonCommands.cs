using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Settings.Shared;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Settings.LostReasons;

/// <summary>A lost/dropped reason as the owner's list shows it, with how many leads carry it.</summary>
public sealed record CloseReasonRow(int Id, string Name, int Position, bool Retired, int Leads);

/// <summary>Rule 1's lost and dropped reasons, kept by the owner: add, rename, reorder, retire and bring back. Logged (Rule 12).</summary>
public sealed class CloseReasonCommands(IDbContextFactory<LeadsDbContext> contexts, TimeProvider time)
{
    public async Task<IReadOnlyList<CloseReasonRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var usage = await db.Leads.Where(l => l.CloseReasonId != null)
            .GroupBy(l => l.CloseReasonId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);
        var reasons = new CloseReasonList(await db.CloseReasons.AsNoTracking().ToListAsync(cancellationToken)).Reasons;
        return [.. reasons.Select(r => new CloseReasonRow(r.Id, r.Name, r.Position, r.Retired, usage.GetValueOrDefault(r.Id)))];
    }

    public Task AddAsync(string name, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(userId, (list, log) =>
        {
            var reason = list.Add(name);
            log("SettingsLog.ReasonAdded", reason.Name);
        }, cancellationToken);

    public Task RenameAsync(int reasonId, string name, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(userId, (list, log) =>
        {
            var reason = Find(list, reasonId);
            var before = reason.Name;
            list.Rename(reason, name);
            if (before != reason.Name)
            {
                log("SettingsLog.ReasonRenamed", $"{before} → {reason.Name}");
            }
        }, cancellationToken);

    public Task MoveAsync(int reasonId, int newIndex, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(userId, (list, log) =>
        {
            var reason = Find(list, reasonId);
            var before = reason.Position;
            list.Move(reason, newIndex);
            if (before != reason.Position)
            {
                log("SettingsLog.ReasonsOrdered", string.Join(", ", list.Reasons.Where(r => !r.Retired).Select(r => r.Name)));
            }
        }, cancellationToken);

    /// <summary>Retires a reason (not offered any more, kept on the leads that have it) or brings it back.</summary>
    public Task RetireAsync(int reasonId, bool retired, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(userId, (list, log) =>
        {
            var reason = Find(list, reasonId);
            if (reason.Retired != retired)
            {
                if (retired)
                {
                    list.Retire(reason);
                }
                else
                {
                    list.Restore(reason);
                }

                log(retired ? "SettingsLog.ReasonRetired" : "SettingsLog.ReasonRestored", reason.Name);
            }
        }, cancellationToken);

    private async Task ChangeAsync(string userId, Action<CloseReasonList, Action<string, string>> change, CancellationToken cancellationToken)
    {
        await contexts.ChangeAsOwnerAsync(userId, time, async (db, actor) =>
        {
            var list = new CloseReasonList(await db.CloseReasons.ToListAsync(cancellationToken));
            change(list, (key, detail) => db.SettingsChanges.Add(new SettingsChange(SettingsArea.LostReasons, key, detail, actor)));
            db.CloseReasons.AddRange(list.Reasons.Where(r => r.Id == 0));
            return 0;
        }, cancellationToken);
    }

    private static CloseReason Find(CloseReasonList list, int reasonId) =>
        list.Reasons.FirstOrDefault(r => r.Id == reasonId) ?? throw new DomainException(nameof(CloseReason), ErrorKeys.UnknownReason, reasonId);
}
