using System.Net;
using System.Security.Claims;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Projects;
using Microsoft.AspNetCore.Mvc.Testing;
using MiniExcelLibs;

namespace LeadsBlazor.Tests.Features.Projects;

/// <summary>The project list's Excel export over HTTP: the list's rows for the same filter and sort, typed cells, headers in the user's language.</summary>
public abstract class ProjectExportTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false" }, provider: provider);

    public void Dispose() => _app.Dispose();

    private async Task<ProjectListSeeding.Seeded> ArrangeAsync() => await _app.Factory.CreateProjectListAsync(_app.OwnerId, await _app.CreateMemberAsync());

    private async Task<HttpClient> SignedInAsync()
    {
        var client = _app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        return client;
    }

    private static List<IDictionary<string, object?>> Rows(byte[] file) =>
        new MemoryStream(file).Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();

    private ClaimsPrincipal Owner => new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, _app.OwnerId)], "test"));

    [Fact]
    public async Task The_export_has_the_lists_rows_for_the_same_filter_in_the_same_order_with_amounts_and_dates_as_values()
    {
        var seeded = await ArrangeAsync();
        const string Status = "active,finished,archived";
        var labels = $"{seeded.WebLabel}";

        var response = await (await SignedInAsync()).GetAsync($"/projects/export?status={Status}&responsible=me&labels={labels}&sort=Budget&desc=1");

        response.EnsureSuccessStatusCode();
        Assert.Equal($"projects-{_app.Today:yyyy-MM-dd}.xlsx", response.Content.Headers.ContentDisposition?.FileName);
        var rows = Rows(await response.Content.ReadAsByteArrayAsync());
        var shown = (await _app.Get<ProjectListQuery>().GetAsync(ProjectFilter.FromUrl(Owner, Status, "me", null, labels, null), "Budget", true, 0, 25)).Rows;
        Assert.Equal(shown.Select(r => r.Number), rows.Select(r => r["Projektnummer"]));
        Assert.Equal(["Relaunch Phase 1", "Alpen Tour"], rows.Select(r => r["Name"]));
        Assert.Equal(
            ["Projektnummer", "Name", "Kunde", "Lead", "Projektleitung", "Stellvertretung", "Abrechnung", "Budget", "Stundensatz", "Währung", "Start", "Ende", "Status", "Labels"],
            rows[0].Keys);
        var relaunch = rows[0];
        Assert.Equal(("Müller GmbH", "Relaunch Website", "Nach Aufwand", "EUR", "Aktiv", "Web"), (relaunch["Kunde"], relaunch["Lead"], relaunch["Abrechnung"], relaunch["Währung"], relaunch["Status"], relaunch["Labels"]));
        Assert.Equal(8_000m, Convert.ToDecimal(relaunch["Budget"]));
        Assert.Equal(_app.Today.AddDays(7).ToDateTime(TimeOnly.MinValue), Assert.IsType<DateTime>(relaunch["Start"]));
        Assert.Equal(_app.Today.AddDays(60).ToDateTime(TimeOnly.MinValue), Assert.IsType<DateTime>(relaunch["Ende"]));
        var alps = rows[1];
        Assert.Equal(("CHF", 3_000m, 150m, "Print, Web"), (alps["Währung"], Convert.ToDecimal(alps["Budget"]), Convert.ToDecimal(alps["Stundensatz"]), alps["Labels"]));
        Assert.Null(alps["Ende"]);
    }

    [Fact]
    public async Task The_export_takes_the_default_statuses_a_customer_and_english_headers_for_an_english_user()
    {
        var seeded = await ArrangeAsync();
        var client = await SignedInAsync();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");

        var all = Rows(await client.GetByteArrayAsync("/projects/export"));
        var schmid = Rows(await client.GetByteArrayAsync($"/projects/export?customer={seeded.SchmidId}"));

        Assert.Equal(["Alpen Tour", "Broschüre Frühjahr", "Relaunch Phase 1"], all.Select(r => r["Name"]).Order());
        Assert.Equal([("Broschüre Frühjahr", "Mia Member", "Fixed price", "Finished")], schmid.Select(r => (r["Name"], r["Project leader"], r["Billing"], r["Status"])));
    }

    [Fact]
    public async Task Without_signing_in_the_export_sends_to_sign_in()
    {
        var client = _app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/projects/export");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.RedirectPath(), StringComparison.Ordinal);
    }
}

public sealed class ProjectExportTestsOnSqlite() : ProjectExportTests(DatabaseProvider.Sqlite);

public sealed class ProjectExportTestsOnPostgres() : ProjectExportTests(DatabaseProvider.Postgres);
