using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Forecast;
using LeadsBlazor.Web.Features.Labels;
using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.AspNetCore.Mvc.Testing;
using MiniExcelLibs;

namespace LeadsBlazor.Tests.Features.Excel;

/// <summary>The forecast's table as an .xlsx download: the same figures as the page for the same filter (Rule 15).</summary>
public abstract class ForecastExportTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?>
    {
        ["Reminders:BackgroundScan"] = "false",
        ["Forecast:BackgroundSnapshots"] = "false",
    }, provider: provider);

    public void Dispose() => _app.Dispose();

    private Task<int> CreateAsync(string name, decimal revenue, int stageId, DateOnly? from, DateOnly? to, IReadOnlyCollection<int> labels) =>
        _app.Factory.Services.CreatePeriodLeadAsync(name, revenue, _app.OwnerId, stageId, from, to, labels);

    [Fact]
    public async Task The_export_of_a_label_holds_the_pages_figures_per_stage_and_month_with_totals()
    {
        var stages = await _app.StagesAsync();
        var hot = await _app.Get<LabelCommands>().CreateAsync("Heiß", "#e53935");
        await CreateAsync("Relaunch Website", 10_000m, stages[2].Id, new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 31), [hot]);
        await CreateAsync("Markenauftritt", 20_000m, stages[0].Id, null, null, [hot]);
        await CreateAsync("Online-Shop", 50_000m, stages[2].Id, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), []);
        var client = _app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);

        var response = await client.GetAsync($"/leads/forecast/export?labels={hot}");

        response.EnsureSuccessStatusCode();
        Assert.Equal("forecast-2026-11-30.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var file = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(["Prognose"], MiniExcel.GetSheetNames(new MemoryStream(file)));
        var rows = new MemoryStream(file).Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Erstkontakt", "Vorstellung", "Angebot", "Verhandlungen", "Gesamt", "Gewonnen"], rows.Select(r => r["Stufe"]));
        var forecast = await _app.Get<ForecastQuery>().GetAsync(new LeadFilter(LabelIds: [hot]));
        var offer = rows[2];
        Assert.Equal(0.3m, Convert.ToDecimal(offer["Wahrscheinlichkeit"]));
        Assert.Equal(1_500m, Convert.ToDecimal(offer["Dez 26"]));
        Assert.Equal(1_500m, Convert.ToDecimal(offer["Jan 27"]));
        Assert.Equal(0m, Convert.ToDecimal(offer["Feb 27"]));
        Assert.Equal(200m, Convert.ToDecimal(rows[0]["Ohne Zeitraum"]));
        Assert.Equal(forecast.Total, Convert.ToDecimal(rows[4]["Gesamt"]));
        Assert.Equal(3_200m, Convert.ToDecimal(rows[4]["Gesamt"]));
        Assert.Equal("EUR", rows[4]["Währung"]);
        var months = rows[4].Keys.Skip(3).Take(12).ToList();
        Assert.Equal(["Nov 26", "Dez 26", "Jan 27"], months.Take(3));
        Assert.Equal("Okt 27", months[^1]);
        Assert.Equal(forecast.MonthStarts.Select((_, i) => forecast.Month(i)), months.Select(m => Convert.ToDecimal(rows[4][m])));
    }
}

public sealed class ForecastExportTestsOnSqlite() : ForecastExportTests(DatabaseProvider.Sqlite);

public sealed class ForecastExportTestsOnPostgres() : ForecastExportTests(DatabaseProvider.Postgres);
