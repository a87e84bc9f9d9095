using System.Globalization;
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
    Created,
    ClosedOn,
    Reason,
    Info,
}

/// <summary>
/// A column of the sheet: its header (in the user's language), width and number format, and whether
/// import reads it (figures the app computes, like the weighted revenue, are written but never read).
/// </summary>
public sealed record SheetColumn(LeadColumn Key, int Width, string? Format = null, bool Imported = true)
{
    public string HeaderKey => $"Sheet.{Key}";
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
        new(LeadColumn.Probability, 12, "0", Imported: false),
        new(LeadColumn.Revenue, 16, MoneyFormat),
        new(LeadColumn.Currency, 10),
        new(LeadColumn.RevenueInAccountCurrency, 18, MoneyFormat, Imported: false),
        new(LeadColumn.Weighted, 16, MoneyFormat, Imported: false),
        new(LeadColumn.Responsible, 20),
        new(LeadColumn.NextActionOn, 14, DateFormat),
        new(LeadColumn.NextAction, 30),
        new(LeadColumn.Due, 10, Imported: false),
        new(LeadColumn.Customer, 28),
        new(LeadColumn.Contact, 22),
        new(LeadColumn.Labels, 24),
        new(LeadColumn.Created, 14, DateFormat, Imported: false),
        new(LeadColumn.ClosedOn, 14, DateFormat, Imported: false),
        new(LeadColumn.Reason, 22, Imported: false),
        new(LeadColumn.Info, 40),
    ];

    /// <summary>
    /// Header text → column, in German and English and as the column's key: a sheet exported in one
    /// language imports for a user of the other.
    /// </summary>
    public static IReadOnlyDictionary<string, LeadColumn> HeaderLookup(IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lookup = new Dictionary<string, LeadColumn>(StringComparer.OrdinalIgnoreCase);
        foreach (var culture in Preferences.Preferences.SupportedCultures)
        {
            using var _ = new UiCulture(culture);
            foreach (var column in Columns)
            {
                lookup[text[column.HeaderKey].Value.Trim()] = column.Key;
            }
        }

        foreach (var column in Columns)
        {
            lookup[column.Key.ToString()] = column.Key;
        }

        return lookup;
    }

    /// <summary>
    /// OWASP's formula-injection advice: a text that a spreadsheet could take for a formula (=, +, -, @,
    /// tab, carriage return first) is written as a string cell; MiniExcel writes strings as such, and this
    /// names the texts a test checks.
    /// </summary>
    public static bool LooksLikeFormula(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>Switches the UI culture for a block, e.g. to read a text in another language.</summary>
    public readonly struct UiCulture : IDisposable
    {
        private readonly CultureInfo _previous;

        public UiCulture(CultureInfo culture)
        {
            _previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = culture;
        }

        public void Dispose() => CultureInfo.CurrentUICulture = _previous;
    }
}
