using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Features.Excel;

/// <summary>The columns of the lead sheet, the one layout that export writes and import reads (Rule 10).</summary>
public enum LeadColumn
{
    Id,
    Name,
    Status,
    Stage,
    Probability,
    Revenue,
    Currency,
    RevenueInAccountCurrency,
    Weighted,
    Responsible,
    NextActionOn,
    NextAction,
    Due,
    Customer,
    Contact,
    Labels,
    ServiceFrom,
    ServiceTo,
    Created,
    ClosedOn,
    Reason,
    Explanation,
    Info,
}

/// <summary>
/// A column of the sheet: its header (in the user's language), width and number format. Import reads
/// only the columns a person enters; the figures the app computes (weighted revenue, due, …) are written, never read.
/// </summary>
public sealed record SheetColumn(LeadColumn Key, int Width, string? Format = null)
{
    public string HeaderKey => LeadSheet.HeaderKeyOf(Key);
}

public static class LeadSheet
{
    public const string DateFormat = "yyyy-mm-dd";
    public const string MoneyFormat = "#,##0.00";

    public static IReadOnlyList<SheetColumn> Columns { get; } =
    [
        new(LeadColumn.Id, 8),
        new(LeadColumn.Name, 32),
        new(LeadColumn.Status, 16),
        new(LeadColumn.Stage, 18),
        new(LeadColumn.Probability, 12, "0"),
        new(LeadColumn.Revenue, 16, MoneyFormat),
        new(LeadColumn.Currency, 10),
        new(LeadColumn.RevenueInAccountCurrency, 18, MoneyFormat),
        new(LeadColumn.Weighted, 16, MoneyFormat),
        new(LeadColumn.Responsible, 20),
        new(LeadColumn.NextActionOn, 14, DateFormat),
        new(LeadColumn.NextAction, 30),
        new(LeadColumn.Due, 10),
        new(LeadColumn.Customer, 28),
        new(LeadColumn.Contact, 22),
        new(LeadColumn.Labels, 24),
        new(LeadColumn.ServiceFrom, 14, DateFormat),
        new(LeadColumn.ServiceTo, 14, DateFormat),
        new(LeadColumn.Created, 14, DateFormat),
        new(LeadColumn.ClosedOn, 14, DateFormat),
        new(LeadColumn.Reason, 22),
        new(LeadColumn.Explanation, 40),
        new(LeadColumn.Info, 40),
    ];

    /// <summary>
    /// Header text → column, in German and English and as the column's key: a sheet exported in one
    /// language imports for a user of the other.
    /// </summary>
    public static IReadOnlyDictionary<string, LeadColumn> HeaderLookup(IStringLocalizer text) =>
        NamesInEveryLanguage(text, Columns.Select(c => c.Key), HeaderKeyOf);

    /// <summary>The resource key of a column's header.</summary>
    public static string HeaderKeyOf(LeadColumn column) => $"Sheet.{column}";

    /// <summary>Each value by its text in every supported language and by its own name, ignoring case: what a person may have typed.</summary>
    public static IReadOnlyDictionary<string, T> NamesInEveryLanguage<T>(IStringLocalizer text, IEnumerable<T> values, Func<T, string> textKey)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(text);
        var all = values.ToList();
        var lookup = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var culture in Preferences.Preferences.SupportedCultures)
        {
            using var _ = Preferences.Preferences.Use(culture);
            foreach (var value in all)
            {
                lookup[text[textKey(value)].Value.Trim()] = value;
            }
        }

        foreach (var value in all)
        {
            lookup[value.ToString()] = value;
        }

        return lookup;
    }
}
