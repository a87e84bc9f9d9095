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

    public decimal Revenue { get; set; }

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
        Check(nameof(Revenue), () => Money.Revenue(Revenue, Domain.Common.Currency.Eur));
        Check(nameof(NextAction), () => Text.Optional(NextAction, nameof(NextAction), 500));
        Check(nameof(Info), () => Text.Optional(Info, nameof(Info), Text.LongTextMaxLength));
        if (NextActionOn is null)
        {
            errors[nameof(NextActionOn)] = text[ErrorKeys.NextActionRequired];
        }

        return errors;
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
