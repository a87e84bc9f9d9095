using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Domain.Projects;
using LeadsBlazor.Web.Components.Shared;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Data.Configurations;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Projects;

/// <summary>The lead a project came from, as its page links it.</summary>
public sealed record ProjectLead(int Id, string Name, LeadStatus Status);

/// <summary>
/// An offer of the project's lead on the project page, with where it is billed (<see cref="BilledInProjectId"/>, null
/// while it is billed nowhere) and its version, at which it is archived or deleted from here.
/// </summary>
public sealed record ProjectOffer(int Id, string Number, string Title, OfferStatus Status, Money Net, long Version, int? BilledInProjectId, string? BilledInProjectNumber)
{
    public bool IsBilledIn(int projectId) => BilledInProjectId == projectId;

    public bool IsBilledElsewhere(int projectId) => BilledInProjectId is { } other && other != projectId;

    /// <summary>
    /// Whether the project's switch can move: one billed here can be taken out again; another only when the domain's rule
    /// lets the project bill it (confirmed, billed nowhere, in the project's currency: see <see cref="Project.Bill"/>).
    /// </summary>
    public bool CanToggleIn(int projectId, string projectCurrency) =>
        IsBilledIn(projectId) || (Status == OfferStatus.Confirmed && BilledInProjectId is null && Net.Currency.Code == projectCurrency);
}

/// <summary>One history entry with the acting user's name as it was when they acted.</summary>
public sealed record ProjectHistoryEntry(ProjectEventKind Kind, string? Field, string? OldValue, string? NewValue, string UserName, DateTimeOffset At);

/// <summary>
/// A project as its page shows it: the project with its customer, contact person, labels and files, the names of its
/// leader and co-leader, its lead, the lead's offers, the notes and the history (both newest first).
/// </summary>
public sealed record ProjectOverview(
    Project Project,
    string LeaderName,
    string? CoLeaderName,
    ProjectLead? Lead,
    IReadOnlyList<LabelChip> Labels,
    IReadOnlyList<ProjectOffer> Offers,
    IReadOnlyList<NoteView> Notes,
    IReadOnlyList<ProjectHistoryEntry> History,
    TimeZoneInfo TimeZone);

public sealed class ProjectDetailsQuery(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account)
{
    /// <summary>The project's page; null when there is no such project (never was, or deleted).</summary>
    public async Task<ProjectOverview?> GetAsync(int projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var project = await db.Projects.AsNoTracking()
            .Include(p => p.Company).Include(p => p.ContactPerson).Include(p => p.Labels).Include(p => p.Notes).Include(p => p.Attachments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return null;
        }

        var names = await db.UserNamesAsync(cancellationToken);
        string Name(string id) => names.GetValueOrDefault(id, id);
        var lead = project.LeadId is { } leadId
            ? await db.Leads.AsNoTracking().Where(l => l.Id == leadId).Select(l => new ProjectLead(l.Id, l.Name, l.Status)).SingleOrDefaultAsync(cancellationToken)
            : null;
        var offers = lead is null ? [] : await OffersAsync(db, lead.Id, cancellationToken);
        var events = await db.ProjectEvents.AsNoTracking().Where(e => e.ProjectId == projectId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new { Event = e, Actor = EF.Property<string?>(e, LeadsDbContext.EventUserName) })
            .ToListAsync(cancellationToken);
        var history = events
            .Select(row => new ProjectHistoryEntry(row.Event.Kind, row.Event.Field, row.Event.OldValue, row.Event.NewValue, row.Actor ?? Name(row.Event.UserId), row.Event.At))
            .ToList();
        var notes = project.Notes.OrderByDescending(n => n.At).ThenByDescending(n => n.Id)
            .Select(n => new NoteView(n.Text, Name(n.UserId), n.At)).ToList();
        var labels = project.Labels.OrderBy(l => l.Name).Select(l => new LabelChip(l.Id, l.Name, l.Color)).ToList();
        var settings = await account.GetAsync(cancellationToken);
        return new ProjectOverview(project, Name(project.LeaderUserId), project.CoLeaderUserId is { } co ? Name(co) : null, lead, labels, offers, notes, history, settings.TimeZone);
    }

    // The lead's offers in the lead page's order: each offer followed by its variants.
    private static async Task<List<ProjectOffer>> OffersAsync(LeadsDbContext db, int leadId, CancellationToken cancellationToken)
    {
        var rows = await db.Offers.AsNoTracking().Where(o => o.LeadId == leadId)
            .Select(o => new
            {
                o.Id,
                Group = o.VariantOfId ?? o.Id,
                o.Number,
                o.Title,
                o.Status,
                Net = EF.Property<long>(o, OfferConfiguration.NetMinor),
                o.CurrencyCode,
                o.Version,
                o.ProjectId,
                ProjectNumber = o.Project == null ? null : o.Project.Number,
            })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(o => o.Group).ThenBy(o => o.Id)
            .Select(o => new ProjectOffer(o.Id, o.Number, o.Title, o.Status, Money.FromMinorUnits(o.Net, Currency.Parse(o.CurrencyCode)), o.Version, o.ProjectId, o.ProjectNumber))
            .ToList();
    }
}
