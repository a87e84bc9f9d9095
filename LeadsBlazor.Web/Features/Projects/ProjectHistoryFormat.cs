using System.Globalization;
using LeadsBlazor.Domain.Projects;
using LeadsBlazor.Web.Components.Shared;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Features.Projects;

/// <summary>
/// A project's history event as a person reads it (Rule 7): the field's name and old → new in the reader's language and
/// formats. The project keeps dates as ISO text, amounts as invariant numbers in its own currency and its status and
/// billing as names, so they are turned into words here, at reading time.
/// </summary>
public static class ProjectHistoryFormat
{
    private const string Missing = "—";

    public static string Describe(IStringLocalizer text, ProjectHistoryEntry entry, string currencyCode)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Kind switch
        {
            ProjectEventKind.Created => text["ProjectHistory.Created", entry.NewValue ?? ""],
            ProjectEventKind.FieldChanged or ProjectEventKind.StatusChanged =>
                text["History.Changed", text[$"ProjectField.{entry.Field}"], Value(text, entry.Field, entry.OldValue, currencyCode), Value(text, entry.Field, entry.NewValue, currencyCode)],
            ProjectEventKind.OfferBilled => text["ProjectHistory.OfferBilled", entry.NewValue ?? ""],
            ProjectEventKind.OfferUnbilled => text["ProjectHistory.OfferUnbilled", entry.OldValue ?? ""],

            // Labels, notes and files read as on a lead: "Label hinzugefügt: Website".
            _ => text[$"History.{entry.Kind}", entry.NewValue ?? entry.OldValue ?? ""],
        };
    }

    private static string Value(IStringLocalizer text, string? field, string? value, string currencyCode)
    {
        if (value is null)
        {
            return Missing;
        }

        return field switch
        {
            nameof(Project.Status) when Enum.TryParse<ProjectStatus>(value, out var status) && Enum.IsDefined(status) => text[$"ProjectStatus.{status}"],
            nameof(Project.Billing) when Enum.TryParse<ProjectBilling>(value, out var billing) && Enum.IsDefined(billing) => text[$"ProjectBilling.{billing}"],
            nameof(Project.StartOn) or nameof(Project.FinishOn)
                when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => Formats.Date(date),
            nameof(Project.Budget) or nameof(Project.HourlyRate)
                when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) => Formats.Money(amount, currencyCode, 2),
            _ => value,
        };
    }
}
