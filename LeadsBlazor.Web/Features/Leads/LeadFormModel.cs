using System.Globalization;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Web.Features.Customers;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Features.Leads;

/// <summary>The lead form's fields as the user edits them; <see cref="Validate"/> asks the domain's rules about each field.</summary>
public sealed class LeadFormModel
{
    public string Name { get; set; } = "";

    /// <summary>The customer chosen from the directory, or a new one typed in (created on save).</summary>
    public CompanyOption? Company { get; set; }

    /// <summary>The contact person chosen from the directory, or a new one typed in (created on save, at <see cref="Company"/>).</summary>
    public PersonOption? Contact { get; set; }

    public string ResponsibleUserId { get; set; } = "";

    /// <summary>The revenue as the user wrote it ("5.000", "CHF 3'500"); empty means none yet.</summary>
    public string RevenueText { get; set; } = "";

    /// <summary>The amount last read from <see cref="RevenueText"/> by <see cref="ReadRevenue"/>.</summary>
    public decimal Revenue { get; private set; }

    public string Currency { get; set; } = "EUR";

    /// <summary>Whether the user chose the currency (in its field or by writing it with the revenue); a customer's currency then no longer replaces it.</summary>
    public bool CurrencyChosen { get; set; }

    public DateTime? NextActionOn { get; set; }

    public string? NextAction { get; set; }

    /// <summary>The service period ("Leistungszeitraum"); either end may stay open.</summary>
    public DateTime? ServiceFrom { get; set; }

    public DateTime? ServiceTo { get; set; }

    /// <summary>A stage makes a new lead running; none keeps it a potential contact.</summary>
    public int? StageId { get; set; }

    public IReadOnlyCollection<int> LabelIds { get; set; } = [];

    public string? Info { get; set; }

    /// <summary>Checks every field against the domain's rules at once, so that each field shows its own message.</summary>
    public Dictionary<string, string> Validate(LeadFormOptions options, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new Dictionary<string, string>();
        void Check(string field, Action rule)
        {
            if (Components.Shared.DomainErrors.Check(text, rule) is { } error)
            {
                errors[field] = error;
            }
        }

        Check(nameof(Name), () => Text.Required(Name, nameof(Name)));
        Check(nameof(Company), () => Text.Optional(Company?.Name, nameof(Company)));
        Check(nameof(Contact), () => Text.Optional(Contact?.Name, nameof(Contact)));
        Check(nameof(ResponsibleUserId), () => Text.Required(ResponsibleUserId, nameof(ResponsibleUserId)));
        Check(nameof(Currency), () => options.Settings.RequireCurrency(Currency));
        if (ReadRevenue(options, text, CultureInfo.CurrentCulture) is { } revenueError)
        {
            errors[nameof(Revenue)] = revenueError;
        }

        Check(nameof(NextAction), () => Text.Optional(NextAction, nameof(NextAction), 500));
        Check(nameof(Info), () => Text.Optional(Info, nameof(Info), Text.LongTextMaxLength));
        if (NextActionOn is null)
        {
            errors[nameof(NextActionOn)] = text[ErrorKeys.NextActionRequired];
        }
        else
        {
            Check(nameof(NextActionOn), () => BusinessDate.Require(DateOnly.FromDateTime(NextActionOn.Value), nameof(NextActionOn)));
        }

        // The period's rule names the end it refuses (an end before the start is the "bis" field's).
        try
        {
            Domain.Leads.ServicePeriod.Require(Day(ServiceFrom), Day(ServiceTo));
        }
        catch (DomainException error)
        {
            errors[error.Field] = Components.Shared.DomainErrors.Describe(error, text);
        }

        return errors;
    }

    /// <summary>Fills the form from a saved lead.</summary>
    public void Load(LeadSnapshot lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        foreach (var field in Fields)
        {
            field.Take(this, lead);
        }

        LabelIds = [.. lead.LabelIds];
    }

    /// <summary>
    /// Moves the form from the version the user loaded to the one saved since: a field the user left as
    /// loaded takes the new value, a field they changed keeps their input; labels keep the user's own
    /// adds and removals on top of the new set.
    /// </summary>
    public void Rebase(LeadSnapshot loaded, LeadSnapshot current)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(current);
        foreach (var field in Fields.Where(f => f.Mine(this) == f.Saved(loaded)))
        {
            field.Take(this, current);
        }

