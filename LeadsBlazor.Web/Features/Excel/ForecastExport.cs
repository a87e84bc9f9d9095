using System.Globalization;
using LeadsBlazor.Web.Components.Shared;
using LeadsBlazor.Web.Features.Forecast;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace LeadsBlazor.Web.Features.Excel;

/// <summary>
/// Writes the forecast's table as it is filtered on screen: a row per stage, the totals and the won revenue; the columns "without period",
/// the twelve months, "later" and the total, as numbers in the account currency (named in its own column).
/// </summary>
public sealed class ForecastExport(ForecastQuery query, AccountSettingsReader account, IStringLocalizer<SharedResource> text)
{
    /// <summary>The download's address; it takes the view filters of the page's URL.</summary>
    public const string Path = "leads/forecast/export";

    /// <summary>The download's name, "forecast-2026-12-02.xlsx", dated on the day it is made (the account's today).</summary>
    public async Task<string> FileNameAsync(CancellationToken cancellationToken = default) =>
        $"forecast-{await account.TodayAsync(cancellationToken):yyyy-MM-dd}.xlsx";

    /// <summary>Writes the sheet.</summary>
    public async Task WriteAsync(LeadFilter filter, Stream output, CancellationToken cancellationToken = default)
    {
        var forecast = await query.GetAsync(filter, cancellationToken);
        var english = Formats.English;
        var months = forecast.MonthStarts.Select((month, i) => (Key: $"M{i}", Header: Formats.Month(month))).ToList();
        ExportColumn[] columns =
        [
            new("Stage", "Forecast.Stage", 24),
            new("Probability", "Forecast.Probability", 16, "0%"),
            new("WithoutPeriod", "Forecast.WithoutPeriod", 16, LeadSheet.MoneyFormat),
            .. months.Select(m => new ExportColumn(m.Key, "Forecast.Month", 12, LeadSheet.MoneyFormat)),
            new("Later", "Forecast.Later", 14, LeadSheet.MoneyFormat),
            new("Total", "Forecast.Total", 16, LeadSheet.MoneyFormat),
            new("Currency", "Forecast.Currency", 10),
        ];
        var configuration = ExportSheet.Configuration(text, columns);
        // A month's head is the month itself ("Dez 26"), not a text.
        foreach (var (key, header) in months)
        {
            configuration.DynamicColumns.Single(c => c.Key == key).Name = header;
        }

        var rows = forecast.Stages
            .Select(stage => Row(stage.DisplayName(english), stage.ProbabilityPercent / 100m, stage.WithoutPeriod, stage.Months, stage.Later, stage.Total))
            .Append(Row(text["Forecast.Total"], null, forecast.WithoutPeriod, [.. Enumerable.Range(0, months.Count).Select(forecast.Month)], forecast.Later, forecast.Total))
            .Append(Row(text["Forecast.Won"], null, null, forecast.WonMonths, null, forecast.WonMonths.Sum()));

        Dictionary<string, object?> Row(string name, decimal? probability, decimal? withoutPeriod, IReadOnlyList<decimal> amounts, decimal? later, decimal total)
        {
            var row = new Dictionary<string, object?> { ["Stage"] = name, ["Probability"] = probability, ["WithoutPeriod"] = withoutPeriod };
            for (var i = 0; i < months.Count; i++)
            {
                row[months[i].Key] = amounts[i];
            }

            row["Later"] = later;
            row["Total"] = total;
            row["Currency"] = forecast.Currency;
            return row;
        }

        await output.SaveAsAsync(rows, sheetName: text["Forecast.Title"], excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: cancellationToken);
    }
}
