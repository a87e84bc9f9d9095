using LeadsBlazor.Web.Data;
using System.Net;
using LeadsBlazor.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using MiniExcelLibs;

namespace LeadsBlazor.Tests.Features.Outcomes;

/// <summary>The outcome analysis' Excel export over HTTP: one sheet per breakdown, the page's rows for the same period and filter, numbers as numbers.</summary>
public abstract class OutcomeExportTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?>
    {
        ["Reminders:BackgroundScan"] = "false",
        ["Forecast:BackgroundSnapshots"] = "false",
    }, provider: provider);

    public void Dispose() => _app.Dispose();

    private async Task<HttpClient> SignedInAsync()
    {
        var client = _app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        return client;
    }

    private static List<IDictionary<string, object?>> Rows(byte[] file, string sheet) =>
        new MemoryStream(file).Query(useHeaderRow: true, sheetName: sheet, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();

    [Fact]
    public async Task The_export_has_a_sheet_per_breakdown_with_the_rows_of_the_period_and_filter()
    {
        var seeded = await _app.Factory.CreateOutcomesAsync(await _app.CreateMemberAsync());
        var from = seeded.Today.AddDays(-40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var response = await (await SignedInAsync()).GetAsync($"/leads/outcomes/export?from={from}&to={seeded.Today:yyyy-MM-dd}");

        response.EnsureSuccessStatusCode();
        Assert.Equal($"outcomes-{from}-{seeded.Today:yyyy-MM-dd}.xlsx", response.Content.Headers.ContentDisposition?.FileName);
        var file = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(["Nach Grund", "Nach Akquise-Stufe", "Nach Zuständigem"], MiniExcel.GetSheetNames(new MemoryStream(file)));

        var reasons = Rows(file, "Nach Grund");
        Assert.Equal(
            ["Gruppe", "Gewonnen", "Umsatz gewonnen", "Verloren", "Umsatz verloren", "Fallengelassen", "Umsatz fallengelassen", "Abgeschlossen", "Umsatz gesamt", "Anteil Leads", "Anteil Umsatz", "Gewinnquote", "Währung"],
            reasons[0].Keys);
        Assert.Equal(["Gewonnen", "Preis", "Kein Budget"], reasons.Select(r => r["Gruppe"]));
        var price = reasons[1];
        Assert.Equal((2m, 6_484.56m, 0.5m, "EUR"), (Convert.ToDecimal(price["Verloren"]), Convert.ToDecimal(price["Umsatz verloren"]), Convert.ToDecimal(price["Anteil Leads"]), price["Währung"]));

        // "Intranet", won on the first day of the last 12 months, lies before this period.
        var stages = Rows(file, "Nach Akquise-Stufe");
        Assert.Equal(["Kontaktpotential", "Vorstellung", "Angebot"], stages.Select(r => r["Gruppe"]));
        Assert.Equal((1m, 1m, 0.5m), (Convert.ToDecimal(stages[2]["Gewonnen"]), Convert.ToDecimal(stages[2]["Verloren"]), Convert.ToDecimal(stages[2]["Gewinnquote"])));
        Assert.Equal(2, Rows(file, "Nach Zuständigem").Count);
    }

    [Fact]
    public async Task The_export_takes_the_responsible_filter_and_writes_english_for_an_english_user()
    {
        await _app.Factory.CreateOutcomesAsync(await _app.CreateMemberAsync());
        var client = await SignedInAsync();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");

        var file = await client.GetByteArrayAsync("/leads/outcomes/export?responsible=me");

        var stages = Rows(file, "By stage");
        Assert.Equal([("Offer", 1m, 1m, 10_000m, 5_250m)], stages.Select(r => (r["Group"], Convert.ToDecimal(r["Won"]), Convert.ToDecimal(r["Lost"]), Convert.ToDecimal(r["Revenue won"]), Convert.ToDecimal(r["Revenue lost"]))));
        Assert.Equal(["Won", "Preis"], Rows(file, "By reason").Select(r => r["Group"]));
    }

    [Fact]
    public async Task Without_signing_in_the_export_sends_to_sign_in()
    {
        var client = _app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/leads/outcomes/export");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.RedirectPath(), StringComparison.Ordinal);
    }
}

public sealed class OutcomeExportTestsOnSqlite() : OutcomeExportTests(DatabaseProvider.Sqlite);

public sealed class OutcomeExportTestsOnPostgres() : OutcomeExportTests(DatabaseProvider.Postgres);
