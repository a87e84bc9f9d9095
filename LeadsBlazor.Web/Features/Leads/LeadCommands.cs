using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Domain.Pipeline;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Customers;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Leads;

/// <summary>
/// The use cases of the lead aggregate. Each runs in its own context and write transaction, checks
/// the version the user saw (optimistic concurrency), lets the <see cref="Lead"/> apply its rules,
/// commits, and then publishes <see cref="LeadChanged"/>.
/// </summary>
public sealed class LeadCommands(IDbContextFactory<LeadsDbContext> contexts, IEventBus events, TimeProvider time)
{
    public async Task<int> CreateAsync(LeadInput input, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var actor = Actor(userId);
        var settings = await db.AccountSettings.Include(a => a.Currencies).SingleAsync(cancellationToken);
        var revenue = Money.Revenue(input.Revenue, settings.RequireCurrency(input.Currency));
        var nextActionOn = input.NextActionOn ?? throw new DomainException(nameof(Lead.NextActionOn), ErrorKeys.NextActionRequired);
        await RequireUserAsync(db, input.ResponsibleUserId, cancellationToken);

        var lead = input.StageId is { } stageId
            ? Lead.CreateRunning(input.Name, input.ResponsibleUserId, revenue, nextActionOn, input.NextAction, await StageAsync(db, stageId, cancellationToken), actor)
            : Lead.CreatePotential(input.Name, input.ResponsibleUserId, revenue, nextActionOn, input.NextAction, actor);
        var newCustomer = await ApplyDetailsAsync(db, lead, input, actor, settings.Today(time), cancellationToken);
        db.Leads.Add(lead);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Publish(new LeadChanged(lead.Id, lead.ResponsibleUserId));
        PublishNewCustomer(newCustomer, lead);
        return lead.Id;
    }

