using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Labels;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Projects;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Attachments;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Projects;

/// <summary>
/// The use cases of projects (Rule 11). Each runs in its own context and write transaction (so projects made at once
/// take different numbers), lets the <see cref="Project"/> apply its rules and write the histories, commits, and
/// publishes <see cref="ProjectsChanged"/>. Any user may write any project, as leads.
/// </summary>
public sealed class ProjectCommands(IDbContextFactory<LeadsDbContext> contexts, IEventBus events, TimeProvider time)
{
    public const string ChangedMeanwhile = "Error.ProjectChangedMeanwhile";

    /// <summary>"+ Neues Projekt" on a won lead: the project in the lead's currency, its undecided offers confirmed.</summary>
    public async Task<int> CreateFromLeadAsync(int leadId, ProjectInput input, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var (actor, today) = await ActorAsync(db, userId, cancellationToken);
        var lead = await db.Leads.SingleOrDefaultAsync(l => l.Id == leadId, cancellationToken)
            ?? throw new DomainException(nameof(Lead), ErrorKeys.UnknownLead, leadId);
        var offers = await db.Offers.Where(o => o.LeadId == leadId).ToListAsync(cancellationToken);
        var (company, person) = await CustomerAsync(db, input, cancellationToken);
        await RequireUsersAsync(db, input, cancellationToken);
        var project = Project.CreateFromLead(lead, offers, await NextNumberAsync(db, today, cancellationToken), input.Details, company, person,
            await LabelsAsync(db, input.LabelIds, cancellationToken), actor);
        db.Projects.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Publish(new ProjectsChanged(project.Id, lead.Id, lead.ResponsibleUserId, LeadTouched: true));
        return project.Id;
    }

    /// <summary>A project without a lead, in the currency the user chose among the account's.</summary>
    public async Task<int> CreateAsync(ProjectInput input, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var (actor, today) = await ActorAsync(db, userId, cancellationToken);
        var settings = await db.AccountSettings.Include(a => a.Currencies).AsNoTracking().SingleAsync(cancellationToken);
        var currency = settings.RequireCurrency(input.CurrencyCode, nameof(ProjectInput.CurrencyCode));
        var (company, person) = await CustomerAsync(db, input, cancellationToken);
        await RequireUsersAsync(db, input, cancellationToken);
        var project = Project.Create(await NextNumberAsync(db, today, cancellationToken), input.Details, currency, company, person,
            await LabelsAsync(db, input.LabelIds, cancellationToken), actor);
        db.Projects.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Publish(new ProjectsChanged(project.Id, null, null));
        return project.Id;
    }

    /// <summary>Saves the details at the <paramref name="version"/> the user saw; a change made meanwhile is refused, the input kept.</summary>
    public Task UpdateAsync(int projectId, long version, ProjectInput input, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(projectId, version, userId, leadTouched: false, async (db, project, actor) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            var (company, person) = await CustomerAsync(db, input, cancellationToken);
            await RequireUsersAsync(db, input, cancellationToken);
            var names = await db.UserNamesAsync(cancellationToken);
            project.Edit(input.Details, company, person, await LabelsAsync(db, input.LabelIds, cancellationToken), id => names.GetValueOrDefault(id, id), actor);
        }, cancellationToken);

