using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Components.Shared;

/// <summary>
/// A period as the reader writes dates: "01.03.2027 – 30.06.2027", "ab 01.03.2027", "bis 30.06.2027" — a lead's service
/// period and a project's start and finish read the same everywhere.
/// </summary>
public static class PeriodText
{
    /// <summary>The period, or null when neither end is set (each view shows that its own way).</summary>
    public static string? Of(DateOnly? from, DateOnly? to, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return (from, to) switch
        {
            ({ } start, { } end) => text["Lead.ServicePeriodRange", Formats.Date(start), Formats.Date(end)].Value,
            ({ } start, null) => text["Lead.ServicePeriodFrom", Formats.Date(start)].Value,
            (null, { } end) => text["Lead.ServicePeriodTo", Formats.Date(end)].Value,
            _ => null,
        };
    }
}
