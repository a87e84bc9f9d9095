using System.Globalization;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Pipeline;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Leads;

/// <summary>One history entry, with the acting user's name resolved.</summary>
public sealed record HistoryEntry(LeadEventKind Kind, string? Field, string? OldValue, string? NewValue, string UserName, DateTimeOffset At);

/// <summary>A lead as its page shows it: the lead itself, user names, the history newest first, and for a running lead its weighted revenue (Rule 4).</summary>
public sealed record LeadDetails(Lead Lead, string ResponsibleName, IReadOnlyList<HistoryEntry> History, TimeZoneInfo TimeZone, DateOnly Today, IReadOnlyDictionary<string, string> UserNames, IReadOnlyList<StageOption> Stages, IReadOnlyList<LabelChip> AllLabels, Money? Weighted)
{
    public string UserName(string userId) => UserNames.GetValueOrDefault(userId, userId);
}

public sealed class LeadDetailsQuery(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account, TimeProvider time)
{
    public async Task<LeadDetails?> GetAsync(int leadId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lead = await db.Leads.AsNoTracking()
            .Include(l => l.Stage).Include(l => l.Company).Include(l => l.ContactPerson).Include(l => l.Labels).Include(l => l.CloseReason).Include(l => l.Notes).Include(l => l.Attachments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(l => l.Id == leadId, cancellationToken);
        if (lead is null)
        {
            return null;
        }

        var names = await db.UserNamesAsync(cancellationToken);
        var events = await db.LeadEvents.AsNoTracking().Where(e => e.LeadId == leadId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new { Event = e, Actor = EF.Property<string?>(e, LeadsDbContext.EventUserName) })
            .ToListAsync(cancellationToken);
        string Name(string? id) => id is not null && names.TryGetValue(id, out var name) ? name : id ?? "";

        // Events before names were recorded kept user and reason ids: today's names are the best that is left for them.
        var reasons = events.Any(e => e.Event.Field == HistoryFields.LegacyCloseReasonId)
            ? await db.CloseReasons.AsNoTracking().ToDictionaryAsync(r => r.Id.ToString(CultureInfo.InvariantCulture), r => r.Name, cancellationToken)
            : [];
        string? Reason(string? id) => id is not null && reasons.TryGetValue(id, out var name) ? name : id;
        var history = events.Select(row =>
            {
                var (e, actor) = (row.Event, row.Actor ?? Name(row.Event.UserId));
                return e.Field switch
                {
                    HistoryFields.LegacyResponsibleUserId => new HistoryEntry(e.Kind, HistoryFields.Responsible, Name(e.OldValue), Name(e.NewValue), actor, e.At),
                    HistoryFields.LegacyCloseReasonId => new HistoryEntry(e.Kind, HistoryFields.CloseReason, Reason(e.OldValue), Reason(e.NewValue), actor, e.At),
                    _ => new HistoryEntry(e.Kind, e.Field, e.OldValue, e.NewValue, actor, e.At),
                };
            })
            .ToList();
        var settings = await account.GetAsync(cancellationToken);
        var stages = await db.Stages.AsNoTracking().OrderBy(s => s.Position).Select(s => new StageOption(s.Id, s.Name)).ToListAsync(cancellationToken);
        var labels = await LabelListQuery.Chips(db).ToListAsync(cancellationToken);
        var weighted = lead is { Status: LeadStatus.Running, Stage: { } stage } ? WeightedRevenue.Of(lead.Revenue, stage.Probability, settings) : (Money?)null;
        return new LeadDetails(lead, Name(lead.ResponsibleUserId), history, settings.TimeZone, settings.Today(time), names, stages, labels, weighted);
    }
}
