using System.Globalization;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Labels;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Offers;

namespace LeadsBlazor.Domain.Projects;

/// <summary>
/// A project ("Projekt"): the work a won lead turned into, or one started without a lead (Rule 11). It takes its number
/// from the project range and, from a lead, its currency: the offers billed in it share that currency. Every change is
/// written to its history; its creation is also written to the lead's.
/// </summary>
public sealed class Project
{
    private readonly List<Label> _labels = [];
    private readonly List<ProjectNote> _notes = [];
    private readonly List<ProjectAttachment> _attachments = [];
    private readonly List<ProjectEvent> _history = [];

    // Money as whole cents beside the currency code, as on the lead: the form in which a database sums it exactly.
    private long? _budgetMinor;
    private long? _hourlyRateMinor;

    private Project()
    {
        Number = "";
        Name = "";
        LeaderUserId = "";
        CurrencyCode = "EUR";
        CreatedBy = "";
    }

    private Project(string number, ProjectDetails details, Currency currency, Actor actor)
    {
        Number = Text.Required(number, nameof(Number), 30);
        CurrencyCode = currency.Code;
        Name = "";
        LeaderUserId = "";
        CreatedAt = actor.At;
        CreatedBy = actor.UserId;
        Apply(details.Checked(currency));
    }

    public int Id { get; private set; }

    /// <summary>The project number from the owner's number range, e.g. P2612-001; never given twice.</summary>
    public string Number { get; private set; }

    public string Name { get; private set; }

    /// <summary>The won lead the project was made from; null for a project started on its own.</summary>
    public int? LeadId { get; private set; }

    public Lead? Lead { get; private set; }

    public int? CompanyId { get; private set; }

    public Company? Company { get; private set; }

    public int? ContactPersonId { get; private set; }

    public Person? ContactPerson { get; private set; }

    public string LeaderUserId { get; private set; }

    public string? CoLeaderUserId { get; private set; }

    public ProjectStatus Status { get; private set; }

    /// <summary>Every amount of the project is in it: the lead's currency for a project from a lead.</summary>
    public string CurrencyCode { get; private set; }

    public Currency Currency => Currency.Parse(CurrencyCode);

    public Money? Budget => _budgetMinor is { } minor ? Money.FromMinorUnits(minor, Currency) : null;

    public Money? HourlyRate => _hourlyRateMinor is { } minor ? Money.FromMinorUnits(minor, Currency) : null;

    public ProjectBilling Billing { get; private set; }

    public DateOnly? StartOn { get; private set; }

    public DateOnly? FinishOn { get; private set; }