    public Task ChangeStatusAsync(int projectId, long version, ProjectStatus status, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(projectId, version, userId, leadTouched: false, (_, project, actor) =>
        {
            project.ChangeStatus(status, actor);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Chooses a confirmed offer of the project's lead for billing here; the lead's history records it.</summary>
    public Task BillOfferAsync(int projectId, int offerId, string userId, CancellationToken cancellationToken = default) =>
        ChangeOfferAsync(projectId, offerId, userId, (project, offer, lead, actor) => project.Bill(offer, lead, actor), cancellationToken);

    /// <summary>Takes an offer out of the project's billing again; it is confirmed and free for another project.</summary>
    public Task UnbillOfferAsync(int projectId, int offerId, string userId, CancellationToken cancellationToken = default) =>
        ChangeOfferAsync(projectId, offerId, userId, (project, offer, lead, actor) => project.Unbill(offer, lead, actor), cancellationToken);

    public Task AddNoteAsync(int projectId, string text, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(projectId, null, userId, leadTouched: false, (_, project, actor) =>
        {
            project.AddNote(text, actor);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Records a stored file on the project (its history says so); the name kept is the sanitised one.</summary>
    public async Task<int> AttachAsync(int projectId, StoredFile file, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ProjectAttachment? attachment = null;
        await ChangeAsync(projectId, null, userId, leadTouched: false, (_, project, actor) =>
        {
            attachment = project.Attach(AttachmentStore.SafeFileName(file.FileName), file.StoredName, file.ContentType, file.SizeBytes, actor);
            return Task.CompletedTask;
        }, cancellationToken);
        return attachment!.Id;
    }

    /// <summary>Removes an attachment (recorded in the history) and returns the stored name whose bytes can go.</summary>
    public async Task<string> RemoveAttachmentAsync(int projectId, int attachmentId, string userId, CancellationToken cancellationToken = default)
    {
        ProjectAttachment? attachment = null;
        await ChangeAsync(projectId, null, userId, leadTouched: false, async (db, project, actor) =>
        {
            await db.Entry(project).Collection(p => p.Attachments).LoadAsync(cancellationToken);
            attachment = project.Attachments.SingleOrDefault(a => a.Id == attachmentId)
                ?? throw new DomainException("Attachment", ErrorKeys.UnknownAttachment, attachmentId);
            project.RemoveAttachment(attachment, actor);
        }, cancellationToken);
        return attachment!.StoredName;
    }

    private Task ChangeOfferAsync(int projectId, int offerId, string userId, Action<Project, Domain.Offers.Offer, Lead, Actor> change, CancellationToken cancellationToken) =>
        ChangeAsync(projectId, null, userId, leadTouched: true, async (db, project, actor) =>
        {
            var offer = await db.Offers.Include(o => o.Project).SingleOrDefaultAsync(o => o.Id == offerId, cancellationToken)
                ?? throw new DomainException("Offer", ErrorKeys.UnknownOffer, offerId);
            var lead = await db.Leads.SingleAsync(l => l.Id == offer.LeadId, cancellationToken);
            change(project, offer, lead, actor);
        }, cancellationToken);

    /// <summary>
    /// The one change of a project: loads it (with its customer and labels, which its history names), checks the version
    /// the user saw (null: the change adds without overwriting anyone's input), applies the rule, saves and tells the others.
    /// </summary>
    private async Task ChangeAsync(int projectId, long? version, string userId, bool leadTouched, Func<LeadsDbContext, Project, Actor, Task> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var (actor, _) = await ActorAsync(db, userId, cancellationToken);
        var project = await db.Projects.Include(p => p.Company).Include(p => p.ContactPerson).Include(p => p.Labels).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken) ?? throw new DomainException(nameof(Project), ErrorKeys.UnknownProject, projectId);
        if (version is { } seen && project.Version != seen)
        {
            throw new DomainException(nameof(Project), ChangedMeanwhile, project.Number);
        }

        await change(db, project, actor);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another writer got in between (possible only without the write transaction, e.g. on another provider).
            throw new DomainException(nameof(Project), ChangedMeanwhile, project.Number);
        }

        await transaction.CommitAsync(cancellationToken);
        var responsible = project.LeadId is { } leadId
            ? await db.Leads.Where(l => l.Id == leadId).Select(l => l.ResponsibleUserId).SingleOrDefaultAsync(cancellationToken)
            : null;
        events.Publish(new ProjectsChanged(project.Id, project.LeadId, responsible, leadTouched));
    }

    private static async Task<(Company? Company, Person? Person)> CustomerAsync(LeadsDbContext db, ProjectInput input, CancellationToken cancellationToken)
    {
        var company = input.CompanyId is { } companyId
            ? await db.Companies.SingleOrDefaultAsync(c => c.Id == companyId, cancellationToken) ?? throw new DomainException(nameof(ProjectInput.CompanyId), ErrorKeys.UnknownCompany, companyId)
            : null;
        var person = input.ContactPersonId is { } personId
            ? await db.People.Include(p => p.Company).SingleOrDefaultAsync(p => p.Id == personId, cancellationToken) ?? throw new DomainException(nameof(ProjectInput.ContactPersonId), ErrorKeys.UnknownContact, personId)
            : null;
        return (company, person);
    }

    // The leader and co-leader are the firm's active users: a project led by someone who left would remind no one.
    private static async Task RequireUsersAsync(LeadsDbContext db, ProjectInput input, CancellationToken cancellationToken)
    {
        foreach (var (field, id) in new[] { (nameof(ProjectInput.LeaderUserId), input.LeaderUserId), (nameof(ProjectInput.CoLeaderUserId), input.CoLeaderUserId) })
        {
            if (!string.IsNullOrEmpty(id) && !await db.Users.AnyAsync(u => u.Id == id && u.IsActive, cancellationToken))
            {
                throw new DomainException(field, ErrorKeys.UnknownUser, id);
            }
        }
    }

    private static async Task<List<Label>> LabelsAsync(LeadsDbContext db, IReadOnlyList<int> labelIds, CancellationToken cancellationToken)
    {
        var wanted = labelIds.ToHashSet();
        var labels = await db.Labels.Where(l => wanted.Contains(l.Id)).ToListAsync(cancellationToken);
        return labels.Count == wanted.Count
            ? labels
            : throw new DomainException("Labels", ErrorKeys.UnknownLabel, string.Join(", ", wanted.Except(labels.Select(l => l.Id))));
    }

    private static async Task<string> NextNumberAsync(LeadsDbContext db, DateOnly today, CancellationToken cancellationToken) =>
        (await db.NumberRangeAsync(NumberRangeKind.Project, cancellationToken)).Take(today);

    private async Task<(Actor Actor, DateOnly Today)> ActorAsync(LeadsDbContext db, string userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(userId) || !await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, cancellationToken))
        {
            throw new DomainException("User", ErrorKeys.UnknownUser, userId ?? "");
        }

        var account = await db.AccountSettings.AsNoTracking().SingleAsync(cancellationToken);
        var now = time.GetUtcNow();
        return (new Actor(userId, now), account.DateOf(now));
    }
}
