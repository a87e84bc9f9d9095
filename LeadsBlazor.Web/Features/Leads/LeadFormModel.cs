using System.Globalization;
using LeadsBlazor.Domain.Common;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Features.Leads;

/// <summary>The lead form's fields as the user edits them; <see cref="Validate"/> asks the domain's rules about each field.</summary>
public sealed class LeadFormModel
{
    public string Name { get; set; } = "";

    public string? Company { get; set; }

    public string? Contact { get; set; }

    public string ResponsibleUserId { get; set; } = "";

    /// <summary>The revenue as the user wrote it ("5.000", "CHF 3'500"); empty means none yet.</summary>
    public string RevenueText { get; set; } = "";

    /// <summary>The amount last read from <see cref="RevenueText"/> by <see cref="ReadRevenue"/>.</summary>
    public decimal Revenue { get; private set; }

    public string Currency { get; set; } = "EUR";

    public DateTime? NextActionOn { get; set; }

    public string? NextAction { get; set; }

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
            try
            {
                rule();
            }
            catch (DomainException error)
            {
                errors[field] = Components.Shared.DomainErrors.Describe(error, text);
            }
        }

        Check(nameof(Name), () => Text.Required(Name, nameof(Name)));
        Check(nameof(Company), () => Text.Optional(Company, nameof(Company)));
        Check(nameof(Contact), () => Text.Optional(Contact, nameof(Contact)));
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

        return errors;
    }

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

    public LeadInput ToInput() => new()
    {
        Name = Name,
        NewCompanyName = Company,
        NewContactName = Contact,
        ResponsibleUserId = ResponsibleUserId,
        Revenue = Revenue,
        Currency = Currency,
        NextActionOn = NextActionOn is { } date ? DateOnly.FromDateTime(date) : null,
        NextAction = NextAction,
        StageId = StageId,
        LabelIds = LabelIds,
        Info = Info,
    };
}
