using System.Globalization;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Components.Shared;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MiniExcelLibs;

namespace LeadsBlazor.Web.Features.Excel;

/// <summary>A cell that could not be read: which row, which column, why (in the user's language).</summary>
public sealed record CellError(int Row, string Column, string Message);

/// <summary>One data row of an import file as read: typed values, or the reasons a cell could not be read.</summary>
public sealed class ImportedRow
{
    public required int RowNumber { get; init; }

    public required IReadOnlyDictionary<string, object?> Cells { get; init; }

    /// <summary>Whether the sheet has the column at all: a sheet without a column leaves that field of the lead alone.</summary>
    public bool Has(LeadColumn column) => Cells.ContainsKey(column.ToString());

    public List<CellError> Errors { get; } = [];

    public int? Id { get; set; }

    public string Name { get; set; } = "";

    public LeadStatus? Status { get; set; }

    public string? Stage { get; set; }

    public decimal Revenue { get; set; }

    public string? Currency { get; set; }

    public string? Responsible { get; set; }

    public DateOnly? NextActionOn { get; set; }

    public string? NextAction { get; set; }

    public string? Customer { get; set; }

    public string? Contact { get; set; }

    public IReadOnlyList<string> Labels { get; set; } = [];

    public string? Info { get; set; }

    public DateOnly? ServiceFrom { get; set; }

    public DateOnly? ServiceTo { get; set; }
}

/// <summary>
/// Reads an .xlsx in the export's layout (headers in German or English) into <see cref="ImportedRow"/>s.
/// Numbers and dates are taken as Excel stores them or as text in either language's writing; a cell
/// that is neither is named with its row and column, and the rest of the row is still read. Before MiniExcel
/// sees the file, <see cref="WorkbookCheck"/> holds it to the <see cref="ImportOptions"/> limits.
/// </summary>
public sealed class ImportSheet(IStringLocalizer<SharedResource> text, IOptions<ImportOptions> options)
{
    // Enough of the unknown columns to recognise the sheet by; a name is cut where nobody reads on.
    private const int UnknownColumnsNamed = 5;
    private const int HeaderShownLength = 40;

    public IReadOnlyList<ImportedRow> Read(Stream xlsx, out IReadOnlyList<string> fileErrors) => Read(xlsx, out fileErrors, out _);

    /// <summary>Reads the rows; <paramref name="fileErrors"/> stop the import, <paramref name="notes"/> (the columns it ignores) do not.</summary>
    public IReadOnlyList<ImportedRow> Read(Stream xlsx, out IReadOnlyList<string> fileErrors, out IReadOnlyList<string> notes)
    {
        var statuses = LeadSheet.NamesInEveryLanguage(text, Enum.GetValues<LeadStatus>(), status => $"Status.{status}");
        return Read(xlsx, LeadSheet.HeaderLookup(text), LeadColumn.Name, (rowNumber, cells) => Parse(rowNumber, cells, statuses), out fileErrors, out notes);
    }

    /// <summary>
    /// Reads a sheet of any layout: <paramref name="lookup"/> maps its headers to columns, <paramref name="parse"/> makes a row of
    /// each non-empty line's cells (keyed by the column's name). The file's checks and limits, the header checks and the notes on
    /// unknown columns are the same for every sheet the app imports.
    /// </summary>
    public IReadOnlyList<TRow> Read<TColumn, TRow>(Stream xlsx, IReadOnlyDictionary<string, TColumn> lookup, TColumn nameColumn, Func<int, Dictionary<string, object?>, TRow> parse,
        out IReadOnlyList<string> fileErrors, out IReadOnlyList<string> notes)
        where TColumn : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(parse);
        var ignoredColumns = new List<string>();
        notes = ignoredColumns;
        var rows = new List<TRow>();
        var errors = new List<string>();
        fileErrors = errors;
        var findings = WorkbookCheck.Check(xlsx, options.Value);
        if (findings.Problem is { } problem)
        {
            errors.Add(text[problem.Key, problem.Values]);
            return rows;
        }

        // MiniExcel keeps one of two equal headers and drops the other column without a word.
        if (findings.Headers.Select(h => h.Trim()).Where(h => h.Length > 0).GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            errors.Add(text["Import.DuplicateHeader", Shown(repeated.Key)]);
            return rows;
        }

        IEnumerable<IDictionary<string, object?>> data;
        try
        {
            data = xlsx.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>();
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or NotSupportedException or System.Xml.XmlException)
        {
            errors.Add(text["Import.NotXlsx"]);
            return rows;
        }