    public string? Info { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    /// <summary>The concurrency token, raised by the app on every save.</summary>
    public long Version { get; private set; }

    public IReadOnlyCollection<Label> Labels => _labels.AsReadOnly();

    public IReadOnlyCollection<ProjectNote> Notes => _notes.AsReadOnly();

    public IReadOnlyCollection<ProjectAttachment> Attachments => _attachments.AsReadOnly();

    public IReadOnlyCollection<ProjectEvent> History => _history.AsReadOnly();

    public ProjectDetails Details() =>
        new(Name, LeaderUserId, CoLeaderUserId, StartOn, FinishOn, Billing, Budget?.Amount, HourlyRate?.Amount, Info);

    /// <summary>
    /// "+ Neues Projekt" on a won lead (Rule 11): the project is linked to the lead, in the lead's currency; the lead's
    /// history records it, and the lead's offers the customer has not yet decided on (draft or sent) are confirmed,
    /// each recorded: winning the lead is the customer's yes.
    /// </summary>
    public static Project CreateFromLead(Lead lead, IEnumerable<Offer> offersOfLead, string number, ProjectDetails details, Company? company, Person? contactPerson, IEnumerable<Label> labels, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(offersOfLead);
        if (lead.Status != LeadStatus.Won)
        {
            throw new DomainException(nameof(Lead), ErrorKeys.ProjectFromUnwonLead, lead.Name);
        }

        var project = new Project(number, details, lead.Revenue.Currency, actor) { Lead = lead, LeadId = lead.Id == 0 ? null : lead.Id };
        project.Start(company, contactPerson, labels, actor);
        lead.RecordProject(project.Number, project.Name, actor);
        foreach (var offer in offersOfLead.Where(o => o.Status.CanBeConfirmed()).ToList())
        {
            offer.Confirm(lead, actor);
        }

        return project;
    }

    /// <summary>A project without a lead ("+ Neues Projekt" on the projects list), in the currency the user chose.</summary>
    public static Project Create(string number, ProjectDetails details, Currency currency, Company? company, Person? contactPerson, IEnumerable<Label> labels, Actor actor)
    {
        var project = new Project(number, details, currency, actor);
        project.Start(company, contactPerson, labels, actor);
        return project;
    }

    /// <summary>Changes the details, customer and labels; each change is recorded with its old and new value.</summary>
    public void Edit(ProjectDetails details, Company? company, Person? contactPerson, IEnumerable<Label> labels, Func<string, string> nameOf, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(nameOf);
        var before = Details();
        var after = details.Checked(Currency);
        Change(nameof(Name), before.Name, after.Name, actor);
        Change(HistoryFields.Leader, nameOf(before.LeaderUserId), nameOf(after.LeaderUserId), actor);
        Change(HistoryFields.CoLeader, before.CoLeaderUserId is { } c1 ? nameOf(c1) : null, after.CoLeaderUserId is { } c2 ? nameOf(c2) : null, actor);
        Change(nameof(StartOn), Format(before.StartOn), Format(after.StartOn), actor);
        Change(nameof(FinishOn), Format(before.FinishOn), Format(after.FinishOn), actor);
        Change(nameof(Billing), before.Billing.ToString(), after.Billing.ToString(), actor);
        Change(nameof(Budget), Format(before.Budget), Format(after.Budget), actor);
        Change(nameof(HourlyRate), Format(before.HourlyRate), Format(after.HourlyRate), actor);
        Change(nameof(Info), before.Info, after.Info, actor);
        Apply(after);
        ChangeCustomer(company, contactPerson, actor);
        SetLabels(labels, actor);
    }

    /// <summary>Active ↔ finished, and any status → archived or back to active (<see cref="ProjectStatusRules.CanMoveTo"/>); each move recorded.</summary>
    public void ChangeStatus(ProjectStatus to, Actor actor)
    {
        if (to == Status)
        {
            return;
        }

        if (!Status.CanMoveTo(to))
        {
            throw new DomainException(nameof(Status), ErrorKeys.StatusMoveNotAllowed, Status.ToString(), to.ToString());
        }

        Record(ProjectEventKind.StatusChanged, nameof(Status), Status.ToString(), to.ToString(), actor);
        Status = to;
    }

    /// <summary>
    /// Chooses a confirmed offer of the project's lead for billing in this project: the offer becomes billed here, and
    /// can be billed in no other project.
    /// </summary>
    public void Bill(Offer offer, Lead lead, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(offer);
        RequireOwnLead(offer, lead);
        offer.BillIn(this, lead, actor);
        Record(ProjectEventKind.OfferBilled, nameof(Offer), null, offer.Number, actor);
    }

    /// <summary>Takes an offer billed here out of the project again (chosen by mistake); it is confirmed as before.</summary>
    public void Unbill(Offer offer, Lead lead, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(offer);
        RequireOwnLead(offer, lead);
        offer.Unbill(this, lead, actor);
        Record(ProjectEventKind.OfferUnbilled, nameof(Offer), offer.Number, null, actor);
    }

    public ProjectNote AddNote(string text, Actor actor)
    {
        var note = new ProjectNote(text, actor);
        _notes.Add(note);
        Record(ProjectEventKind.NoteAdded, nameof(Notes), null, note.Text.Length > 200 ? note.Text[..200] + "…" : note.Text, actor);
        return note;
    }

    public ProjectAttachment Attach(string fileName, string storedName, string contentType, long sizeBytes, Actor actor)
    {
        var attachment = new ProjectAttachment(fileName, storedName, contentType, sizeBytes, actor);
        _attachments.Add(attachment);
        Record(ProjectEventKind.AttachmentAdded, nameof(Attachments), null, attachment.FileName, actor);
        return attachment;
    }

    public void RemoveAttachment(ProjectAttachment attachment, Actor actor)
    {
        if (_attachments.Remove(attachment))
        {
            Record(ProjectEventKind.AttachmentRemoved, nameof(Attachments), attachment.FileName, null, actor);
        }
    }

    /// <summary>A merge of <paramref name="source"/> into <paramref name="target"/> moves the project with its contact person.</summary>
    internal void MoveToCompany(Company source, Company target, Actor actor)
    {
        if (!ReferenceEquals(Company, source) && (source.Id == 0 || CompanyId != source.Id))
        {
            throw new InvalidOperationException($"Project {Number} is not a project of {source.Name}.");
        }

        Record(ProjectEventKind.FieldChanged, nameof(Company), source.Name, target.Name, actor);
        Company = target;
        CompanyId = target.Id == 0 ? null : target.Id;
    }

    /// <summary>Whether <paramref name="lead"/> is the lead this project was made from (by id once stored, by reference before).</summary>
    public bool IsFrom(Lead lead) =>
        lead is not null && (ReferenceEquals(lead, Lead) || (lead.Id != 0 && lead.Id == LeadId));

    private void Start(Company? company, Person? contactPerson, IEnumerable<Label> labels, Actor actor)
    {
        Record(ProjectEventKind.Created, null, null, Number, actor);
        SetCustomer(company, contactPerson);
        foreach (var label in labels)
        {
            _labels.Add(label);
        }
    }

    private void ChangeCustomer(Company? company, Person? contactPerson, Actor actor)
    {
        var oldCompany = Company?.Name;
        var oldContact = ContactPerson?.Name;
        var companyChanged = !SameId(Company, CompanyId, company, c => c.Id);
        var contactChanged = !SameId(ContactPerson, ContactPersonId, contactPerson, p => p.Id);
        SetCustomer(company, contactPerson);
        if (companyChanged)
        {
            Record(ProjectEventKind.FieldChanged, nameof(Company), oldCompany, company?.Name, actor);
        }

        if (contactChanged)
        {
            Record(ProjectEventKind.FieldChanged, nameof(ContactPerson), oldContact, contactPerson?.Name, actor);
        }
    }

    // A contact person of one company is not the contact for another's project; a project without a customer may name anyone.
    private void SetCustomer(Company? company, Person? contactPerson)
    {
        if (company is not null && contactPerson is not null && (contactPerson.CompanyId ?? contactPerson.Company?.Id) is { } personCompany && personCompany != company.Id)
        {
            throw new DomainException(nameof(ContactPerson), ErrorKeys.PersonOfOtherCompany, contactPerson.Name, contactPerson.Company?.Name ?? "");
        }

        Company = company;
        CompanyId = company is { Id: not 0 } ? company.Id : null;
        ContactPerson = contactPerson;
        ContactPersonId = contactPerson is { Id: not 0 } ? contactPerson.Id : null;
    }

    private void SetLabels(IEnumerable<Label> labels, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var wanted = labels.ToList();
        foreach (var removed in _labels.Where(l => !wanted.Any(w => w.Id == l.Id)).ToList())
        {
            _labels.Remove(removed);
            Record(ProjectEventKind.LabelRemoved, nameof(Labels), removed.Name, null, actor);
        }

        foreach (var added in wanted.Where(w => !_labels.Any(l => l.Id == w.Id)))
        {
            _labels.Add(added);
            Record(ProjectEventKind.LabelAdded, nameof(Labels), null, added.Name, actor);
        }
    }

    private void Apply(ProjectDetails details)
    {
        Name = details.Name;
        LeaderUserId = details.LeaderUserId;
        CoLeaderUserId = details.CoLeaderUserId;
        StartOn = details.StartOn;
        FinishOn = details.FinishOn;
        Billing = details.Billing;
        _budgetMinor = details.Budget is { } budget ? new Money(budget, Currency).MinorUnits : null;
        _hourlyRateMinor = details.HourlyRate is { } rate ? new Money(rate, Currency).MinorUnits : null;
        Info = details.Info;
    }

    // The offers billed in a project are its lead's: an offer of another lead would bill another customer's yes.
    private void RequireOwnLead(Offer offer, Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (!IsFrom(lead) || offer.LeadId != lead.Id || (lead.Id == 0 && !ReferenceEquals(offer.Lead, lead)))
        {
            throw new DomainException(nameof(Offer), ErrorKeys.OfferOfOtherLead, offer.Number, Number);
        }
    }

    private void Change(string field, string? before, string? after, Actor actor)
    {
        if (before != after)
        {
            Record(ProjectEventKind.FieldChanged, field, before, after, actor);
        }
    }

    private void Record(ProjectEventKind kind, string? field, string? oldValue, string? newValue, Actor actor) =>
        _history.Add(new ProjectEvent(kind, field, oldValue, newValue, actor.UserId, actor.At));

    private static bool SameId<T>(T? current, int? currentId, T? other, Func<T, int> id)
        where T : class =>
        ReferenceEquals(current, other) || (other is not null && id(other) != 0 && id(other) == currentId) || (other is null && current is null && currentId is null);

    private static string? Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Format(decimal? amount) => amount?.ToString("0.00", CultureInfo.InvariantCulture);
}
