using System.Globalization;
using LeadsBlazor.Domain.Leads;
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
            _ => text[$"History.{kind}", newValue ?? oldValue ?? ""],
        };
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
