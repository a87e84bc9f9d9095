using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Features.Outcomes;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace LeadsBlazor.Web.Features.Excel;

/// <summary>
/// Writes the outcome analysis of a period and view filter as an .xlsx file, one sheet per breakdown (reason, stage, responsible
/// user), each row as the page's table shows it: counts and revenue per outcome as numbers, in the account currency (named in its column).
/// </summary>
public sealed class OutcomeExport(OutcomeQuery query, IStringLocalizer<SharedResource> text)
{
    private const string PercentFormat = "0%";

    /// <summary>The columns in the sheet's order; the same on every sheet, whose name says what the first column groups by.</summary>
    private static readonly ExportColumn[] Columns =
    [
        new("Group", "Outcomes.Column.Group", 28),
        new("Won", "Outcomes.Column.Won", 12),
        new("WonRevenue", "Outcomes.Column.WonRevenue", 16, LeadSheet.MoneyFormat),
        new("Lost", "Outcomes.Column.Lost", 12),
        new("LostRevenue", "Outcomes.Column.LostRevenue", 16, LeadSheet.MoneyFormat),
        new("Dropped", "Outcomes.Column.Dropped", 14),
        new("DroppedRevenue", "Outcomes.Column.DroppedRevenue", 18, LeadSheet.MoneyFormat),
        new("Count", "Outcomes.Column.Count", 12),
        new("Revenue", "Outcomes.Column.Revenue", 16, LeadSheet.MoneyFormat),
        new("Share", "Outcomes.Column.Share", 12, PercentFormat),
        new("RevenueShare", "Outcomes.Column.RevenueShare", 14, PercentFormat),
        new("WinRate", "Outcomes.Column.WinRate", 12, PercentFormat),
        new("Currency", "Outcomes.Column.Currency", 10),
    ];

    /// <summary>The download's name, "outcomes-2026-01-01-2026-12-31.xlsx", after the period.</summary>
    public static string FileName(OutcomePeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return $"outcomes-{OutcomePeriod.Format(period.From)}-{OutcomePeriod.Format(period.To)}.xlsx";
    }

    /// <summary>Writes the sheets, one per breakdown.</summary>
    public async Task WriteAsync(LeadFilter filter, OutcomePeriod period, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var views = await query.GetAsync(filter, period, Enum.GetValues<OutcomeBreakdown>(), cancellationToken);
        var sheets = views.ToDictionary(v => text[$"Outcomes.By.{v.By}"].Value, v => (object)Rows(v).ToList());
        await output.SaveAsAsync(sheets, excelType: ExcelType.XLSX, configuration: ExportSheet.Configuration(text, Columns), cancellationToken: cancellationToken);
    }

    private IEnumerable<Dictionary<string, object?>> Rows(OutcomeView view)
    {
        var total = view.Total;
        return view.Rows.Select(row => new Dictionary<string, object?>
        {
            ["Group"] = row.DisplayName(text),
            ["Won"] = row.Tally.Won,
            ["WonRevenue"] = row.Tally.WonRevenue,
            ["Lost"] = row.Tally.Lost,
            ["LostRevenue"] = row.Tally.LostRevenue,
            ["Dropped"] = row.Tally.Dropped,
            ["DroppedRevenue"] = row.Tally.DroppedRevenue,
            ["Count"] = row.Tally.Count,
            ["Revenue"] = row.Tally.Revenue,
            ["Share"] = Fraction(row.Tally.ShareOf(total)),
            ["RevenueShare"] = Fraction(row.Tally.RevenueShareOf(total)),
            ["WinRate"] = Fraction(row.Tally.WinPercent),
            ["Currency"] = view.Currency,
        });
    }

    // Excel shows a fraction as a percentage with the format; a missing rate stays an empty cell.
    private static decimal? Fraction(int? percent) => percent / 100m;
}
