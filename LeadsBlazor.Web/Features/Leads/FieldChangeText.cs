using System.Globalization;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Components.Shared;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Features.Leads;

/// <summary>A <see cref="FieldChange"/> as the reader says it: "Ben: Nächste Aktion 02.12.2026 → 05.12.2026".</summary>
public static class FieldChangeText
{
    private static readonly string[] DateFields = [nameof(Lead.NextActionOn), nameof(Lead.ClosedOn), nameof(Lead.ServiceFrom), nameof(Lead.ServiceTo)];

    public static string Describe(FieldChange change, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(text);
        return change.Kind is LeadEventKind.FieldChanged or LeadEventKind.StatusChanged or LeadEventKind.StageChanged or LeadEventKind.ResponsibleChanged
            ? text["Conflict.Change", change.UserName, text[$"Field.{change.Field}"], Value(change.Field, change.Old, text), Value(change.Field, change.New, text)]
            : text["Conflict.Other", change.UserName, text[$"History.{change.Kind}", change.New ?? change.Old ?? ""]];
    }

    /// <summary>A recorded value in the reader's words: status names translated, dates and money in their culture, "—" for none.</summary>
    public static string Value(string? field, string? value, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (value is null)
        {
            return "—";
        }

        if (field == nameof(Lead.Status) && Enum.TryParse<LeadStatus>(value, out var status))
        {
            return text[$"Status.{status}"];
        }

        if (DateFields.Contains(field) && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Formats.Date(date);
        }

        // The history writes money as "12000.00 EUR".
        if (field == nameof(Lead.Revenue) && value.Split(' ') is [var amount, var currency]
            && decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return Formats.Money(number, currency, 2);
        }

        return value;
    }
}
