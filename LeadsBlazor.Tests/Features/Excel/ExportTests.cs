using LeadsBlazor.Web.Data;
using System.IO.Compression;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Excel;
using LeadsBlazor.Web.Features.Labels;
using LeadsBlazor.Web.Features.Leads;
using Microsoft.AspNetCore.Mvc.Testing;
using MiniExcelLibs;

namespace LeadsBlazor.Tests.Features.Excel;

/// <summary>Rule 10's export over HTTP: exactly the view, typed cells, and no cell a spreadsheet would run as a formula.</summary>
public abstract class ExportTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false" }, provider: provider);

    public void Dispose() => _app.Dispose();

    private async Task<int> CreateAsync(string name, decimal revenue, int? stageId, IReadOnlyCollection<int>? labels = null, string? company = null) =>
        await _app.Get<LeadCommands>().CreateAsync(new LeadInput
        {
            Name = name,
            ResponsibleUserId = _app.OwnerId,
            Revenue = revenue,
            NextActionOn = _app.Today.AddDays(-1),
            NextAction = "Anrufen",
            StageId = stageId,
            NewCompanyName = company,
            LabelIds = labels ?? [],
        }, _app.OwnerId);

    private async Task<(byte[] File, string? Name, string? Type)> DownloadAsync(string query)
    {
        var client = _app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        var response = await client.GetAsync("/leads/export" + query);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentDisposition?.FileName, response.Content.Headers.ContentType?.MediaType);
    }

    private static List<IDictionary<string, object?>> Rows(byte[] file) =>
        [.. new MemoryStream(file).Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()];

    private static string SheetXml(byte[] file)
    {
        using var zip = new ZipArchive(new MemoryStream(file));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task The_export_keeps_the_views_order_and_is_named_after_the_view()
    {
        var stages = await _app.StagesAsync();
        var commands = _app.Get<LeadCommands>();
        async Task<int> LeadDueIn(string name, int days, int? stageId) => await commands.CreateAsync(new LeadInput
        {
            Name = name, ResponsibleUserId = _app.OwnerId, Revenue = 1_000m, NextActionOn = _app.Today.AddDays(days), StageId = stageId,
        }, _app.OwnerId);
        var later = await LeadDueIn("Später", 9, stages[0].Id);
        var soon = await LeadDueIn("Bald", 2, stages[1].Id);
        var sameDay = await LeadDueIn("Auch bald", 2, stages[0].Id);
        await LeadDueIn("Idee", 1, null);

        var (board, _, _) = await DownloadAsync("?view=board&status=running");
        var (potential, _, _) = await DownloadAsync("?view=potential&status=potential");
        var (lost, _, _) = await DownloadAsync("?view=all&status=lost");

        // The board's order: next action first, then the older lead.
        Assert.Equal([(double)soon, (double)sameDay, (double)later], Rows(board).Select(r => r["ID"]));
        Assert.Equal(["Leads"], MiniExcel.GetSheetNames(new MemoryStream(board)));
        Assert.Equal(["Kontaktpotential"], MiniExcel.GetSheetNames(new MemoryStream(potential)));
        Assert.Equal(["Alle Leads – Verloren"], MiniExcel.GetSheetNames(new MemoryStream(lost)));
    }

    [Fact]
    public async Task The_export_of_a_sorted_list_follows_the_sort_in_its_link()
    {
        var middle = await CreateAsync("Mittel", 5_000m, null);
        var large = await CreateAsync("Groß", 90_000m, null);
        var small = await CreateAsync("Klein", 100m, null);

        var (descending, _, _) = await DownloadAsync("?view=potential&status=potential&sort=Revenue&desc=1");
        var (ascending, _, _) = await DownloadAsync("?view=potential&status=potential&sort=Revenue");

        Assert.Equal([(double)large, (double)middle, (double)small], Rows(descending).Select(r => r["ID"]));
        Assert.Equal([(double)small, (double)middle, (double)large], Rows(ascending).Select(r => r["ID"]));
    }

    [Fact]
    public async Task The_board_filtered_by_a_label_exports_exactly_its_leads_with_typed_cells()
    {
        var stages = await _app.StagesAsync();
        var hot = await _app.Get<LabelCommands>().CreateAsync("Heiß", "#e53935");
        var offer = await CreateAsync("Relaunch Website", 12_000m, stages[2].Id, [hot], "Stadtwerke Lindau");
        await CreateAsync("Ohne Label", 5_000m, stages[2].Id);
        await CreateAsync("Potenzial mit Label", 3_000m, null, [hot]);

        var (file, name, type) = await DownloadAsync($"?status=running&labels={hot}");

        Assert.Equal("leads-2026-11-30.xlsx", name?.Trim('"'));
        Assert.Equal(LeadExport.ContentType, type);
        var row = Assert.Single(Rows(file));
        Assert.Equal((double)offer, row["ID"]);
        Assert.Equal("Relaunch Website", row["Name"]);
        Assert.Equal("Laufend", row["Status"]);
        Assert.Equal("Angebot", row["Stufe"]);
        Assert.Equal(30d, row["Wahrscheinlichkeit %"]);
        Assert.Equal(12_000d, row["Möglicher Umsatz"]);
        Assert.Equal(3_600d, row["Gewichteter Umsatz"]);
        Assert.Equal(new DateTime(2026, 11, 29), row["Nächste Aktion am"]);
        Assert.Equal("ja", row["Fällig"]);
        Assert.Equal("Stadtwerke Lindau", row["Kunde"]);
        Assert.Equal("Heiß", row["Labels"]);
        Assert.Equal("owner", row["Verantwortlich"]);

        var xml = SheetXml(file);
        Assert.Contains("autoFilter ref=\"A1:W2\"", xml, StringComparison.Ordinal);
        Assert.Contains("ySplit=\"1\"", xml, StringComparison.Ordinal); // the header row is frozen
    }

    [Fact]
    public async Task A_leads_labels_are_listed_alphabetically_as_the_user_reads_them_and_amounts_keep_their_cents()
    {
        var labels = new List<int>();
        foreach (var (name, color) in new[] { ("Zoll", "#546e7a"), ("Ärger", "#e53935"), ("angebot", "#1e88e5") })
        {
            labels.Add(await _app.Get<LabelCommands>().CreateAsync(name, color));
        }

        await CreateAsync("Relaunch Website", 12_345.67m, null, labels);

        // The sheet is written with the invariant culture (ExportSheet.WriteInvariantAsync); the order is the user's: Ä with A, case aside.
        var row = Assert.Single(Rows((await DownloadAsync("?status=potential")).File));
        Assert.Equal("angebot, Ärger, Zoll", row["Labels"]);
        Assert.Equal(12_345.67d, row["Möglicher Umsatz"]);
    }

    [Fact]
    public async Task Headers_follow_the_users_language()
    {
        await CreateAsync("Relaunch Website", 1_000m, null);
        var client = _app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");

        var file = await client.GetByteArrayAsync("/leads/export?status=potential");

        var row = Assert.Single(Rows(file));
        Assert.Equal(("Relaunch Website", "Contact potential", "yes"), (row["Name"], row["Status"], row["Due"]));
    }
}

public sealed class ExportTestsOnSqlite() : ExportTests(DatabaseProvider.Sqlite);

public sealed class ExportTestsOnPostgres() : ExportTests(DatabaseProvider.Postgres);
