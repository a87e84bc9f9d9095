using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Labels;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Pipeline;
using LeadsBlazor.Web.Components.Shared;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Customers;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace LeadsBlazor.Web.Features.Excel;

public enum ImportAction
{
    Create,
    Update,
    Unchanged,
    Invalid,
}

/// <summary>One change an update row makes to its lead, as its history will record it (names, not ids).</summary>
public sealed record ImportChange(LeadEventKind Kind, string? Field, string? OldValue, string? NewValue);

/// <summary>What the import would do with one row, why it cannot when it is invalid, and what an update changes.</summary>
public sealed record ImportRowResult(int RowNumber, ImportAction Action, int? LeadId, string Name, IReadOnlyList<CellError> Errors, IReadOnlyList<ImportChange> Changes)
{
    /// <summary>The customer the row's lead names that the directory does not have yet: the import creates it.</summary>
    public string? NewCompany { get; init; }

    /// <summary>Likewise the contact person the import creates for the row's lead.</summary>
    public string? NewContact { get; init; }
}

public sealed record ImportPreview(IReadOnlyList<ImportRowResult> Rows, IReadOnlyList<string> FileErrors)
{
    public int Count(ImportAction action) => Rows.Count(r => r.Action == action);

    /// <summary>The customers the import creates, each once, in the order the sheet names them.</summary>
    public IReadOnlyList<string> NewCompanies => [.. Saved.Select(r => r.NewCompany).OfType<string>().Distinct(CustomerDirectory.NameComparer)];

    /// <summary>The contact persons the import creates, each once (with their customer, for two of one name at different ones).</summary>
    public IReadOnlyList<string> NewContacts => [.. Saved.Where(r => r.NewContact is not null).DistinctBy(r => (r.NewContact, r.NewCompany)).Select(r => r.NewContact!)];

    private IEnumerable<ImportRowResult> Saved => Rows.Where(r => r.Action is ImportAction.Create or ImportAction.Update);

    public bool CanImport => FileErrors.Count == 0 && Rows.Any(r => r.Action is ImportAction.Create or ImportAction.Update);
}

/// <summary>Thrown when a row that was valid in the preview no longer is when saving (someone changed the data meanwhile).</summary>
public sealed class ImportChangedException(int rowNumber) : Exception($"Row {rowNumber} of the import is no longer valid.")
{
    public int RowNumber { get; } = rowNumber;
}

