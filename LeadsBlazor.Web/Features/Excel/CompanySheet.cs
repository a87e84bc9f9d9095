using Microsoft.Extensions.Localization;
using MiniExcelLibs.OpenXml;

namespace LeadsBlazor.Web.Features.Excel;

/// <summary>The columns of the company sheet, the one layout that the company export writes and the company import reads.</summary>
public enum CompanyColumn
{
    Number,
    Name,
    Street,
    Postcode,
    City,
    CountryCode,
    Website,
    Phone,
    Email,
    DefaultCurrency,
    Labels,
    Notes,
    Contact,
}

/// <summary>One data row of a company sheet as read: the texts of the columns the sheet has.</summary>
public sealed class CompanyImportRow
{
    public required int RowNumber { get; init; }

    public required IReadOnlyDictionary<string, object?> Cells { get; init; }

    /// <summary>Whether the sheet has the column at all: a sheet without a column leaves that field of the company alone.</summary>
    public bool Has(CompanyColumn column) => Cells.ContainsKey(column.ToString());

    public string? this[CompanyColumn column] => ImportSheet.CellText(Cells.GetValueOrDefault(column.ToString()));

    public string Name => this[CompanyColumn.Name] ?? "";

    public string? Number => this[CompanyColumn.Number];

    public IReadOnlyList<string> Labels =>
        [.. (this[CompanyColumn.Labels] ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];
}

public static class CompanySheet
{
    /// <summary>The columns in the sheet's order, with their widths.</summary>
    public static IReadOnlyList<(CompanyColumn Key, int Width)> Columns { get; } =
    [
        (CompanyColumn.Number, 12),
        (CompanyColumn.Name, 32),
        (CompanyColumn.Street, 28),
        (CompanyColumn.Postcode, 10),
        (CompanyColumn.City, 20),
        (CompanyColumn.CountryCode, 8),
        (CompanyColumn.Website, 26),
        (CompanyColumn.Phone, 18),
        (CompanyColumn.Email, 26),
        (CompanyColumn.DefaultCurrency, 10),
        (CompanyColumn.Labels, 24),
        (CompanyColumn.Notes, 40),
        (CompanyColumn.Contact, 24),
    ];

    public static string HeaderKeyOf(CompanyColumn column) => $"CompanySheet.{column}";

    /// <summary>Header text → column, in German and English and as the column's key: a sheet exported in one language imports for a user of the other.</summary>
    public static IReadOnlyDictionary<string, CompanyColumn> HeaderLookup(IStringLocalizer text) =>
        LeadSheet.NamesInEveryLanguage(text, Columns.Select(c => c.Key), HeaderKeyOf);

    /// <summary>The sheet's columns with their headers in the user's language and widths; frozen bold header row with a filter.</summary>
    public static OpenXmlConfiguration Configuration(IStringLocalizer text) =>
        ExportSheet.Configuration(text, Columns.Select(c => new ExportColumn(c.Key.ToString(), HeaderKeyOf(c.Key), c.Width)));

    /// <summary>Reads a company sheet with the file checks and limits every import has.</summary>
    public static IReadOnlyList<CompanyImportRow> Read(this ImportSheet sheet, Stream xlsx, IStringLocalizer text, out IReadOnlyList<string> fileErrors, out IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return sheet.Read(xlsx, HeaderLookup(text), CompanyColumn.Name, (rowNumber, cells) => new CompanyImportRow { RowNumber = rowNumber, Cells = cells }, out fileErrors, out notes);
    }
}