        var added = LabelIds.Except(loaded.LabelIds);
        var removed = loaded.LabelIds.Except(LabelIds);
        LabelIds = [.. current.LabelIds.Except(removed).Union(added)];
    }

    /// <summary>Puts the saved values of these fields (as a conflict names them) into the form.</summary>
    public void Take(LeadSnapshot current, IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(current);
        var names = fields.ToHashSet();
        foreach (var field in Fields.Where(f => names.Contains(f.Name)))
        {
            field.Take(this, current);
        }

        if (names.Contains(nameof(Domain.Leads.Lead.Labels)))
        {
            LabelIds = [.. current.LabelIds];
        }
    }

    /// <summary>
    /// Everything the user can type or pick, as one comparable text: the dialog takes it when it opens and asks
    /// before closing when it differs (the revenue as written, since it is read only on leaving the field).
    /// </summary>
    public string InputState() => string.Join('\u001f', Fields.Select(f => f.Mine(this))
        .Append(RevenueText.Trim())
        .Append(StageId?.ToString(CultureInfo.InvariantCulture))
        .Concat(LabelIds.Order().Select(id => id.ToString(CultureInfo.InvariantCulture))));

    // The form's fields under the names the lead's history gives them, each as invariant text to compare.
    private static readonly FormField[] Fields =
    [
        new(nameof(Name), m => m.Name.Trim(), s => s.Name, (m, s) => m.Name = s.Name),
        new(nameof(Company), m => Trimmed(m.Company?.Name), s => s.Company, (m, s) => m.Company = s.Company is null ? null : new CompanyOption(s.CompanyId, s.Company)),
        new("ContactPerson", m => Trimmed(m.Contact?.Name), s => s.ContactPerson, (m, s) => m.Contact = s.ContactPerson is null ? null
            : new PersonOption(s.ContactPersonId, s.ContactPerson, s.ContactCompanyId is { } own ? new CompanyOption(own, own == s.CompanyId ? s.Company ?? "" : "") : null)),
        new(Domain.Leads.HistoryFields.Responsible, m => m.ResponsibleUserId, s => s.ResponsibleUserId, (m, s) => m.ResponsibleUserId = s.ResponsibleUserId),
        new(nameof(Revenue), m => Invariant(m.Revenue, m.Currency), s => Invariant(s.Revenue.Amount, s.Revenue.Currency.Code), (m, s) =>
        {
            m.Revenue = s.Revenue.Amount;
            m.RevenueText = s.Revenue.Amount.ToString("N2", CultureInfo.CurrentCulture);
            m.Currency = s.Revenue.Currency.Code;
        }),
        new(nameof(NextActionOn), m => IsoDate(m.NextActionOn), s => IsoDate(s.NextActionOn), (m, s) => m.NextActionOn = s.NextActionOn?.ToDateTime(TimeOnly.MinValue)),
        new(nameof(ServiceFrom), m => IsoDate(m.ServiceFrom), s => IsoDate(s.ServiceFrom), (m, s) => m.ServiceFrom = s.ServiceFrom?.ToDateTime(TimeOnly.MinValue)),
        new(nameof(ServiceTo), m => IsoDate(m.ServiceTo), s => IsoDate(s.ServiceTo), (m, s) => m.ServiceTo = s.ServiceTo?.ToDateTime(TimeOnly.MinValue)),
        new(nameof(NextAction), m => Trimmed(m.NextAction), s => s.NextAction, (m, s) => m.NextAction = s.NextAction),
        new(nameof(Info), m => Trimmed(m.Info), s => s.Info, (m, s) => m.Info = s.Info),
    ];

    private static string? IsoDate(DateTime? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Day(DateTime? date) => date is { } given ? DateOnly.FromDateTime(given) : null;

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Invariant(decimal amount, string currency) => amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + currency;

    private sealed record FormField(string Name, Func<LeadFormModel, string?> Mine, Func<LeadSnapshot, string?> Saved, Action<LeadFormModel, LeadSnapshot> Take);

    /// <summary>
    /// Reads the written revenue (Rule 3) with the one reading the import uses too; a currency it names
    /// becomes the lead's currency when the account has it. A readable amount is written back in the
    /// user's format, so the field shows what was understood. Returns why the text is no revenue, or null.
    /// </summary>
    public string? ReadRevenue(LeadFormOptions options, IStringLocalizer text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(RevenueText))
        {
            Revenue = 0m;
            return null;
        }

        var read = MoneyText.Read(RevenueText, culture);
        if (!read.IsValid)
        {
            return Components.Shared.DomainErrors.Describe(read.ToException(nameof(Revenue)), text);
        }

        if (read.Currency is { } named)
        {
            if (!options.Settings.Currencies.Any(c => c.Code == named.Code))
            {
                return text[ErrorKeys.CurrencyNotInAccount, named.Code];
            }

            Currency = named.Code;
            CurrencyChosen = true;
        }

        try
        {
            Money.Revenue(read.Amount, Domain.Common.Currency.Eur);
        }
        catch (DomainException error)
        {
            return Components.Shared.DomainErrors.Describe(error, text);
        }

        Revenue = read.Amount;
        RevenueText = Revenue.ToString("N2", culture);
        return null;
    }

    /// <summary>
    /// Takes the customer the user picked: a contact of another company no longer fits and is cleared, and a new lead
    /// starts in the customer's currency (when the account has it) unless the user chose one.
    /// </summary>
    public void ChooseCompany(CompanyOption? company, LeadFormOptions options, bool isNewLead)
    {
        ArgumentNullException.ThrowIfNull(options);
        Company = company;
        if (Contact is { } contact && !contact.FitsWith(company))
        {
            Contact = null;
        }
        else if (Contact is { IsNew: true } typed)
        {
            Contact = typed with { Company = company };
        }

        if (isNewLead && !CurrencyChosen && company?.DefaultCurrencyCode is { } code && options.Settings.Currencies.Any(c => c.Code == code))
        {
            Currency = code;
        }
    }

    /// <summary>Takes the contact the user picked; a person of a company brings that company along when none is chosen yet.</summary>
    public void ChooseContact(PersonOption? contact, LeadFormOptions options, bool isNewLead)
    {
        Contact = contact;
        if (Company is null && contact?.Company is { } company)
        {
            ChooseCompany(company, options, isNewLead);
        }
    }

    public LeadInput ToInput() => new()
    {
        Name = Name,
        CompanyId = Company?.Id,
        NewCompanyName = Company is { IsNew: true } typed ? typed.Name : null,
        ContactPersonId = Contact?.Id,
        NewContactName = Contact is { IsNew: true } typedContact ? typedContact.Name : null,
        ResponsibleUserId = ResponsibleUserId,
        Revenue = Revenue,
        Currency = Currency,
        NextActionOn = Day(NextActionOn),
        ServiceFrom = Day(ServiceFrom),
        ServiceTo = Day(ServiceTo),
        NextAction = NextAction,
        StageId = StageId,
        LabelIds = LabelIds,
        Info = Info,
    };
}