/// <summary>
/// Rule 10's import: each row of the sheet is applied to the leads through the domain's own rules,
/// first as a dry run that is rolled back (the preview), then, when the user confirms, for real in one
/// transaction. The same code decides both, so the preview says exactly what the import does. A row with
/// an id updates that lead, one without creates a lead; unknown labels and companies are created,
/// unknown users and stages are errors, and so is a deactivated user: leads go only to people who can still
/// sign in. Every lead touched gets an "imported" history event.
/// </summary>
public sealed class LeadImport(IDbContextFactory<LeadsDbContext> contexts, ImportSheet sheet, IEventBus events, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    private const string NewLabelColor = "#757575";
    private const string InactiveUser = "Import.InactiveUser";

    public Task<ImportPreview> PreviewAsync(IReadOnlyList<ImportedRow> rows, IReadOnlyList<string> fileErrors, string userId, CancellationToken cancellationToken = default) =>
        RunAsync(rows, fileErrors, userId, commit: false, cancellationToken);

    /// <summary>Saves the rows the preview found valid, in one transaction. If one of them is not valid any more, nothing is saved.</summary>
    public async Task<ImportPreview> CommitAsync(IReadOnlyList<ImportedRow> rows, ImportPreview preview, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preview);
        var valid = preview.Rows.Where(r => r.Action != ImportAction.Invalid).Select(r => r.RowNumber).ToHashSet();
        var result = await RunAsync([.. rows.Where(r => valid.Contains(r.RowNumber))], [], userId, commit: true, cancellationToken);
        events.Publish(new LeadsImported(result.Count(ImportAction.Create), result.Count(ImportAction.Update)));
        if (result.NewCompanies.Count > 0 || result.NewContacts.Count > 0)
        {
            events.Publish(new CustomersChanged());
        }

        return result;
    }

    /// <summary>An empty sheet in the export's layout, headers in the user's language.</summary>
    public async Task WriteTemplateAsync(Stream output, CancellationToken cancellationToken = default)
    {
        var empty = LeadSheet.Columns.ToDictionary(c => c.Key.ToString(), _ => (object?)null);
        await output.SaveAsAsync(new[] { empty }, excelType: ExcelType.XLSX, configuration: LeadExport.Configuration(text), cancellationToken: cancellationToken);
    }

    /// <summary>The invalid rows as they came, with a column that says what is wrong, for fixing and importing again.</summary>
    public async Task WriteInvalidRowsAsync(IReadOnlyList<ImportedRow> rows, ImportPreview preview, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preview);
        var invalid = preview.Rows.Where(r => r.Action == ImportAction.Invalid).ToDictionary(r => r.RowNumber);
        var configuration = LeadExport.Configuration(text);
        configuration.DynamicColumns = [.. configuration.DynamicColumns, new MiniExcelLibs.Attributes.DynamicExcelColumn("Errors") { Name = text["Import.ErrorsColumn"], Width = 60 }];
        var data = rows.Where(r => invalid.ContainsKey(r.RowNumber)).Select(r =>
        {
            var cells = LeadSheet.Columns.ToDictionary(c => c.Key.ToString(), c => r.Cells.GetValueOrDefault(c.Key.ToString()));
            cells["Errors"] = string.Join("; ", invalid[r.RowNumber].Errors.Select(e => $"{e.Column}: {e.Message}"));
            return cells;
        });
        await output.SaveAsAsync(data, excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: cancellationToken);
    }

    private async Task<ImportPreview> RunAsync(IReadOnlyList<ImportedRow> rows, IReadOnlyList<string> fileErrors, string userId, bool commit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // The dry run saves nothing, so it takes no write lock: other users keep working while it runs.
        await using var transaction = commit ? await db.BeginWriteAsync(cancellationToken) : null;
        var context = await ImportContext.LoadAsync(db, rows, cancellationToken);
        var actor = new Actor(userId, time.GetUtcNow());
        var results = new List<ImportRowResult>();
        foreach (var row in rows)
        {
            var errors = new List<CellError>(row.Errors);
            var action = ImportAction.Invalid;
            Lead? lead = null;
            IReadOnlyList<ImportChange> changes = [];
            if (errors.Count == 0)
            {
                try
                {
                    (lead, action, changes) = row.Id is { } id ? Update(db, context, row, id, actor) : (Create(db, context, row, actor), ImportAction.Create, []);
                }
                catch (DomainException error)
                {
                    errors.Add(new CellError(row.RowNumber, sheet.Header(ColumnOf(error.Field)), error.Describe(text)));
                    action = ImportAction.Invalid;
                    changes = [];
                }
            }

            if (commit && action == ImportAction.Invalid)
            {
                throw new ImportChangedException(row.RowNumber);
            }

            results.Add(new ImportRowResult(row.RowNumber, action, lead?.Id is > 0 ? lead.Id : row.Id, row.Name, errors, changes)
            {
                NewCompany = action == ImportAction.Invalid ? null : context.NewCompanyOf(lead),
                NewContact = action == ImportAction.Invalid ? null : context.NewContactOf(lead),
            });
        }

        if (commit)
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction!.CommitAsync(cancellationToken);
        }

        // A dry run's changes live only in this context, which is dropped unsaved.
        return new ImportPreview(results, fileErrors);
    }

    private static Lead Create(LeadsDbContext db, ImportContext context, ImportedRow row, Actor actor)
    {
        var responsible = context.User(row.Responsible) ?? actor.UserId;
        var revenue = Money.Revenue(row.Revenue, context.Settings.RequireCurrency(row.Currency ?? context.Settings.CurrencyCode));
        var nextActionOn = row.NextActionOn ?? throw new DomainException(nameof(Lead.NextActionOn), ErrorKeys.NextActionRequired);
        var status = row.Status ?? (row.Stage is null ? LeadStatus.Potential : LeadStatus.Running);
        var lead = status switch
        {
            LeadStatus.Potential => Lead.CreatePotential(row.Name, responsible, revenue, nextActionOn, row.NextAction, actor),
            LeadStatus.Running => Lead.CreateRunning(row.Name, responsible, revenue, nextActionOn, row.NextAction, context.Stage(row.Stage), actor),
            _ => throw new DomainException(nameof(Lead.Status), ErrorKeys.ImportClosedStatus),
        };
        ApplyDetails(db, context, lead, row, actor);
        lead.MarkImported(actor);
        db.Leads.Add(lead);
        return lead;
    }

    private static (Lead Lead, ImportAction Action, IReadOnlyList<ImportChange> Changes) Update(LeadsDbContext db, ImportContext context, ImportedRow row, int id, Actor actor)
    {
        // Only the columns the sheet has change the lead: a sheet of IDs, names and dates leaves revenue, labels and the rest alone.
        var lead = context.Lead(id);
        var eventsBefore = lead.History.Count;
        lead.Rename(row.Name, actor);
        if (row.Has(LeadColumn.Revenue) || row.Has(LeadColumn.Currency))
        {
            var amount = row.Has(LeadColumn.Revenue) ? row.Revenue : lead.Revenue.Amount;
            lead.ChangeRevenue(Money.Revenue(amount, context.Settings.RequireCurrency(row.Currency ?? lead.Revenue.Currency.Code)), actor);
        }

        if (row.Has(LeadColumn.NextActionOn) || row.Has(LeadColumn.NextAction))
        {
            lead.ScheduleNextAction(
                row.Has(LeadColumn.NextActionOn) ? row.NextActionOn : lead.NextActionOn,
                row.Has(LeadColumn.NextAction) ? row.NextAction : lead.NextAction,
                actor);
        }

        if (row.Responsible is not null)
        {
            lead.AssignTo(context.User(row.Responsible)!, context.UserName, actor);
        }

        switch (row.Status ?? lead.Status)
        {
            case var same when same == lead.Status && same == LeadStatus.Running && row.Stage is not null && !context.IsStage(lead.Stage, row.Stage):
                lead.MoveToStage(context.Stage(row.Stage), actor);
                break;
            case LeadStatus.Running when lead.Status == LeadStatus.Potential:
                lead.Start(context.Stage(row.Stage), actor);
                break;
            case LeadStatus.Potential when lead.Status == LeadStatus.Running:
                lead.BackToPotential(actor);
                break;
            case var wanted when wanted != lead.Status:
                throw new DomainException(nameof(Lead.Status), ErrorKeys.ImportClosedStatus);
        }

        ApplyDetails(db, context, lead, row, actor);
        if (lead.History.Count == eventsBefore)
        {
            return (lead, ImportAction.Unchanged, []);
        }

        // The preview shows what the history will record, so nobody hands leads to someone else by accident.
        var changes = lead.History.Skip(eventsBefore).Select(e => new ImportChange(e.Kind, e.Field, e.OldValue, e.NewValue)).ToList();
        lead.MarkImported(actor);
        return (lead, ImportAction.Update, changes);
    }

    private static void ApplyDetails(LeadsDbContext db, ImportContext context, Lead lead, ImportedRow row, Actor actor)
    {
        var company = row.Has(LeadColumn.Customer) ? context.CompanyNamed(db, row.Customer, actor) : lead.Company;
        var contact = row.Has(LeadColumn.Contact) ? context.PersonNamed(db, row.Contact, company, actor) : lead.ContactPerson;
        lead.ChangeCustomer(company, contact, actor);
        if (row.Has(LeadColumn.Info))
        {
            lead.ChangeInfo(row.Info, actor);
        }

        if (row.Has(LeadColumn.ServiceFrom) || row.Has(LeadColumn.ServiceTo))
        {
            lead.ChangeServicePeriod(
                row.Has(LeadColumn.ServiceFrom) ? row.ServiceFrom : lead.ServiceFrom,
                row.Has(LeadColumn.ServiceTo) ? row.ServiceTo : lead.ServiceTo,
                actor);
        }

        if (!row.Has(LeadColumn.Labels))
        {
            return;
        }

        lead.SetLabels([.. row.Labels.Select(name => context.LabelNamed(db, name))], actor);
    }

    // The domain names the field it refuses; the user needs the column of their sheet.
    private static LeadColumn ColumnOf(string field) => field switch
    {
        nameof(Lead.Name) => LeadColumn.Name,
        nameof(Lead.Status) => LeadColumn.Status,
        nameof(Lead.Stage) or "StageId" => LeadColumn.Stage,
        "Revenue" or "Amount" => LeadColumn.Revenue,
        "Currency" => LeadColumn.Currency,
        nameof(Lead.ResponsibleUserId) => LeadColumn.Responsible,
        nameof(Lead.NextActionOn) => LeadColumn.NextActionOn,
        nameof(Lead.NextAction) => LeadColumn.NextAction,
        "Company" => LeadColumn.Customer,
        "ContactPerson" => LeadColumn.Contact,
        "Labels" or "Label" or "Color" => LeadColumn.Labels,
        nameof(Lead.Info) => LeadColumn.Info,
        nameof(Lead.ServiceFrom) => LeadColumn.ServiceFrom,
        nameof(Lead.ServiceTo) => LeadColumn.ServiceTo,
        "Lead" => LeadColumn.Id,
        _ => LeadColumn.Name,
    };

    /// <summary>What the rows refer to, read once: users, stages, labels, companies, people, and the leads the file updates.</summary>
    private sealed class ImportContext
    {
        private readonly Dictionary<string, string> _users = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _userNames = new(StringComparer.Ordinal);
        private readonly HashSet<string> _inactiveUsers = new(StringComparer.Ordinal);
        private readonly List<Stage> _stages = [];
        private readonly Dictionary<string, Label> _labels = new(StringComparer.OrdinalIgnoreCase);
        private Dictionary<string, Company> _companies = new(CustomerDirectory.NameComparer);
        private List<Person> _people = [];
        private NumberRange? _customerNumbers;
        private readonly Dictionary<int, Lead> _leads = [];

        public Domain.Accounts.AccountSettings Settings { get; private set; } = default!;

        public static async Task<ImportContext> LoadAsync(LeadsDbContext db, IReadOnlyList<ImportedRow> rows, CancellationToken cancellationToken)
        {
            var context = new ImportContext { Settings = await db.AccountSettings.Include(a => a.Currencies).SingleAsync(cancellationToken) };
            // A display name two users share names neither: such rows must give the email.
            var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.Email, u.IsActive }).ToListAsync(cancellationToken);
            foreach (var named in users.GroupBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase))
            {
                context._users[named.Key] = named.Count() == 1 ? named.Single().Id : "";
            }

            foreach (var user in users)
            {
                context._userNames[user.Id] = user.DisplayName;
                if (!user.IsActive)
                {
                    context._inactiveUsers.Add(user.Id);
                }
            }

            foreach (var user in users.Where(u => u.Email is not null))
            {
                context._users[user.Email!] = user.Id;
            }

            context._stages.AddRange(await db.Stages.ToListAsync(cancellationToken));
            foreach (var label in await db.Labels.ToListAsync(cancellationToken))
            {
                context._labels.TryAdd(label.Name, label);
            }

            context._companies = await db.CompaniesNamedAsync(rows.Select(r => r.Customer).OfType<string>(), cancellationToken);
            context._people = await db.PeopleNamedAsync(rows.Select(r => r.Contact).OfType<string>(), cancellationToken);
            if (rows.Any(r => r.Customer is { } name && !context._companies.ContainsKey(name)))
            {
                context._customerNumbers = await db.NumberRangeAsync(NumberRangeKind.Customer, cancellationToken);
            }


            var ids = rows.Select(r => r.Id).OfType<int>().Distinct().ToList();
            foreach (var chunk in ids.Chunk(500))
            {
                var leads = await db.Leads.Include(l => l.Stage).Include(l => l.Labels).Include(l => l.Company).Include(l => l.ContactPerson)
                    .AsSplitQuery().Where(l => chunk.Contains(l.Id)).ToListAsync(cancellationToken);
                leads.ForEach(l => context._leads[l.Id] = l);
            }

            return context;
        }

        public Lead Lead(int id) => _leads.GetValueOrDefault(id) ?? throw new DomainException("Lead", ErrorKeys.UnknownLead, id);

        public string? User(string? nameOrEmail) =>
            nameOrEmail is null ? null
            : !_users.TryGetValue(nameOrEmail, out var id) || id.Length == 0 ? throw new DomainException(nameof(Domain.Leads.Lead.ResponsibleUserId), ErrorKeys.UnknownUser, nameOrEmail)
            : _inactiveUsers.Contains(id) ? throw new DomainException(nameof(Domain.Leads.Lead.ResponsibleUserId), InactiveUser, nameOrEmail)
            : id;

        public string UserName(string id) => _userNames.GetValueOrDefault(id, id);

        public Stage Stage(string? name) =>
            name is null ? throw new DomainException(nameof(Domain.Leads.Lead.Stage), ErrorKeys.StageRequired)
            : _stages.FirstOrDefault(s => IsStage(s, name)) ?? throw new DomainException(nameof(Domain.Leads.Lead.Stage), ErrorKeys.UnknownStage, name);

        public bool IsStage(Stage? stage, string name) =>
            stage is not null && (string.Equals(stage.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(stage.EnglishName, name, StringComparison.OrdinalIgnoreCase));

        public Label LabelNamed(LeadsDbContext db, string name)
        {
            if (!_labels.TryGetValue(name, out var label))
            {
                label = new Label(name, NewLabelColor);
                db.Labels.Add(label);
                _labels[name] = label;
            }

            return label;
        }

        /// <summary>The companies this import creates, by name, for the preview ("Neuer Kunde: …").</summary>
        public IReadOnlyCollection<Company> NewCompanies => _newCompanies;

        private readonly List<Company> _newCompanies = [];

        private readonly HashSet<Person> _newPeople = [];

        /// <summary>The name of the lead's customer when this import creates it, else null.</summary>
        public string? NewCompanyOf(Lead? lead) => lead?.Company is { } company && _newCompanies.Contains(company) ? company.Name : null;

        /// <summary>The name of the lead's contact person when this import creates them, else null.</summary>
        public string? NewContactOf(Lead? lead) => lead?.ContactPerson is { } person && _newPeople.Contains(person) ? person.Name : null;

        public Company? CompanyNamed(LeadsDbContext db, string? name, Actor actor)
        {
            if (name is null)
            {
                return null;
            }

            if (!_companies.TryGetValue(name, out var company))
            {
                company = new Company(name, _customerNumbers!.Take(Settings.DateOf(actor.At)), actor);
                db.Companies.Add(company);
                _companies[name] = company;
                _newCompanies.Add(company);
            }

            return company;
        }

        /// <summary>The contact of that name at <paramref name="company"/> (the same lookup as the lead form), or a new one there.</summary>
        public Person? PersonNamed(LeadsDbContext db, string? name, Company? company, Actor actor)
        {
            if (name is null)
            {
                return null;
            }

            var person = _people.Of(name, company);
            if (person is null)
            {
                person = company is null ? db.People.Add(new Person(PersonDetails.FromName(name))).Entity : company.AddPerson(PersonDetails.FromName(name), actor);
                _people.Add(person);
                _newPeople.Add(person);
            }

            return person;
        }
    }
}
