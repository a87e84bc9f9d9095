using System.Globalization;
using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Labels;
using LeadsBlazor.Domain.Pipeline;

namespace LeadsBlazor.Domain.Leads;

/// <summary>
/// A qualified prospect, usually one potential project. The aggregate guards Rule 1 (status moves),
/// Rule 5 (an open lead has a next-action date) and writes every change to its history (Rule 7).
/// </summary>
public sealed class Lead
{
    private readonly List<Label> _labels = [];
    private readonly List<LeadNote> _notes = [];
    private readonly List<LeadAttachment> _attachments = [];
    private readonly List<LeadEvent> _history = [];

    // Revenue is kept as whole cents and an ISO code: the form in which a database sums money exactly.
    private long _revenueMinor;
    private string _revenueCurrency = "EUR";

    private Lead()
    {
        Name = "";
        ResponsibleUserId = "";
        CreatedBy = "";
    }

    private Lead(string name, string responsibleUserId, Money revenue, DateOnly nextActionOn, string? nextAction, Actor actor)
    {
        Name = Text.Required(name, nameof(Name));
        ResponsibleUserId = Text.Required(responsibleUserId, nameof(ResponsibleUserId), 450);
        Revenue = Money.Revenue(revenue.Amount, revenue.Currency);
        NextActionOn = BusinessDate.Require(nextActionOn, nameof(NextActionOn));
        NextAction = Text.Optional(nextAction, nameof(NextAction), 500);
        CreatedAt = actor.At;
        CreatedBy = actor.UserId;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public int? CompanyId { get; private set; }

    public Company? Company { get; private set; }

    public int? ContactPersonId { get; private set; }

    public Person? ContactPerson { get; private set; }

    public string ResponsibleUserId { get; private set; }

    public LeadStatus Status { get; private set; }

    /// <summary>The stage of a running lead; a closed lead keeps the stage it was closed from.</summary>
    public int? StageId { get; private set; }

    public Stage? Stage { get; private set; }

    public Money Revenue
    {
        get => Money.FromMinorUnits(_revenueMinor, Currency.Parse(_revenueCurrency));
        private set
        {
            _revenueMinor = value.MinorUnits;
            _revenueCurrency = value.Currency.Code;
        }
    }

    public DateOnly? NextActionOn { get; private set; }

    /// <summary>What the next action is, e.g. "Angebot nachfassen".</summary>
    public string? NextAction { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public int? CloseReasonId { get; private set; }

    public CloseReason? CloseReason { get; private set; }

    public string? CloseReasonText { get; private set; }

    public string? Info { get; private set; }

    public DateOnly? ServiceFrom { get; private set; }

    public DateOnly? ServiceTo { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When anything last happened to the lead: the time of its newest history event (Rule 5, "idle").</summary>
    public DateTimeOffset LastChangedAt { get; private set; }

    public string CreatedBy { get; private set; }

    /// <summary>The concurrency token: the app raises it on every save, as SQLite makes no row version.</summary>
    public long Version { get; private set; }

    public IReadOnlyCollection<Label> Labels => _labels.AsReadOnly();

    public IReadOnlyCollection<LeadNote> Notes => _notes.AsReadOnly();

    public IReadOnlyCollection<LeadAttachment> Attachments => _attachments.AsReadOnly();

    public IReadOnlyCollection<LeadEvent> History => _history.AsReadOnly();

    public bool IsOpen => Status.IsOpen();

    /// <summary>Rule 5: due when the next-action date is today or earlier, for an open lead.</summary>
    public bool IsDue(DateOnly today) => IsOpen && NextActionOn <= today;

    /// <summary>
    /// Rule 5: a running lead is idle when its stage sets idle days and nothing has happened to it for longer: its last
    /// change (in the account's calendar) lies before <see cref="Stage.IdleSince"/>. Needs the stage loaded.
    /// </summary>
    public bool IsIdle(DateOnly today, AccountSettings account)
    {
        ArgumentNullException.ThrowIfNull(account);
        EnsureLoaded(StageId, Stage, nameof(Stage));
        return Status == LeadStatus.Running && Stage is not null && Stage.IsIdle(account.DateOf(LastChangedAt), today);
    }

    /// <summary>Creates a potential lead ("Kontaktpotential").</summary>
    public static Lead CreatePotential(string name, string responsibleUserId, Money revenue, DateOnly nextActionOn, string? nextAction, Actor actor)
    {
        var lead = new Lead(name, responsibleUserId, revenue, nextActionOn, nextAction, actor) { Status = LeadStatus.Potential };
        lead.Record(LeadEventKind.Created, null, null, Format(LeadStatus.Potential), actor);
        return lead;
    }

    /// <summary>Creates a running lead in the given stage.</summary>
    public static Lead CreateRunning(string name, string responsibleUserId, Money revenue, DateOnly nextActionOn, string? nextAction, Stage stage, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var lead = new Lead(name, responsibleUserId, revenue, nextActionOn, nextAction, actor) { Status = LeadStatus.Running, Stage = stage, StageId = NullIfTransient(stage) };
        lead.Record(LeadEventKind.Created, null, null, Format(LeadStatus.Running), actor);
        lead.Record(new LeadEvent(LeadEventKind.StageChanged, nameof(Stage), null, stage.Name, actor.UserId, actor.At, NullIfTransient(stage)));
        return lead;
    }

    public void Rename(string name, Actor actor)
    {
        var newName = Text.Required(name, nameof(Name));
        SetField(nameof(Name), Name, newName, actor, v => Name = v!);
    }

    public void ChangeRevenue(Money revenue, Actor actor)
    {
        var checkedRevenue = Money.Revenue(revenue.Amount, revenue.Currency);
        if (checkedRevenue != Revenue)
        {
            Record(LeadEventKind.FieldChanged, nameof(Revenue), Format(Revenue), Format(checkedRevenue), actor);
            Revenue = checkedRevenue;
        }
    }

    /// <summary>Sets the next action; an open lead must keep a date (Rule 5).</summary>
    public void ScheduleNextAction(DateOnly? on, string? what, Actor actor)
    {
        if (on is null && IsOpen)
        {
            throw new DomainException(nameof(NextActionOn), ErrorKeys.NextActionRequired);
        }

        BusinessDate.Require(on, nameof(NextActionOn));
        var action = Text.Optional(what, nameof(NextAction), 500);
        if (on != NextActionOn)
        {
            Record(LeadEventKind.FieldChanged, nameof(NextActionOn), Format(NextActionOn), Format(on), actor);
            NextActionOn = on;
        }

        SetField(nameof(NextAction), NextAction, action, actor, v => NextAction = v);
    }

    /// <summary>
    /// "Zurückstellen" (Rule 5): the next action moves to a day after today, keeping what it is. It is recorded even when the
    /// date stays the same, because looking at the lead and deciding to wait is a change: the lead is then neither due nor idle.
    /// </summary>
    public void Snooze(DateOnly until, DateOnly today, Actor actor)
    {
        if (!IsOpen)
        {
            throw new DomainException(nameof(NextActionOn), ErrorKeys.SnoozeClosedLead);
        }

        BusinessDate.Require(until, nameof(NextActionOn));
        if (until <= today)
        {
            throw new DomainException(nameof(NextActionOn), ErrorKeys.SnoozeNotLater);
        }

        Record(LeadEventKind.Snoozed, nameof(NextActionOn), Format(NextActionOn), Format(until), actor);
        NextActionOn = until;
    }

    /// <summary>Hands the lead to another user; <paramref name="nameOf"/> gives a user's name as it is now, for the history.</summary>
    public void AssignTo(string responsibleUserId, Func<string, string> nameOf, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(nameOf);
        var userId = Text.Required(responsibleUserId, nameof(ResponsibleUserId), 450);
        if (userId != ResponsibleUserId)
        {
            // History is read by people (Rule 7): it keeps the names as they were at the time, not ids a later rename
            // or deletion would change or empty. Events before this kept ids under "ResponsibleUserId".
            Record(LeadEventKind.ResponsibleChanged, HistoryFields.Responsible, nameOf(ResponsibleUserId), nameOf(userId), actor);
            ResponsibleUserId = userId;
        }
    }

    public void ChangeCustomer(Company? company, Person? contactPerson, Actor actor) => ChangeCustomer(company, contactPerson, actor, checkContact: true);

    /// <summary>
    /// A merge moves the lead to the company that stays with its contact as it is: a contact of a third company, which a
    /// version before customer records could store, must not block the owner's clean-up.
    /// </summary>
    internal void MoveToCompany(Company company, Actor actor) => ChangeCustomer(company, ContactPerson, actor, checkContact: false);

    private void ChangeCustomer(Company? company, Person? contactPerson, Actor actor, bool checkContact)
    {
        EnsureLoaded(CompanyId, Company, nameof(Company));
        EnsureLoaded(ContactPersonId, ContactPerson, nameof(ContactPerson));
        var changes = !Same(Company, company, c => c.Id) || !Same(ContactPerson, contactPerson, p => p.Id);
        if (checkContact && changes && contactPerson is not null && company is not null && WorksElsewhere(contactPerson, company))
        {
            throw new DomainException(nameof(ContactPerson), ErrorKeys.PersonOfOtherCompany, contactPerson.Name, contactPerson.Company?.Name ?? "");
        }

        if (!Same(Company, company, c => c.Id))
        {
            Record(LeadEventKind.FieldChanged, nameof(Company), Company?.Name, company?.Name, actor);
        }

        if (!Same(ContactPerson, contactPerson, p => p.Id))
        {
            Record(LeadEventKind.FieldChanged, nameof(ContactPerson), ContactPerson?.Name, contactPerson?.Name, actor);
        }

        Company = company;
        CompanyId = company is null ? null : NullIfTransient(company.Id);
        ContactPerson = contactPerson;
        ContactPersonId = contactPerson is null ? null : NullIfTransient(contactPerson.Id);
    }

    public void ChangeInfo(string? info, Actor actor) =>
        SetField(nameof(Info), Info, Text.Optional(info, nameof(Info), Text.LongTextMaxLength), actor, v => Info = v);

    public void ChangeServicePeriod(DateOnly? from, DateOnly? to, Actor actor)
    {
        ServicePeriod.Require(from, to);
        if (from != ServiceFrom)
        {
            Record(LeadEventKind.FieldChanged, nameof(ServiceFrom), Format(ServiceFrom), Format(from), actor);
            ServiceFrom = from;
        }

        if (to != ServiceTo)
        {
            Record(LeadEventKind.FieldChanged, nameof(ServiceTo), Format(ServiceTo), Format(to), actor);
            ServiceTo = to;
        }
    }

    /// <summary>Potential → Running: the lead enters a stage (Rule 1).</summary>
    public void Start(Stage stage, Actor actor)
    {
        RequireStatus(LeadStatus.Running, LeadStatus.Potential);
        ArgumentNullException.ThrowIfNull(stage);
        ChangeStatus(LeadStatus.Running, actor);
        EnterStage(stage, actor);
    }

    /// <summary>A running lead moves to another stage of the pipeline.</summary>
    public void MoveToStage(Stage stage, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (Status != LeadStatus.Running)
        {
            throw new DomainException(nameof(Stage), ErrorKeys.StatusMoveNotAllowed, Format(Status), Format(LeadStatus.Running));
        }

        EnterStage(stage, actor);
    }

    /// <summary>Running → Potential: the lead leaves the pipeline's stages.</summary>
    public void BackToPotential(Actor actor)
    {
        RequireStatus(LeadStatus.Potential, LeadStatus.Running);
        ChangeStatus(LeadStatus.Potential, actor);
        LeaveStage(actor);
    }

    /// <summary>Any open lead → Won, Lost or Dropped, with the date it closed on; lost and dropped need a reason.</summary>
    public void Close(LeadStatus outcome, DateOnly closedOn, CloseReason? reason, string? reasonText, Actor actor)
    {
        if (outcome.IsOpen())
        {
            throw new DomainException(nameof(Status), ErrorKeys.StatusMoveNotAllowed, Format(Status), Format(outcome));
        }

        RequireStatus(outcome, LeadStatus.Potential, LeadStatus.Running);
        BusinessDate.Require(closedOn, nameof(ClosedOn));
        if (outcome.NeedsReason() && reason is null)
        {
            throw new DomainException(nameof(CloseReasonId), ErrorKeys.ReasonRequired);
        }

        var text = Text.Optional(reasonText, nameof(CloseReasonText), Text.LongTextMaxLength);
        ChangeStatus(outcome, actor);
        ClosedOn = closedOn;
        Record(LeadEventKind.FieldChanged, nameof(ClosedOn), null, Format(closedOn), actor);
        if (outcome.NeedsReason())
        {
            CloseReason = reason;
            CloseReasonId = NullIfTransient(reason!.Id);
            CloseReasonText = text;

            // The reason's name at the time, for people (Rule 7); events before this kept its id under "CloseReasonId".
            Record(LeadEventKind.FieldChanged, HistoryFields.CloseReason, null, reason.Name, actor);
            if (text is not null)
            {
                Record(LeadEventKind.FieldChanged, nameof(CloseReasonText), null, text, actor);
            }
        }
    }

    /// <summary>The closed-on date of a closed lead is editable.</summary>
    public void ChangeClosedOn(DateOnly closedOn, Actor actor)
    {
        if (!Status.IsClosed())
        {
            throw new DomainException(nameof(ClosedOn), ErrorKeys.StatusMoveNotAllowed, Format(Status), Format(Status));
        }

        BusinessDate.Require(closedOn, nameof(ClosedOn));
        if (closedOn != ClosedOn)
        {
            Record(LeadEventKind.FieldChanged, nameof(ClosedOn), Format(ClosedOn), Format(closedOn), actor);
            ClosedOn = closedOn;
        }
    }

    /// <summary>A closed lead reopens as running (in a stage) or potential; the closed-on date and reason are cleared.</summary>
    public void Reopen(LeadStatus to, Stage? stage, DateOnly nextActionOn, Actor actor)
    {
        if (!to.IsOpen())
        {
            throw new DomainException(nameof(Status), ErrorKeys.StatusMoveNotAllowed, Format(Status), Format(to));
        }

        RequireStatus(to, LeadStatus.Won, LeadStatus.Lost, LeadStatus.Dropped);
        if (to == LeadStatus.Running && stage is null)
        {
            throw new DomainException(nameof(Stage), ErrorKeys.StageRequired);
        }

        BusinessDate.Require(nextActionOn, nameof(NextActionOn));
        ChangeStatus(to, actor);
        Record(LeadEventKind.FieldChanged, nameof(ClosedOn), Format(ClosedOn), null, actor);
        ClosedOn = null;
        EnsureLoaded(CloseReasonId, CloseReason, nameof(CloseReason));
        if (CloseReason is not null)
        {
            Record(LeadEventKind.FieldChanged, HistoryFields.CloseReason, CloseReason.Name, null, actor);
        }

        CloseReason = null;
        CloseReasonId = null;

        SetField(nameof(CloseReasonText), CloseReasonText, null, actor, v => CloseReasonText = v);
        if (to == LeadStatus.Running)
        {
            EnterStage(stage!, actor);
        }
        else
        {
            LeaveStage(actor);
        }

        ScheduleNextAction(nextActionOn, NextAction, actor);
    }

    public void AddLabel(Label label, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (_labels.Any(l => SameLabel(l, label)))
        {
            return;
        }

        _labels.Add(label);
        Record(LeadEventKind.LabelAdded, nameof(Labels), null, label.Name, actor);
    }

    /// <summary>Gives the lead exactly these labels: the others come off, the missing ones go on, each change recorded.</summary>
    public void SetLabels(IReadOnlyCollection<Label> wanted, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        foreach (var label in _labels.Where(l => !wanted.Any(w => SameLabel(w, l))).ToList())
        {
            RemoveLabel(label, actor);
        }

        foreach (var label in wanted)
        {
            AddLabel(label, actor);
        }
    }

    public void RemoveLabel(Label label, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(label);
        var present = _labels.FirstOrDefault(l => SameLabel(l, label));
        if (present is not null)
        {
            _labels.Remove(present);
            Record(LeadEventKind.LabelRemoved, nameof(Labels), present.Name, null, actor);
        }
    }

    public LeadNote AddNote(string text, Actor actor)
    {
        var note = new LeadNote(text, actor);
        _notes.Add(note);
        Record(LeadEventKind.NoteAdded, nameof(Notes), null, note.Text.Length > 200 ? note.Text[..200] + "…" : note.Text, actor);
        return note;
    }

    public LeadAttachment Attach(string fileName, string storedName, string contentType, long sizeBytes, Actor actor)
    {
        var attachment = new LeadAttachment(fileName, storedName, contentType, sizeBytes, actor);
        _attachments.Add(attachment);
        Record(LeadEventKind.AttachmentAdded, nameof(Attachments), null, attachment.FileName, actor);
        return attachment;
    }

    public void RemoveAttachment(LeadAttachment attachment, Actor actor)
    {
        if (_attachments.Remove(attachment))
        {
            Record(LeadEventKind.AttachmentRemoved, nameof(Attachments), attachment.FileName, null, actor);
        }
    }

    /// <summary>
    /// An offer's step, recorded on its lead (Rule 7): the offer's number, its status before (null for a new offer, the
    /// source's number for a variant) and after (or "Deleted").
    /// </summary>
    internal void RecordOffer(string number, string? from, string to, Actor actor) => Record(LeadEventKind.OfferChanged, number, from, to, actor);

    /// <summary>A project was made from the lead (Rule 11): its number and name.</summary>
    internal void RecordProject(string number, string name, Actor actor) => Record(LeadEventKind.ProjectCreated, number, null, name, actor);

    /// <summary>Records that an import touched the lead.</summary>
    public void MarkImported(Actor actor) => Record(LeadEventKind.Imported, null, null, null, actor);

    private void EnterStage(Stage stage, Actor actor)
    {
        EnsureLoaded(StageId, Stage, nameof(Stage));
        if (Stage is not null && Same(Stage, stage, s => s.Id))
        {
            return;
        }

        Record(new LeadEvent(LeadEventKind.StageChanged, nameof(Stage), Stage?.Name, stage.Name, actor.UserId, actor.At, NullIfTransient(stage)));
        Stage = stage;
        StageId = NullIfTransient(stage);
    }

    private void LeaveStage(Actor actor)
    {
        EnsureLoaded(StageId, Stage, nameof(Stage));
        if (Stage is not null)
        {
            Record(LeadEventKind.StageChanged, nameof(Stage), Stage.Name, null, actor);
        }

        Stage = null;
        StageId = null;
    }

    private void ChangeStatus(LeadStatus to, Actor actor)
    {
        Record(LeadEventKind.StatusChanged, nameof(Status), Format(Status), Format(to), actor);
        Status = to;
    }

    private void RequireStatus(LeadStatus to, params LeadStatus[] allowedFrom)
    {
        if (!allowedFrom.Contains(Status))
        {
            throw new DomainException(nameof(Status), ErrorKeys.StatusMoveNotAllowed, Format(Status), Format(to));
        }
    }

    private void SetField(string field, string? oldValue, string? newValue, Actor actor, Action<string?> set)
    {
        if (!string.Equals(oldValue, newValue, StringComparison.Ordinal))
        {
            Record(LeadEventKind.FieldChanged, field, oldValue, newValue, actor);
            set(newValue);
        }
    }

    private void Record(LeadEventKind kind, string? field, string? oldValue, string? newValue, Actor actor) =>
        Record(new LeadEvent(kind, field, oldValue, newValue, actor.UserId, actor.At));

    private void Record(LeadEvent recorded)
    {
        _history.Add(recorded);
        if (recorded.At > LastChangedAt)
        {
            LastChangedAt = recorded.At;
        }
    }

    // A contact person of one company is not the contact for another's lead; a private client (of none) may be anyone's.
    private static bool WorksElsewhere(Person person, Company company) =>
        person.Company is { } own ? !Same(own, company, c => c.Id) : person.CompanyId is { } ownId && ownId != company.Id;

    // A stage, label, company or person not yet saved has id 0: compare by reference then, by id once stored.
    private static bool Same<T>(T? a, T? b, Func<T, int> id)
        where T : class =>
        ReferenceEquals(a, b) || (a is not null && b is not null && id(a) != 0 && id(a) == id(b));

    private static bool SameLabel(Label a, Label b) => Same(a, b, l => l.Id);

    // History names the old value: a change to a reference the caller did not load would record a false "nothing → new".
    private static void EnsureLoaded<T>(int? id, T? navigation, string name)
        where T : class
    {
        if (id is not null && navigation is null)
        {
            throw new InvalidOperationException($"Load the lead's {name} before changing it.");
        }
    }

    private static int? NullIfTransient(Stage stage) => NullIfTransient(stage.Id);

    private static int? NullIfTransient(int id) => id == 0 ? null : id;

    private static string Format(LeadStatus status) => status.ToString();

    private static string? Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Format(Money money) => money.Amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + money.Currency.Code;
}
