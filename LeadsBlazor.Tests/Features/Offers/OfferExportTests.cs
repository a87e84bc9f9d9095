using System.Net;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using MiniExcelLibs;

namespace LeadsBlazor.Tests.Features.Offers;

/// <summary>The offer list's Excel export over HTTP: the list's filter and sort, typed cells, headers in the user's language.</summary>
public abstract class OfferExportTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false" }, provider: provider);

    public void Dispose() => _app.Dispose();

    private async Task ArrangeAsync()
    {
        var member = await _app.CreateMemberAsync();
        var website = await _app.Factory.Services.CreateCustomerLeadAsync("Relaunch Website", _app.OwnerId, "Müller GmbH");
        var campaign = await _app.Factory.Services.CreateCustomerLeadAsync("Kampagne Frühjahr", member, "Schmid AG");
        await _app.Factory.Services.CreateOfferAsync(website, _app.OwnerId, "Webshop", 1_000m);
        await _app.Factory.Services.CreateOfferAsync(campaign, member, "Broschüre", 5_000m);
        var flyer = await _app.Factory.Services.CreateOfferAsync(campaign, member, "Flyer", 300m);
        await _app.Factory.Services.ChangeOfferAsync(flyer, member, (c, id, version, user) => c.ArchiveAsync(id, version, user));
    }

    private async Task<HttpClient> SignedInAsync()
    {
        var client = _app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        return client;
    }

    private static List<IDictionary<string, object?>> Rows(byte[] file) =>
        new MemoryStream(file).Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();

    [Fact]
    public async Task The_export_has_the_lists_offers_in_its_order_with_amounts_and_dates_as_values()
    {
        await ArrangeAsync();

        var response = await (await SignedInAsync()).GetAsync("/offers/export?sort=Gross&desc=1");

        response.EnsureSuccessStatusCode();
        Assert.Equal($"offers-{_app.Today:yyyy-MM-dd}.xlsx", response.Content.Headers.ContentDisposition?.FileName);
        var rows = Rows(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Nummer", "Titel", "Lead", "Kunde", "Status", "Datum", "Gültig bis", "Netto", "Brutto", "Währung", "Verantwortlich"], rows[0].Keys);
        Assert.Equal(["Broschüre", "Webshop"], rows.Select(r => r["Titel"]));
        var brochure = rows[0];
        Assert.Equal(("Kampagne Frühjahr", "Schmid AG", "Entwurf", "EUR", "Mia Member"), (brochure["Lead"], brochure["Kunde"], brochure["Status"], brochure["Währung"], brochure["Verantwortlich"]));
        Assert.Equal((5_000m, 5_950m), (Convert.ToDecimal(brochure["Netto"]), Convert.ToDecimal(brochure["Brutto"])));
        Assert.Equal(_app.Today.ToDateTime(TimeOnly.MinValue), Assert.IsType<DateTime>(brochure["Datum"]));
        Assert.Equal(_app.Today.AddDays(30).ToDateTime(TimeOnly.MinValue), Assert.IsType<DateTime>(brochure["Gültig bis"]));
        Assert.StartsWith($"A{_app.Today:yyMM}-", Assert.IsType<string>(brochure["Nummer"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_takes_the_lists_filter_and_english_headers_for_an_english_user()
    {
        await ArrangeAsync();
        var client = await SignedInAsync();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");

        var rows = Rows(await client.GetByteArrayAsync("/offers/export?status=archived,draft&q=kampagne"));

        Assert.Equal(["Number", "Title", "Lead", "Customer", "Status", "Date", "Valid until", "Net", "Gross", "Currency", "Responsible"], rows[0].Keys);
        Assert.Equal([("Broschüre", "Draft"), ("Flyer", "Archived")], rows.Select(r => (r["Title"], r["Status"])).OrderBy(r => r.Item1));
    }

    [Fact]
    public async Task Without_signing_in_the_export_sends_to_sign_in()
    {
        var client = _app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/offers/export");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.RedirectPath(), StringComparison.Ordinal);
    }
}

public sealed class OfferExportTestsOnSqlite() : OfferExportTests(DatabaseProvider.Sqlite);

public sealed class OfferExportTestsOnPostgres() : OfferExportTests(DatabaseProvider.Postgres);
