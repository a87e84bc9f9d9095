using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Customers;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace LeadsBlazor.Web.Features.Excel;

/// <summary>
/// Writes the company list as it is filtered and sorted on screen, every row, as an .xlsx sheet in the layout the company import
/// reads. Rows come from the database in chunks, as the lead export's do, so memory stays flat.
/// </summary>
public sealed class CompanyExport(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account, IStringLocalizer<SharedResource> text)
{
    /// <summary>The download's name, "customers-2026-12-01.xlsx", dated in the account's time zone; known before the first row.</summary>
    public async Task<string> FileNameAsync(CancellationToken cancellationToken = default) =>
        $"customers-{await account.TodayAsync(cancellationToken):yyyy-MM-dd}.xlsx";

    /// <summary>Writes the sheet.</summary>
    public async Task WriteAsync(CompanyFilter filter, string? sortBy, bool descending, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await output.SaveAsAsync(Rows(db, filter, sortBy, descending, cancellationToken), sheetName: text["Page.Companies.Title"], excelType: ExcelType.XLSX,
            configuration: CompanySheet.Configuration(text), cancellationToken: cancellationToken);
    }

    // Every text goes in as a string cell, never a formula: a company named =HYPERLINK(…) stays text, as in the lead export.
    private static IEnumerable<Dictionary<string, object?>> Rows(LeadsDbContext db, CompanyFilter filter, string? sortBy, bool descending, CancellationToken cancellationToken)
    {
        var ordered = CompanyListQuery.Sort(db, filter.Apply(db.Companies.AsNoTracking()), sortBy, descending).Select(c => c.Id).ToList();
        foreach (var ids in ordered.Chunk(LeadExport.ChunkSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = db.Companies.AsNoTracking()
                .Where(c => ids.Contains(c.Id))
                .Select(c => new ExportedCompany(
                    c.Id, c.Number, c.Name, c.Street, c.Postcode, c.City, c.CountryCode, c.Website, c.Phone, c.Email, c.DefaultCurrencyCode, c.Notes,
                    c.Labels.Select(l => l.Name).ToList(),
                    c.People.OrderBy(p => p.Id).Select(p => p.Name).FirstOrDefault()))
                .AsSplitQuery()
                .ToDictionary(c => c.Id);
            foreach (var id in ids)
            {
                // A company deleted between the two reads is left out rather than failing the download.
                if (chunk.TryGetValue(id, out var company))
                {
                    yield return Row(company);
                }
            }
        }
    }

    private static Dictionary<string, object?> Row(ExportedCompany c) => new()
    {
        [nameof(CompanyColumn.Number)] = c.Number,
        [nameof(CompanyColumn.Name)] = c.Name,
        [nameof(CompanyColumn.Street)] = c.Street,
        [nameof(CompanyColumn.Postcode)] = c.Postcode,
        [nameof(CompanyColumn.City)] = c.City,
        [nameof(CompanyColumn.CountryCode)] = c.CountryCode,
        [nameof(CompanyColumn.Website)] = c.Website,
        [nameof(CompanyColumn.Phone)] = c.Phone,
        [nameof(CompanyColumn.Email)] = c.Email,
        [nameof(CompanyColumn.DefaultCurrency)] = c.DefaultCurrency,
        [nameof(CompanyColumn.Labels)] = c.Labels.Count == 0 ? null : string.Join(", ", c.Labels.Order(StringComparer.CurrentCultureIgnoreCase)),
        [nameof(CompanyColumn.Notes)] = c.Notes,
        [nameof(CompanyColumn.Contact)] = c.Contact,
    };

    private sealed record ExportedCompany(
        int Id, string Number, string Name, string? Street, string? Postcode, string? City, string? CountryCode, string? Website, string? Phone,
        string? Email, string? DefaultCurrency, string? Notes, List<string> Labels, string? Contact);
}
