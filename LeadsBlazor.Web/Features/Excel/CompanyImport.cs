using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Labels;
using LeadsBlazor.Web.Components.Shared;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Customers;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace LeadsBlazor.Web.Features.Excel;

/// <summary>What an import row changes on its company, as the company's history records it (old → new).</summary>
public sealed record CompanyImportChange(CompanyEventKind Kind, string? Field, string? OldValue, string? NewValue);

/// <summary>What the import would do with one row: create or update which company, what changes, or why it cannot.</summary>
public sealed record CompanyImportRowResult(int RowNumber, ImportAction Action, int? CompanyId, string Name, string? Number, IReadOnlyList<CellError> Errors, IReadOnlyList<CompanyImportChange> Changes);

public sealed record CompanyImportPreview(IReadOnlyList<CompanyImportRowResult> Rows, IReadOnlyList<string> FileErrors)
{
    public int Count(ImportAction action) => Rows.Count(r => r.Action == action);

    public bool CanImport => FileErrors.Count == 0 && Rows.Any(r => r.Action is ImportAction.Create or ImportAction.Update);
}

/// <summary>
/// The company list's import: a row whose customer number, else whose name (as <see cref="CustomerName"/> compares names), names a
/// company updates it; any other row creates one with the next customer number. Each row goes through the company's own rules,
/// first as a dry run that is rolled back (the preview), then, confirmed, for real in one transaction; the same code decides both.
/// Only the columns the sheet has change a company; unknown labels are created; a contact person the company lacks is added.
/// </summary>
public sealed class CompanyImport(IDbContextFactory<LeadsDbContext> contexts, IEventBus events, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    private const string NewLabelColor = "#757575";

    public Task<CompanyImportPreview> PreviewAsync(IReadOnlyList<CompanyImportRow> rows, IReadOnlyList<string> fileErrors, string userId, CancellationToken cancellationToken = default) =>
        RunAsync(rows, fileErrors, userId, commit: false, cancellationToken);

    /// <summary>Saves the rows the preview found valid, in one transaction. If one of them is not valid any more, nothing is saved.</summary>
    public async Task<CompanyImportPreview> CommitAsync(IReadOnlyList<CompanyImportRow> rows, CompanyImportPreview preview, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(preview);
        var valid = preview.Rows.Where(r => r.Action != ImportAction.Invalid).Select(r => r.RowNumber).ToHashSet();
        var result = await RunAsync([.. rows.Where(r => valid.Contains(r.RowNumber))], [], userId, commit: true, cancellationToken);
        events.Publish(new CustomersChanged([.. result.Rows.Where(r => r.Action is ImportAction.Create or ImportAction.Update).Select(r => r.CompanyId).OfType<int>()]));
        return result;
    }

    /// <summary>An empty sheet in the export's layout, headers in the user's language.</summary>
    public async Task WriteTemplateAsync(Stream output, CancellationToken cancellationToken = default)
    {
        var empty = CompanySheet.Columns.ToDictionary(c => c.Key.ToString(), _ => (object?)null);
        await output.SaveAsAsync(new[] { empty }, excelType: ExcelType.XLSX, configuration: CompanySheet.Configuration(text), cancellationToken: cancellationToken);
    }

    private async Task<CompanyImportPreview> RunAsync(IReadOnlyList<CompanyImportRow> rows, IReadOnlyList<string> fileErrors, string userId, bool commit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // The dry run saves nothing, so it takes no write lock: other users keep working while it runs.
        await using var transaction = commit ? await db.BeginWriteAsync(cancellationToken) : null;
        var context = await ImportContext.LoadAsync(db, rows, cancellationToken);
        var now = time.GetUtcNow();
        var actor = new Actor(userId, now);
        var today = context.Settings.DateOf(now);
        var results = new List<(CompanyImportRow Row, ImportAction Action, Company? Company, IReadOnlyList<CellError> Errors, IReadOnlyList<CompanyImportChange> Changes)>();
        foreach (var row in rows)
        {
            var company = context.Find(row);
            var action = company is null ? ImportAction.Create : ImportAction.Update;
            IReadOnlyList<CompanyImportChange> changes = [];
            try
            {
                if (company is null)
                {
                    company = await db.NewCompanyAsync(row.Name, actor, today, cancellationToken);
                    context.Add(company);
                }

                var before = company.History.Count;
                Apply(db, context, company, row, actor);
                changes = [.. company.History.Skip(before).Select(e => new CompanyImportChange(e.Kind, e.Kind == CompanyEventKind.PersonAdded ? null : e.Field, e.OldValue, e.NewValue))];
                if (action == ImportAction.Update && changes.Count == 0)
                {
                    action = ImportAction.Unchanged;
                }
                else
                {
                    company.MarkImported(actor);
                }
            }
            catch (DomainException error)
            {
                if (commit)
                {
                    throw new ImportChangedException(row.RowNumber);
                }

                // A company this row began to create is dropped again, so a later row of the same name does not find it.
                if (action == ImportAction.Create && company is not null)
                {
                    db.Entry(company).State = EntityState.Detached;
                    context.Remove(company);
                }

                results.Add((row, ImportAction.Invalid, null, [new CellError(row.RowNumber, Header(ColumnOf(error.Field)), error.Describe(text))], []));
                continue;
            }

            results.Add((row, action, company, [], changes));
        }

        if (commit)
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction!.CommitAsync(cancellationToken);
        }

        // A dry run's changes live only in this context, which is dropped unsaved; a new company has no id there.
        return new CompanyImportPreview(
            [.. results.Select(r => new CompanyImportRowResult(r.Row.RowNumber, r.Action, r.Company?.Id is > 0 ? r.Company.Id : null, r.Company?.Name ?? r.Row.Name, r.Company?.Number ?? r.Row.Number, r.Errors, r.Changes))],
            fileErrors);
    }

    // Only the columns the sheet has change the company: a sheet of numbers and phone numbers leaves the addresses alone.
    private static void Apply(LeadsDbContext db, ImportContext context, Company company, CompanyImportRow row, Actor actor)
    {
        string? Cell(CompanyColumn column, string? current) => row.Has(column) ? row[column] : current;
        var currency = Cell(CompanyColumn.DefaultCurrency, company.DefaultCurrencyCode);

        // The name first: a row refused for a taken name must not have changed the company's other fields in the preview.
        context.Rename(company, row.Name, actor);
        company.ChangeDetails(
            new CompanyDetails(
                new PostalAddress(Cell(CompanyColumn.Street, company.Street), Cell(CompanyColumn.Postcode, company.Postcode), Cell(CompanyColumn.City, company.City), Cell(CompanyColumn.CountryCode, company.CountryCode)),
                Cell(CompanyColumn.Website, company.Website),
                Cell(CompanyColumn.Phone, company.Phone),
                Cell(CompanyColumn.Email, company.Email),
                currency is null ? null
                : row.Has(CompanyColumn.DefaultCurrency) ? context.Settings.RequireCurrency(currency, nameof(CompanyColumn.DefaultCurrency))
                : Currency.Parse(currency),
                Cell(CompanyColumn.Notes, company.Notes)),
            actor);
        if (row.Has(CompanyColumn.Labels))
        {
            company.SetLabels([.. row.Labels.Select(name => context.LabelNamed(db, name))], actor);
        }

        if (row[CompanyColumn.Contact] is { } contact && company.People.Of(contact, company) is null)
        {
            company.AddPerson(PersonDetails.FromName(contact), actor);
        }
    }

    private string Header(CompanyColumn column) => text[CompanySheet.HeaderKeyOf(column)];

    /// <summary>A change as the preview shows it: "Ort: München → Berlin", "Label: + VIP", "Ansprechpartner: + Jana Schmid".</summary>
    public string Describe(CompanyImportChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Kind switch
        {
            CompanyEventKind.LabelAdded or CompanyEventKind.LabelRemoved or CompanyEventKind.PersonAdded => text[$"CompanyImport.{change.Kind}", change.NewValue ?? change.OldValue ?? ""],
            _ => text["CompanyImport.FieldChanged", Header(ColumnOf(change.Field ?? "")), change.OldValue ?? "–", change.NewValue ?? "–"],
        };
    }

    // The domain names the field it refuses; the user needs the column of their sheet.
    private static CompanyColumn ColumnOf(string field) =>
        Enum.TryParse<CompanyColumn>(field, out var column) ? column : field switch
        {
            "Currency" or "DefaultCurrencyCode" => CompanyColumn.DefaultCurrency,
            "Label" or "Color" => CompanyColumn.Labels,
            "People" or "FirstName" or "LastName" or "ContactPerson" => CompanyColumn.Contact,
            _ => CompanyColumn.Name,
        };

    /// <summary>What the rows refer to, read once: the companies they name by number or name (with people and labels), the labels, the currencies.</summary>
    private sealed class ImportContext
    {
        private readonly Dictionary<string, Company> _byNumber = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Company> _byKey = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Label> _labels = new(StringComparer.OrdinalIgnoreCase);

        public Domain.Accounts.AccountSettings Settings { get; private init; } = default!;

        public static async Task<ImportContext> LoadAsync(LeadsDbContext db, IReadOnlyList<CompanyImportRow> rows, CancellationToken cancellationToken)
        {
            var context = new ImportContext { Settings = await db.AccountSettings.Include(a => a.Currencies).AsNoTracking().SingleAsync(cancellationToken) };
            var keys = rows.Select(r => CustomerName.Key(r.Name)).Where(k => k.Length > 0).Distinct().ToList();
            var numbers = rows.Select(r => r.Number).OfType<string>().Distinct().ToList();

            // Every company a row names by number or by name is here, so a rename that takes another's name is found without asking the database.
            foreach (var chunk in keys.Chunk(250).Concat(numbers.Chunk(250)))
            {
                var companies = await db.Companies.Include(c => c.People).Include(c => c.Labels).AsSplitQuery()
                    .Where(c => chunk.Contains(c.NameKey) || chunk.Contains(c.Number)).ToListAsync(cancellationToken);
                companies.ForEach(context.Add);
            }

            foreach (var label in await db.Labels.ToListAsync(cancellationToken))
            {
                context._labels.TryAdd(label.Name, label);
            }

            return context;
        }

        /// <summary>The company the row names: by its number when the directory has it, else by its name.</summary>
        public Company? Find(CompanyImportRow row) =>
            (row.Number is { } number ? _byNumber.GetValueOrDefault(number) : null) ?? _byKey.GetValueOrDefault(CustomerName.Key(row.Name));

        public void Add(Company company)
        {
            _byNumber[company.Number] = company;
            _byKey[company.NameKey] = company;
        }

        public void Remove(Company company)
        {
            _byNumber.Remove(company.Number);
            _byKey.Remove(company.NameKey);
        }

        /// <summary>Renames the company unless the name is another's, as the directory compares names.</summary>
        public void Rename(Company company, string name, Actor actor)
        {
            var key = CustomerName.Key(name);
            if (key != company.NameKey)
            {
                Company.EnsureUnique(name, _byKey.TryGetValue(key, out var other) && !ReferenceEquals(other, company) ? [key] : []);
                _byKey.Remove(company.NameKey);
            }

            company.Rename(name, actor);
            _byKey[company.NameKey] = company;
        }

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
    }
}
