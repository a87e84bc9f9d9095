using System.Globalization;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Web.Components.Shared;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Features.Leads;

/// <summary>
/// A history event as a person reads it (Rule 7): the field's name, and old → new in the reader's language and
/// formats. Events keep dates as ISO text and money as invariant numbers, so they are formatted here, at reading
/// time, by field. The lead page's history and the import preview both use it.
/// </summary>
public static class HistoryFormat
{
    private const string Missing = "—";

    public static string Describe(IStringLocalizer text, LeadEventKind kind, string? field, string? oldValue, string? newValue)
    {
        ArgumentNullException.ThrowIfNull(text);
        return kind switch
        {
            LeadEventKind.Created => text["History.Created", Value(text, nameof(Lead.Status), newValue)],
            LeadEventKind.StatusChanged or LeadEventKind.StageChanged or LeadEventKind.FieldChanged or LeadEventKind.ResponsibleChanged =>
                text["History.Changed", FieldName(text, field), Value(text, field, oldValue), Value(text, field, newValue)],
            LeadEventKind.OfferChanged => Offer(text, field ?? "", oldValue, newValue),
            LeadEventKind.ProjectCreated => text["History.ProjectCreated", field ?? "", newValue ?? ""],
            LeadEventKind.Snoozed => text["History.Snoozed", Value(text, nameof(Lead.NextActionOn), newValue)],
            _ => text[$"History.{kind}", newValue ?? oldValue ?? ""],
        };
    }

    // An offer's step names its number and its status before and after; a new offer has no status before, a variant
    // the number it was copied from (see Offer).
    private static string Offer(IStringLocalizer text, string number, string? from, string? to) =>
        (from, to) switch
        {
            (_, Domain.Offers.Offer.Deleted) => text["History.OfferDeleted", number],
            (null, _) => text["History.OfferCreated", number],
            (_, _) when !Enum.GetNames<OfferStatus>().Contains(from) => text["History.OfferVariant", number, from],
            _ => text["History.OfferStatus", number, OfferStatusName(text, from), OfferStatusName(text, to)],
        };

    public static string OfferStatusName(IStringLocalizer text, string? status)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Enum.TryParse<OfferStatus>(status, out var parsed) && Enum.IsDefined(parsed) ? text[$"OfferStatus.{parsed}"] : status ?? Missing;
    }

    public static string FieldName(IStringLocalizer text, string? field)
    {
        ArgumentNullException.ThrowIfNull(text);
        return field switch
        {
            HistoryFields.Responsible or HistoryFields.LegacyResponsibleUserId => text["Field.ResponsibleUserId"],
            HistoryFields.CloseReason or HistoryFields.LegacyCloseReasonId => text["Field.CloseReasonId"],
            _ => text[$"Field.{field}"],
        };
    }

    public static string Value(IStringLocalizer text, string? field, string? value)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (value is null)
        {
            return Missing;
        }

        return field switch
        {
            nameof(Lead.Status) when Enum.TryParse<LeadStatus>(value, out var status) => text[$"Status.{status}"],
            nameof(Lead.NextActionOn) or nameof(Lead.ClosedOn) or nameof(Lead.ServiceFrom) or nameof(Lead.ServiceTo)
                when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => Formats.Date(date),
            nameof(Lead.Revenue) when value.Split(' ') is [var amount, var code]
                && decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => Formats.Money(parsed, code, 2),
            _ => value,
        };
    }
}
