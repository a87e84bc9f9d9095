using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Offers;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace LeadsBlazor.Web.Features.Excel;

/// <summary>
/// Writes the offer list as it is filtered and sorted on screen, every row, as an .xlsx sheet: headers in the user's language,
/// amounts as numbers in the offer's own currency (named in its own column), dates as dates.
/// </summary>
public sealed class OfferExport(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account, IStringLocalizer<SharedResource> text)
{
    /// <summary>The columns in the sheet's order; a header is the text "Offers.Sheet.{key}".</summary>
    private static readonly ExportColumn[] Columns =
    [
        new("Number", "Offers.Sheet.Number", 14),
        new("Title", "Offers.Sheet.Title", 32),
        new("Lead", "Offers.Sheet.Lead", 28),
        new("Customer", "Offers.Sheet.Customer", 28),
        new("Status", "Offers.Sheet.Status", 14),
        new("Date", "Offers.Sheet.Date", 12, LeadSheet.DateFormat),
        new("ValidUntil", "Offers.Sheet.ValidUntil", 12, LeadSheet.DateFormat),
        new("Net", "Offers.Sheet.Net", 14, LeadSheet.MoneyFormat),
        new("Gross", "Offers.Sheet.Gross", 14, LeadSheet.MoneyFormat),
        new("Currency", "Offers.Sheet.Currency", 10),
        new("Responsible", "Offers.Sheet.Responsible", 22),
    ];

    /// <summary>The download's name, "offers-2026-12-01.xlsx", dated in the account's time zone; known before the first row.</summary>
    public async Task<string> FileNameAsync(CancellationToken cancellationToken = default) =>
        $"offers-{await account.TodayAsync(cancellationToken):yyyy-MM-dd}.xlsx";

    /// <summary>Writes the sheet.</summary>
    public async Task WriteAsync(OfferFilter filter, string? sortBy, bool descending, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var statuses = Enum.GetValues<Domain.Offers.OfferStatus>().ToDictionary(s => s, s => text[$"OfferStatus.{s}"].Value);
        // The rows stream from one query straight into the sheet, so memory stays flat however many offers there are.
        var rows = OfferListQuery.Rows(db, OfferListQuery.Sort(filter.Apply(db.Offers.AsNoTracking()), sortBy, descending))
            .AsAsyncEnumerable()
            .Select(row => new Dictionary<string, object?>
            {
                ["Number"] = row.Number,
                ["Title"] = row.Title,
                ["Lead"] = row.LeadName,
                ["Customer"] = row.Customer,
                ["Status"] = statuses[row.Status],
                ["Date"] = row.Date.ToDateTime(TimeOnly.MinValue),
                ["ValidUntil"] = row.ValidUntil.ToDateTime(TimeOnly.MinValue),
                ["Net"] = row.Net.Amount,
                ["Gross"] = row.Gross.Amount,
                ["Currency"] = row.CurrencyCode,
                ["Responsible"] = row.Responsible,
            });
        await output.SaveAsAsync(rows, sheetName: text["Offers.Page.Title"], excelType: ExcelType.XLSX, configuration: ExportSheet.Configuration(text, Columns), cancellationToken: cancellationToken);
    }
}
