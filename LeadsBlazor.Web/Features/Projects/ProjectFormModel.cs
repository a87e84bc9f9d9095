using System.Globalization;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Projects;
using LeadsBlazor.Web.Components.Shared;
using LeadsBlazor.Web.Features.Customers;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Features.Projects;

/// <summary>
/// The project form's fields as the user edits them, named as the domain names them (so a refused save lands at its
/// field); amounts are kept as written and read in the user's culture, as the lead form reads its revenue.
/// </summary>
public sealed class ProjectFormModel
{
    public string Name { get; set; } = "";

    /// <summary>The customer, chosen from the directory.</summary>
    public CompanyOption? Company { get; set; }

    /// <summary>The contact person, chosen from the directory: the customer's or a private client.</summary>
    public PersonOption? Contact { get; set; }

    public string LeaderUserId { get; set; } = "";

    public string? CoLeaderUserId { get; set; }

    public string CurrencyCode { get; set; } = "EUR";

    public ProjectBilling Billing { get; set; }

    /// <summary>The budget as the user wrote it ("12.000", "12.000,50 €"); empty means none.</summary>
    public string BudgetText { get; set; } = "";

    public string HourlyRateText { get; set; } = "";

    public DateTime? StartOn { get; set; }

    public DateTime? FinishOn { get; set; }

    public IReadOnlyCollection<int> LabelIds { get; set; } = [];

    public string? Info { get; set; }

    /// <summary>Fills the form from the prefilled or saved input; the pickers show the customer and contact the options resolved.</summary>
    public void Load(ProjectInput input, ProjectFormOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var culture = CultureInfo.CurrentCulture;
        Name = input.Name;
        Company = options.Company;
        Contact = options.Contact;
        LeaderUserId = input.LeaderUserId;
        CoLeaderUserId = input.CoLeaderUserId;
        CurrencyCode = input.CurrencyCode;
        Billing = input.Billing;
        BudgetText = input.Budget?.ToString("N2", culture) ?? "";
        HourlyRateText = input.HourlyRate?.ToString("N2", culture) ?? "";
        StartOn = input.StartOn?.ToDateTime(TimeOnly.MinValue);
        FinishOn = input.FinishOn?.ToDateTime(TimeOnly.MinValue);
        LabelIds = [.. input.LabelIds];
        Info = input.Info;
    }

    /// <summary>Takes the customer the user picked: a contact of another company no longer fits and is cleared.</summary>
    public void ChooseCompany(CompanyOption? company)
    {
        Company = company;
        if (Contact is { } contact && !contact.FitsWith(company))
        {
            Contact = null;
        }
    }

    /// <summary>Takes the contact the user picked; a person of a company brings that company along when none is chosen yet.</summary>
    public void ChooseContact(PersonOption? contact)
    {
        Contact = contact;
        if (Company is null && contact?.Company is { } company)
        {
            Company = company;
        }
    }

    /// <summary>
    /// Asks the domain's rules about every field at once, so each field shows its own message: the amounts as read in
    /// <paramref name="culture"/>, then the project's own check of its details (co-leader, period) at the field it names.
    /// </summary>
    public Dictionary<string, string> Validate(IStringLocalizer text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new Dictionary<string, string>();
        if (ReadAmount(BudgetText, nameof(ProjectInput.Budget), text, culture).Error is { } budgetError)
        {
            errors[nameof(ProjectInput.Budget)] = budgetError;
        }

        if (ReadAmount(HourlyRateText, nameof(ProjectInput.HourlyRate), text, culture).Error is { } rateError)
        {
            errors[nameof(ProjectInput.HourlyRate)] = rateError;
        }

        void Check(string field, Action rule)
        {
            if (!errors.ContainsKey(field) && text.Check(rule) is { } error)
            {
                errors[field] = error;
            }
        }

        Check(nameof(Name), () => Text.Required(Name, nameof(Name)));
        Check(nameof(LeaderUserId), () => Text.Required(LeaderUserId, nameof(LeaderUserId)));
        Check(nameof(Info), () => Text.Optional(Info, nameof(Info), Text.LongTextMaxLength));
        if (errors.Count == 0)
        {
            try
            {
                ToInput(culture).Details.Checked(Currency.Parse(CurrencyCode));
            }
            catch (DomainException error)
            {
                errors[FieldOf(error.Field)] = error.Describe(text);
            }
        }

        return errors;
    }

    /// <summary>The form's field for a field the domain or a use case names.</summary>
    public static string FieldOf(string field) => field switch
    {
        nameof(ProjectInput.CompanyId) => nameof(Company),
        nameof(ProjectInput.ContactPersonId) => nameof(Contact),
        "Labels" => nameof(LabelIds),
        _ => field,
    };

    /// <summary>
    /// Reads a written amount in the project's currency (a currency named with it must be the project's). The error is
    /// null when the text is empty or an amount the project can take.
    /// </summary>
    public (decimal? Amount, string? Error) ReadAmount(string written, string field, IStringLocalizer text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(written))
        {
            return (null, null);
        }

        var read = MoneyText.Read(written, culture);
        if (!read.IsValid)
        {
            return (null, read.ToException(field).Describe(text));
        }

        if (read.Currency is { } named && named.Code != CurrencyCode)
        {
            return (null, text["ProjectDialog.OtherCurrency", CurrencyCode]);
        }

        return text.Check(() => Money.Revenue(read.Amount, Currency.Parse(CurrencyCode), field)) is { } error
            ? (null, error)
            : (read.Amount, null);
    }

    /// <summary>Everything the user can type or pick, as one comparable text (the dialog asks before discarding a change).</summary>
    public string InputState() => string.Join('\u001f',
        Name.Trim(), Company?.Id, Contact?.Id, LeaderUserId, CoLeaderUserId, CurrencyCode, Billing, BudgetText.Trim(), HourlyRateText.Trim(),
        StartOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), FinishOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        string.Join(',', LabelIds.Order()), Info?.Trim());

    /// <summary>The use case's input; amounts that do not read are left out (<see cref="Validate"/> says why first).</summary>
    public ProjectInput ToInput(CultureInfo culture) => new()
    {
        Name = Name,
        CompanyId = Company?.Id,
        ContactPersonId = Contact?.Id,
        LeaderUserId = LeaderUserId,
        CoLeaderUserId = string.IsNullOrEmpty(CoLeaderUserId) ? null : CoLeaderUserId,
        CurrencyCode = CurrencyCode,
        Billing = Billing,
        Budget = MoneyText.TryParse(BudgetText, culture, out var budget, out _) ? budget : null,
        HourlyRate = MoneyText.TryParse(HourlyRateText, culture, out var rate, out _) ? rate : null,
        StartOn = StartOn is { } start ? DateOnly.FromDateTime(start) : null,
        FinishOn = FinishOn is { } finish ? DateOnly.FromDateTime(finish) : null,
        LabelIds = [.. LabelIds],
        Info = Info,
    };
}