        var rowNumber = 1;
        try
        {
            foreach (var raw in data)
            {
                rowNumber++;
                if (rows.Count == 0 && rowNumber == 2)
                {
                    var unknown = raw.Keys.Where(h => !string.IsNullOrWhiteSpace(h) && !lookup.ContainsKey(h.Trim())).ToList();
                    if (!raw.Keys.Any(h => lookup.TryGetValue(h.Trim(), out var c) && EqualityComparer<TColumn>.Default.Equals(c, nameColumn)))
                    {
                        errors.Add(text["Import.NoNameColumn"]);
                        return rows;
                    }

                    if (unknown.Count > 0)
                    {
                        var named = string.Join(", ", unknown.Take(UnknownColumnsNamed).Select(Shown)) + (unknown.Count > UnknownColumnsNamed ? " …" : "");
                        ignoredColumns.Add(text.Plural(unknown.Count, "Import.UnknownColumnsOne", "Import.UnknownColumns", unknown.Count.ToString("N0", CultureInfo.CurrentCulture), named));
                    }

                    var twice = raw.Keys.Where(h => lookup.ContainsKey(h.Trim())).GroupBy(h => lookup[h.Trim()]).Where(g => g.Count() > 1).ToList();
                    if (twice.Count > 0)
                    {
                        errors.AddRange(twice.Select(g => text["Import.ColumnTwice", string.Join(", ", g)].Value));
                        return rows;
                    }
                }

                if (raw.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s))))
                {
                    continue;
                }

                var cells = raw.Where(p => lookup.ContainsKey(p.Key.Trim())).ToDictionary(p => lookup[p.Key.Trim()].ToString(), p => p.Value);
                rows.Add(parse(rowNumber, cells));
            }
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or System.Xml.XmlException
            or FormatException or OverflowException or IndexOutOfRangeException or ArgumentException or KeyNotFoundException)
        {
            // A sheet that breaks halfway is refused whole: half a file imported would be worse than none.
            rows.Clear();
            errors.Add(text["Import.NotXlsx"]);
        }

        return rows;
    }

    /// <summary>A cell as text, as a person wrote it: trimmed, null when empty; a number (a postcode typed as one) in invariant digits.</summary>
    public static string? CellText(object? cell) => cell switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var o => o.ToString(),
    };

    private static string Shown(string header) => header.Length > HeaderShownLength ? header[..HeaderShownLength] + "…" : header;

    public string Header(LeadColumn column) => text[LeadSheet.HeaderKeyOf(column)];

    private ImportedRow Parse(int rowNumber, Dictionary<string, object?> cells, IReadOnlyDictionary<string, LeadStatus> statuses)
    {
        var row = new ImportedRow { RowNumber = rowNumber, Cells = cells };
        object? Cell(LeadColumn c) => cells.GetValueOrDefault(c.ToString());
        string? Text(LeadColumn c) => CellText(Cell(c));
        void Fail(LeadColumn c, string key, params object[] values) => row.Errors.Add(new CellError(rowNumber, Header(c), text[key, values]));

        // A typed cell: empty stays null, a value that does not read as T is the cell's error.
        T? Read<T>(LeadColumn c, Func<object?, T?> read, string errorKey)
            where T : struct
        {
            if (Text(c) is not { } written)
            {
                return null;
            }

            var value = read(Cell(c));
            if (value is null)
            {
                Fail(c, errorKey, written);
            }

            return value;
        }

        if (Text(LeadColumn.Id) is { } id)
        {
            if (ToDecimal(Cell(LeadColumn.Id)) is { } number && number == decimal.Truncate(number) && number is > 0 and <= int.MaxValue)
            {
                row.Id = (int)number;
            }
            else
            {
                Fail(LeadColumn.Id, "Import.NotAnId", id);
            }
        }

        row.Name = Text(LeadColumn.Name) ?? "";
        if (Text(LeadColumn.Status) is { } status)
        {
            if (statuses.TryGetValue(status, out var parsed))
            {
                row.Status = parsed;
            }
            else
            {
                Fail(LeadColumn.Status, "Import.UnknownStatus", status);
            }
        }

        row.Stage = Text(LeadColumn.Stage);
        row.Currency = Text(LeadColumn.Currency);
        if (Cell(LeadColumn.Revenue) is string written && !string.IsNullOrWhiteSpace(written))
        {
            // Text is read as the form reads it; a currency it names fills an empty currency column.
            var read = MoneyText.Read(written, CultureInfo.CurrentCulture);
            if (!read.IsValid)
            {
                Fail(LeadColumn.Revenue, read.ErrorKey!, [.. read.Arguments]);
            }
            else if (read.Currency is { } named && row.Currency is { } column && !string.Equals(column, named.Code, StringComparison.OrdinalIgnoreCase))
            {
                Fail(LeadColumn.Revenue, "Import.RevenueCurrencyDiffers", written.Trim(), named.Code, column);
            }
            else
            {
                row.Revenue = read.Amount;
                row.Currency ??= read.Currency?.Code;
            }
        }
        else
        {
            row.Revenue = Read(LeadColumn.Revenue, ToDecimal, "Import.NotANumber") ?? row.Revenue;
        }

        row.Responsible = Text(LeadColumn.Responsible);
        row.NextActionOn = Read(LeadColumn.NextActionOn, ToDate, "Import.NotADate");

        row.NextAction = Text(LeadColumn.NextAction);
        row.Customer = Text(LeadColumn.Customer);
        row.Contact = Text(LeadColumn.Contact);
        row.Labels = [.. (Text(LeadColumn.Labels) ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];
        row.Info = Text(LeadColumn.Info);
        row.ServiceFrom = Read(LeadColumn.ServiceFrom, ToDate, "Import.NotADate");
        row.ServiceTo = Read(LeadColumn.ServiceTo, ToDate, "Import.NotADate");
        return row;
    }

    private static decimal? ToDecimal(object? value) => value switch
    {
        decimal d => d,
        double d when double.IsFinite(d) && Math.Abs(d) < 1e15 => (decimal)d,
        int i => i,
        long l => l,
        string s when MoneyText.TryParse(s, CultureInfo.CurrentCulture, out var d, out _) => d,
        _ => null,
    };

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d.M.yyyy", "dd.MM.yyyy", "M/d/yyyy", "MM/dd/yyyy", "yyyy-MM-dd HH:mm:ss"];

    private static DateOnly? ToDate(object? value) => value switch
    {
        DateTime d => DateOnly.FromDateTime(d),
        DateTimeOffset d => DateOnly.FromDateTime(d.Date),
        double d when d is > 1 and < 2_958_465 => DateOnly.FromDateTime(DateTime.FromOADate(d)),
        string s when DateTime.TryParseExact(s.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => DateOnly.FromDateTime(d),
        _ => null,
    };
}
