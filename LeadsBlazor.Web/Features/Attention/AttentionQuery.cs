using System.Globalization;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Components.Shared;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Attention;

/// <summary>Why a lead needs attention.</summary>
public enum AttentionReason
{
    /// <summary>Rule 5: its next action is today or earlier.</summary>
    Due,

    /// <summary>Rule 5: running, and unchanged for longer than its stage's idle days.</summary>
    Idle,

    /// <summary>Running without a text saying what the next action is.</summary>
    NoNextAction,
}

/// <summary>One reason of a row, with its days: overdue by (0 = due today) or unchanged for.</summary>
public sealed record AttentionCause(AttentionReason Reason, int Days = 0);

/// <summary>One lead of "Braucht Aufmerksamkeit" with all its reasons. Property names match <see cref="LeadRow"/>'s, whose sort the list shares.</summary>
public sealed record AttentionRow(
    int Id,
    long Version,
    string Name,
    string? Customer,
    string? StageName,
    string ResponsibleName,
    DateOnly? NextActionOn,
    IReadOnlyList<AttentionCause> Causes);

public sealed record AttentionList(IReadOnlyList<AttentionRow> Rows, int Total);

/// <summary>
/// The open leads of a view that are due, idle or running without a next action, paged and sorted in the database.
/// Each reason is the SQL form of its rule (<see cref="LeadQueries"/>); a row's reasons are the same rules on its values.
/// </summary>
public sealed class AttentionQuery(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account, TimeProvider time)
{
    public async Task<AttentionList> GetAsync(LeadFilter filter, AttentionReason? reason, string? sortBy, bool descending, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await account.GetAsync(cancellationToken);
        var today = settings.Today(time);
        var stages = await db.Stages.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
        var names = await db.UserNamesAsync(cancellationToken);
        var english = Formats.English;

        var due = db.Leads.Due(today).Select(l => l.Id);
        var idle = db.Leads.Idle(stages.Values, settings, today).Select(l => l.Id);
        var noNextAction = WithoutNextAction(db.Leads).Select(l => l.Id);
        var leads = filter.Apply(db.Leads.AsNoTracking());
        leads = reason switch
        {
            AttentionReason.Due => leads.Where(l => due.Contains(l.Id)),
            AttentionReason.Idle => leads.Where(l => idle.Contains(l.Id)),
            AttentionReason.NoNextAction => leads.Where(l => noNextAction.Contains(l.Id)),
            _ => leads.Where(l => due.Contains(l.Id) || idle.Contains(l.Id) || noNextAction.Contains(l.Id)),
        };

        var total = await leads.CountAsync(cancellationToken);
        var rows = await LeadListQuery.Sort(leads, sortBy, descending)
            .Skip(Math.Max(0, page) * pageSize)
            .Take(pageSize)
            .Select(l => new
            {
                l.Id,
                l.Version,
                l.Name,
                Customer = l.Company != null ? l.Company.Name : null,
                l.StageId,
                l.ResponsibleUserId,
                l.Status,
                l.NextActionOn,
                l.NextAction,
                l.LastChangedAt,
            })
            .ToListAsync(cancellationToken);

        return new AttentionList(
            [.. rows.Select(r =>
            {
                var stage = r.StageId is { } stageId ? stages.GetValueOrDefault(stageId) : null;
                var causes = new List<AttentionCause>();
                if (r.Status.IsOpen() && r.NextActionOn is { } next && next <= today)
                {
                    causes.Add(new AttentionCause(AttentionReason.Due, today.DayNumber - next.DayNumber));
                }

                if (Idleness.DaysIdle(stage, r.Status, r.LastChangedAt, settings, today) is { } days)
                {
                    causes.Add(new AttentionCause(AttentionReason.Idle, days));
                }

                if (r.Status == LeadStatus.Running && string.IsNullOrEmpty(r.NextAction))
                {
                    causes.Add(new AttentionCause(AttentionReason.NoNextAction));
                }

                return new AttentionRow(r.Id, r.Version, r.Name, r.Customer, stage?.DisplayName(english), names.GetValueOrDefault(r.ResponsibleUserId, ""), r.NextActionOn, causes);
            })],
            total);
    }

    // A running lead has a date for its next action (Rule 5) but may lack the text saying what it is.
    private static IQueryable<Lead> WithoutNextAction(IQueryable<Lead> leads) =>
        leads.Where(l => l.Status == LeadStatus.Running && (l.NextAction == null || l.NextAction == ""));
}