    public async Task UpdateAsync(int leadId, long version, LeadInput input, string userId, CancellationToken cancellationToken = default)
    {
        var newCustomer = false;
        Lead? changed = null;
        await ChangeAsync(leadId, version, userId, async (db, lead, actor) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            var settings = await db.AccountSettings.Include(a => a.Currencies).SingleAsync(cancellationToken);
            lead.Rename(input.Name, actor);
            lead.ChangeRevenue(Money.Revenue(input.Revenue, settings.RequireCurrency(input.Currency)), actor);
            lead.ScheduleNextAction(input.NextActionOn, input.NextAction, actor);
            await RequireUserAsync(db, input.ResponsibleUserId, cancellationToken);
            var names = await db.UserNamesAsync(cancellationToken);
            lead.AssignTo(input.ResponsibleUserId, id => names.GetValueOrDefault(id, id), actor);
            newCustomer = await ApplyDetailsAsync(db, lead, input, actor, settings.Today(time), cancellationToken);
            changed = lead;
        }, cancellationToken);
        PublishNewCustomer(newCustomer, changed);
    }

    // A company or person created with the lead belongs to the directory too: its pages learn of it.
    private void PublishNewCustomer(bool created, Lead? lead)
    {
        if (created && lead is not null)
        {
            events.Publish(lead.CompanyId is { } companyId ? new CustomersChanged(companyId) : new CustomersChanged());
        }
    }

    /// <summary>Potential → Running, in the chosen stage or the first one.</summary>
    public Task StartAsync(int leadId, long version, int? stageId, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(leadId, version, userId, async (db, lead, actor) =>
        {
            var stage = stageId is { } id
                ? await StageAsync(db, id, cancellationToken)
                : await db.Stages.OrderBy(s => s.Position).FirstAsync(cancellationToken);
            lead.Start(stage, actor);
        }, cancellationToken);

    public Task MoveToStageAsync(int leadId, long version, int stageId, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(leadId, version, userId, async (db, lead, actor) => lead.MoveToStage(await StageAsync(db, stageId, cancellationToken), actor), cancellationToken);

    /// <summary>Puts the next action off to <paramref name="until"/> ("Zurückstellen"), keeping what it is; recorded like any change.</summary>
    public Task SnoozeAsync(int leadId, long version, DateOnly until, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(leadId, version, userId, async (db, lead, actor) =>
        {
            var account = await db.AccountSettings.AsNoTracking().SingleAsync(cancellationToken);
            lead.Snooze(until, account.DateOf(actor.At), actor);
        }, cancellationToken);

    public Task BackToPotentialAsync(int leadId, long version, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(leadId, version, userId, (_, lead, actor) =>
        {
            lead.BackToPotential(actor);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Closes the lead; lost or dropped, it archives its open offers (each recorded in its history).</summary>
    public async Task CloseAsync(int leadId, long version, LeadStatus outcome, DateOnly closedOn, int? reasonId, string? reasonText, string userId, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Offer> archived = [];
        var responsible = "";
        await ChangeAsync(leadId, version, userId, async (db, lead, actor) =>
        {
            var reason = reasonId is { } id
                ? await db.CloseReasons.SingleOrDefaultAsync(r => r.Id == id && !r.Retired, cancellationToken)
                    ?? throw new DomainException(nameof(Lead.CloseReasonId), ErrorKeys.ReasonRequired)
                : null;
            lead.Close(outcome, closedOn, reason, reasonText, actor);
            var open = await db.Offers.Where(o => o.LeadId == leadId && (o.Status == OfferStatus.Draft || o.Status == OfferStatus.Sent)).ToListAsync(cancellationToken);
            archived = Offer.ArchiveOpenOffersOf(lead, open, actor);
            responsible = lead.ResponsibleUserId;
        }, cancellationToken);
        if (archived.Count > 0)
        {
            events.Publish(new OffersChanged(leadId, responsible, LeadTouched: false, [.. archived.Select(o => o.Id)]));
        }
    }

    public Task ReopenAsync(int leadId, long version, LeadStatus to, int? stageId, DateOnly nextActionOn, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(leadId, version, userId, async (db, lead, actor) =>
        {
            var stage = stageId is { } id ? await StageAsync(db, id, cancellationToken) : null;
            lead.Reopen(to, stage, nextActionOn, actor);
        }, cancellationToken);

    /// <summary>Notes never conflict with other changes, so they need no version.</summary>
    public Task AddNoteAsync(int leadId, string text, string userId, CancellationToken cancellationToken = default) =>
        AppendAsync(leadId, userId, (_, lead, actor) =>
        {
            lead.AddNote(text, actor);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// A label is put on or taken off with one click, at the version the user saw: a label change made meanwhile
    /// (or any other) is shown to them first, so one click never undoes what they have not seen.
    /// </summary>
    public Task AddLabelAsync(int leadId, long version, int labelId, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(leadId, version, userId, async (db, lead, actor) => lead.AddLabel(await LabelAsync(db, labelId, cancellationToken), actor), cancellationToken);

    public Task RemoveLabelAsync(int leadId, long version, int labelId, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(leadId, version, userId, async (db, lead, actor) => lead.RemoveLabel(await LabelAsync(db, labelId, cancellationToken), actor), cancellationToken);

    /// <summary>Records a stored file on the lead (its history says so); the name kept is the sanitised one.</summary>
    public async Task<int> AttachAsync(int leadId, Attachments.StoredFile file, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        LeadAttachment? attachment = null;
        await AppendAsync(leadId, userId, (_, lead, actor) =>
        {
            attachment = lead.Attach(Attachments.AttachmentStore.SafeFileName(file.FileName), file.StoredName, file.ContentType, file.SizeBytes, actor);
            return Task.CompletedTask;
        }, cancellationToken);
        return attachment!.Id;
    }

    /// <summary>
    /// Removes an attachment from the lead (recorded in its history) at the version the user saw, and returns the
    /// stored name whose bytes can go. A file someone else removed first is "gone" rather than a conflict: there is
    /// nothing left to decide.
    /// </summary>
    public async Task<string> RemoveAttachmentAsync(int leadId, long version, int attachmentId, string userId, CancellationToken cancellationToken = default)
    {
        LeadAttachment? attachment = null;
        await ChangeAsync(leadId, version, userId, (_, lead, actor) =>
        {
            lead.RemoveAttachment(attachment!, actor);
            return Task.CompletedTask;
        }, cancellationToken, require: async (db, lead) =>
        {
            await db.Entry(lead).Collection(l => l.Attachments).LoadAsync(cancellationToken);
            attachment = lead.Attachments.SingleOrDefault(a => a.Id == attachmentId)
                ?? throw new DomainException("Attachment", ErrorKeys.UnknownAttachment, attachmentId);
        });
        return attachment!.StoredName;
    }

    // Changes that add to a lead without contradicting anyone's edit: no version check, but still one writer at a time.
    private async Task AppendAsync(int leadId, string userId, Func<LeadsDbContext, Lead, Actor, Task> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var lead = await LoadAsync(db, leadId, cancellationToken);
        await change(db, lead, Actor(userId));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Publish(new LeadChanged(lead.Id, lead.ResponsibleUserId));
    }

    private static async Task<Domain.Labels.Label> LabelAsync(LeadsDbContext db, int labelId, CancellationToken cancellationToken) =>
        await db.Labels.SingleOrDefaultAsync(l => l.Id == labelId, cancellationToken)
        ?? throw new DomainException("Labels", ErrorKeys.UnknownLabel, labelId);

    // require: what must still exist for the change to make sense, checked before the version (a stale click on
    // something already gone gets "gone", not a conflict about it).
    private async Task ChangeAsync(int leadId, long version, string userId, Func<LeadsDbContext, Lead, Actor, Task> change, CancellationToken cancellationToken,
        Func<LeadsDbContext, Lead, Task>? require = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var lead = await LoadAsync(db, leadId, cancellationToken);
        if (require is not null)
        {
            await require(db, lead);
        }

        if (lead.Version != version)
        {
            throw await ConflictAsync(db, lead, version, cancellationToken);
        }

        var previousResponsible = lead.ResponsibleUserId;
        await change(db, lead, Actor(userId));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another writer got in between (possible only without the write transaction, e.g. on another provider).
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            throw await ConflictAsync(fresh, await LoadAsync(fresh, leadId, cancellationToken), version, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        events.Publish(new LeadChanged(lead.Id, lead.ResponsibleUserId, previousResponsible == lead.ResponsibleUserId ? null : previousResponsible));
    }

    // What was saved after the user's version, with names for users and lost reasons (never ids).
    private static async Task<ConcurrencyConflictException> ConflictAsync(LeadsDbContext db, Lead lead, long version, CancellationToken cancellationToken)
    {
        var events = await db.LeadEvents.AsNoTracking()
            .Where(e => e.LeadId == lead.Id && EF.Property<long>(e, LeadsDbContext.EventVersion) > version)
            .OrderBy(e => EF.Property<long>(e, LeadsDbContext.EventVersion)).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var reasons = await db.CloseReasons.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return new ConcurrencyConflictException(LeadSnapshot.Of(lead), FieldChange.Of(events, await db.UserNamesAsync(cancellationToken), reasons));
    }

    private static async Task<Lead> LoadAsync(LeadsDbContext db, int leadId, CancellationToken cancellationToken) =>
        await db.Leads
            .Include(l => l.Stage)
            .Include(l => l.Labels)
            .Include(l => l.Company)
            .Include(l => l.ContactPerson)
            .Include(l => l.CloseReason)
            .AsSplitQuery()
            .SingleOrDefaultAsync(l => l.Id == leadId, cancellationToken)
        ?? throw new DomainException("Lead", ErrorKeys.UnknownLead, leadId);

    private static async Task<Stage> StageAsync(LeadsDbContext db, int stageId, CancellationToken cancellationToken) =>
        await db.Stages.SingleOrDefaultAsync(s => s.Id == stageId, cancellationToken)
        ?? throw new DomainException(nameof(Lead.Stage), ErrorKeys.UnknownStage, stageId);

    private static async Task RequireUserAsync(LeadsDbContext db, string userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(userId) || !await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            throw new DomainException(nameof(Lead.ResponsibleUserId), ErrorKeys.UnknownUser, userId ?? "");
        }
    }

    // Customer (chosen or created inline), info, service period and labels: the fields create and update share.
    // True when it created a company or a person in the directory.
    private static async Task<bool> ApplyDetailsAsync(LeadsDbContext db, Lead lead, LeadInput input, Actor actor, DateOnly today, CancellationToken cancellationToken)
    {
        // A name typed in the form that the directory already has means that entry, not a second one.
        var companyName = input.NewCompanyName?.Trim();
        var company = input.CompanyId is { } companyId
            ? await db.Companies.FindAsync([companyId], cancellationToken) ?? throw new DomainException("Company", ErrorKeys.UnknownCompany, companyId)
            : string.IsNullOrEmpty(companyName) ? null
            : (await db.CompaniesNamedAsync([companyName], cancellationToken)).GetValueOrDefault(companyName) ?? await db.NewCompanyAsync(companyName, actor, today, cancellationToken);
        var contactName = input.NewContactName?.Trim();
        var contact = input.ContactPersonId is { } personId
            ? await db.People.Include(p => p.Company).SingleOrDefaultAsync(p => p.Id == personId, cancellationToken) ?? throw new DomainException("ContactPerson", ErrorKeys.UnknownContact, personId)
            : string.IsNullOrEmpty(contactName) ? null
            : (await db.PeopleNamedAsync([contactName], cancellationToken)).Of(contactName, company) ?? NewPerson(db, contactName, company, actor);

        // A contact of a company chosen without its company means that company.
        company ??= contact?.Company;
        lead.ChangeCustomer(company, contact, actor);
        lead.ChangeInfo(input.Info, actor);
        lead.ChangeServicePeriod(input.ServiceFrom, input.ServiceTo, actor);

        var wanted = input.LabelIds.ToHashSet();
        var labels = await db.Labels.Where(l => wanted.Contains(l.Id)).ToListAsync(cancellationToken);
        if (labels.Count != wanted.Count)
        {
            throw new DomainException("Labels", ErrorKeys.UnknownLabel, string.Join(", ", wanted.Except(labels.Select(l => l.Id))));
        }

        lead.SetLabels(labels, actor);
        return company is { Id: 0 } || contact is { Id: 0 };
    }

    // A contact typed in the form joins the lead's company (whose history says so), or is a private client.
    private static Person NewPerson(LeadsDbContext db, string name, Company? company, Actor actor) =>
        company is null ? db.People.Add(new Person(PersonDetails.FromName(name))).Entity : company.AddPerson(PersonDetails.FromName(name), actor);

    private Actor Actor(string userId) => new(userId, time.GetUtcNow());
}
