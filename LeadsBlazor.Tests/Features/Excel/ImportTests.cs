using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Excel;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.EntityFrameworkCore;
using LeadsBlazor.Web;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace LeadsBlazor.Tests.Features.Excel;

/// <summary>Rule 10's import: a preview that says exactly what will happen, then one transaction; bad rows are named and change nothing.</summary>
public abstract class ImportTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false", ["Demo:Seed"] = "true" }, provider: provider);

    public void Dispose() => _app.Dispose();

    private async Task<List<Dictionary<string, object?>>> ExportAsync()
    {
        using var file = new MemoryStream();
        await _app.Get<LeadExport>().WriteAsync(new LeadFilter(), LeadView.All, file);
        file.Position = 0;
        return [.. file.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r))];
    }

    private static MemoryStream Sheet(IEnumerable<Dictionary<string, object?>> rows)
    {
        var file = new MemoryStream();
        file.SaveAs(rows, excelType: ExcelType.XLSX);
        file.Position = 0;
        return file;
    }

    private async Task<(IReadOnlyList<ImportedRow> Rows, ImportPreview Preview)> PreviewAsync(Stream file)
    {
        var rows = _app.Get<ImportSheet>().Read(file, out var fileErrors);
        return (rows, await _app.Get<LeadImport>().PreviewAsync(rows, fileErrors, _app.OwnerId));
    }

    private async Task<int> LeadCountAsync()
    {
        await using var db = _app.NewContext();
        return await db.Leads.CountAsync();
    }

    private async Task SeedUpToAsync(int count)
    {
        var stages = await _app.StagesAsync();
        for (var i = await LeadCountAsync(); i < count; i++)
        {
            await _app.AddRunningLeadAsync(stages[i % stages.Count].Id, 1_000m + i, name: $"Lead {i:000}");
        }
    }

    [Fact]
    public async Task An_exported_sheet_with_three_changed_cells_and_two_new_rows_imports_as_three_updates_and_two_creates()
    {
        await SeedUpToAsync(200);
        var sheet = await ExportAsync();
        Assert.Equal(200, sheet.Count);
        var open = sheet.Where(r => (string?)r["Status"] is "Laufend" or "Kontaktpotential").ToList();
        var (renamed, rerated, redated) = (open[0], open[1], open[2]);
        renamed["Name"] = "Umbenannt per Excel";
        rerated["Möglicher Umsatz"] = 77_777.5;
        redated["Nächste Aktion am"] = new DateTime(2027, 1, 15);
        var ben = (string)sheet.First(r => (string?)r["Verantwortlich"] != "owner")["Verantwortlich"]!;
        sheet.Add(NewRow("Neu aus Excel", "Angebot", 5_000, ben, "Neue Firma GmbH", "Neu, Heiß"));
        sheet.Add(NewRow("Zweiter neuer Lead", null, 800, null, null, null));

        var (rows, preview) = await PreviewAsync(Sheet(sheet));

        Assert.Empty(preview.FileErrors);
        Assert.Equal((2, 3, 197, 0), (preview.Count(ImportAction.Create), preview.Count(ImportAction.Update), preview.Count(ImportAction.Unchanged), preview.Count(ImportAction.Invalid)));
        Assert.Equal(200, await LeadCountAsync()); // the preview saves nothing

        var done = await _app.Get<LeadImport>().CommitAsync(rows, preview, _app.OwnerId);

        Assert.Equal((2, 3), (done.Count(ImportAction.Create), done.Count(ImportAction.Update)));
        await using var db = _app.NewContext();
        Assert.Equal(202, await db.Leads.CountAsync());
        Assert.Equal("Umbenannt per Excel", (await db.Leads.SingleAsync(l => l.Id == Id(renamed))).Name);
        Assert.Equal(77_777.5m, (await _app.ReloadAsync(Id(rerated))).Revenue.Amount);
        Assert.Equal(new DateOnly(2027, 1, 15), (await db.Leads.SingleAsync(l => l.Id == Id(redated))).NextActionOn);
        var created = await db.Leads.Include(l => l.Company).Include(l => l.Labels).Include(l => l.Stage).Include(l => l.History).AsSplitQuery().SingleAsync(l => l.Name == "Neu aus Excel");
        Assert.Equal((LeadStatus.Running, "Angebot", "Neue Firma GmbH"), (created.Status, created.Stage!.Name, created.Company!.Name));
        Assert.Equal(["Heiß", "Neu"], created.Labels.Select(l => l.Name).Order());
        Assert.Equal(ben, (await db.Users.SingleAsync(u => u.Id == created.ResponsibleUserId)).DisplayName);
        Assert.Contains(created.History, e => e.Kind == LeadEventKind.Imported);
        var second = await db.Leads.SingleAsync(l => l.Name == "Zweiter neuer Lead");
        Assert.Equal((LeadStatus.Potential, _app.OwnerId), (second.Status, second.ResponsibleUserId));
        Assert.Equal(5, await db.LeadEvents.CountAsync(e => e.Kind == LeadEventKind.Imported));

        // The same file again changes nothing more.
        var (_, again) = await PreviewAsync(Sheet(await ExportAsync()));
        Assert.Equal(202, again.Count(ImportAction.Unchanged));
    }

    [Fact]
    public async Task A_bad_date_a_negative_revenue_and_an_unknown_stage_are_refused_row_by_row_and_nothing_is_saved()
    {
        var before = await LeadCountAsync();
        var sheet = new List<Dictionary<string, object?>>
        {
            NewRow("Falsches Datum", null, 1_000, null, null, null, nextActionOn: "31.02.2027"),
            NewRow("Negativer Umsatz", null, -500, null, null, null),
            NewRow("Unbekannte Stufe", "Zauberei", 1_000, null, null, null),
        };

        var (rows, preview) = await PreviewAsync(Sheet(sheet));

        Assert.False(preview.CanImport);
        Assert.Equal(3, preview.Count(ImportAction.Invalid));
        var errors = preview.Rows.Select(r => Assert.Single(r.Errors)).ToList();
        Assert.Equal(new CellError(2, "Nächste Aktion am", "„31.02.2027“ ist kein Datum."), errors[0]);
        Assert.Equal(new CellError(3, "Möglicher Umsatz", "Der Betrag darf nicht negativ sein."), errors[1]);
        Assert.Equal(new CellError(4, "Stufe", "Die Akquise-Stufe „Zauberei“ gibt es nicht (mehr)."), errors[2]);

        await _app.Get<LeadImport>().CommitAsync(rows, preview, _app.OwnerId);
        Assert.Equal(before, await LeadCountAsync());

        using var invalid = new MemoryStream();
        await _app.Get<LeadImport>().WriteInvalidRowsAsync(rows, preview, invalid);
        invalid.Position = 0;
        var listed = invalid.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Falsches Datum", "Negativer Umsatz", "Unbekannte Stufe"], listed.Select(r => r["Name"]));
        Assert.Equal("Stufe: Die Akquise-Stufe „Zauberei“ gibt es nicht (mehr).", listed[2]["Fehler"]);
    }

    [Fact]
    public async Task A_file_that_is_not_a_lead_sheet_says_so()
    {
        var (_, wrongHeaders) = await PreviewAsync(Sheet([new() { ["Vorname"] = "Anna", ["Ort"] = "Lindau" }]));
        var (_, noExcel) = await PreviewAsync(new MemoryStream("name;status\nA;B"u8.ToArray()));

        Assert.Contains(wrongHeaders.FileErrors, e => e.Contains("„Name“", StringComparison.Ordinal));
        Assert.Equal(["Die Datei ist keine lesbare Excel-Datei (.xlsx)."], noExcel.FileErrors);
        Assert.False(wrongHeaders.CanImport || noExcel.CanImport);
    }

    [Fact]
    public async Task A_sheet_with_only_some_columns_changes_only_those()
    {
        var stages = await _app.StagesAsync();
        var lead = await _app.Get<LeadCommands>().CreateAsync(new LeadInput
        {
            Name = "Relaunch Website", ResponsibleUserId = _app.OwnerId, Revenue = 12_000m, NextActionOn = _app.Today, NextAction = "Anrufen",
            StageId = stages[2].Id, NewCompanyName = "Überland AG", Info = "Wichtig",
        }, _app.OwnerId);

        var (rows, preview) = await PreviewAsync(Sheet([new() { ["ID"] = lead, ["Name"] = "Relaunch Website", ["Nächste Aktion am"] = new DateTime(2027, 2, 1) }]));
        await _app.Get<LeadImport>().CommitAsync(rows, preview, _app.OwnerId);

        Assert.Equal(ImportAction.Update, Assert.Single(preview.Rows).Action);
        var after = await _app.ReloadAsync(lead);
        Assert.Equal((12_000m, "Anrufen", "Wichtig", new DateOnly(2027, 2, 1)), (after.Revenue.Amount, after.NextAction, after.Info, after.NextActionOn!.Value));
        Assert.Equal("Angebot", after.Stage!.Name);

        // A full export of it imports as unchanged, its company with a capital umlaut included.
        var (_, again) = await PreviewAsync(Sheet((await ExportAsync()).Where(r => Id(r) == lead)));
        Assert.Equal(ImportAction.Unchanged, Assert.Single(again.Rows).Action);
    }

    [Fact]
    public async Task The_service_period_goes_out_as_dates_comes_back_unchanged_and_a_changed_end_is_previewed_old_to_new()
    {
        var commands = _app.Get<LeadCommands>();
        LeadInput Input(string name, DateOnly? from, DateOnly? to) => new()
        {
            Name = name, ResponsibleUserId = _app.OwnerId, Revenue = 8_000m, NextActionOn = _app.Today, ServiceFrom = from, ServiceTo = to,
        };
        var both = await commands.CreateAsync(Input("Relaunch Website", new DateOnly(2027, 3, 1), new DateOnly(2027, 6, 30)), _app.OwnerId);
        var open = await commands.CreateAsync(Input("Wartung", new DateOnly(2027, 1, 1), null), _app.OwnerId);

        var sheet = await ExportAsync();
        var (bothRow, openRow) = (sheet.Single(r => Id(r) == both), sheet.Single(r => Id(r) == open));
        Assert.Equal((new DateTime(2027, 3, 1), new DateTime(2027, 6, 30)), (bothRow["Leistungszeitraum von"], bothRow["Leistungszeitraum bis"]));
        Assert.Equal((new DateTime(2027, 1, 1), null), (openRow["Leistungszeitraum von"], openRow["Leistungszeitraum bis"]));
        var (_, roundTrip) = await PreviewAsync(Sheet(sheet));
        Assert.Equal(sheet.Count, roundTrip.Count(ImportAction.Unchanged));

        bothRow["Leistungszeitraum bis"] = new DateTime(2027, 9, 30);
        var (rows, preview) = await PreviewAsync(Sheet(sheet));

        var changed = Assert.Single(preview.Rows, r => r.Action == ImportAction.Update);
        Assert.Equal(both, changed.LeadId);
        var change = Assert.Single(changed.Changes);
        Assert.Equal(new ImportChange(LeadEventKind.FieldChanged, "ServiceTo", "2027-06-30", "2027-09-30"), change);
        using (LeadsBlazor.Web.Features.Preferences.Preferences.Use(LeadsBlazor.Web.Features.Preferences.Preferences.CultureOf("de-DE")))
        {
            Assert.Equal("Leistungszeitraum bis: 30.06.2027 → 30.09.2027", HistoryFormat.Describe(_app.Get<IStringLocalizer<SharedResource>>(), change.Kind, change.Field, change.OldValue, change.NewValue));
        }

        await _app.Get<LeadImport>().CommitAsync(rows, preview, _app.OwnerId);
        var saved = await _app.ReloadAsync(both);
        Assert.Equal((new DateOnly(2027, 3, 1), new DateOnly(2027, 9, 30)), (saved.ServiceFrom, saved.ServiceTo));
    }

    [Fact]
    public async Task A_service_period_ending_before_it_starts_or_not_a_date_is_refused_for_its_row_and_the_rows_data_is_kept_for_fixing()
    {
        var lead = await _app.Get<LeadCommands>().CreateAsync(new LeadInput
        {
            Name = "Relaunch Website", ResponsibleUserId = _app.OwnerId, Revenue = 8_000m, NextActionOn = _app.Today,
            ServiceFrom = new DateOnly(2027, 3, 1), ServiceTo = new DateOnly(2027, 6, 30),
        }, _app.OwnerId);
        var before = await LeadCountAsync();
        var backwards = NewRow("Rückwärts", null, 1_000, null, null, null);
        (backwards["Leistungszeitraum von"], backwards["Leistungszeitraum bis"]) = (new DateTime(2027, 7, 1), new DateTime(2027, 6, 30));
        var noDate = NewRow("Kein Datum", null, 1_000, null, null, null);
        noDate["Leistungszeitraum von"] = "Sommer";
        var update = new Dictionary<string, object?>(NewRow("Relaunch Website neu", null, 9_000, null, null, null)) { ["ID"] = lead };
        (update["Leistungszeitraum von"], update["Leistungszeitraum bis"]) = (new DateTime(2027, 3, 1), new DateTime(2027, 2, 1));
        var fine = NewRow("Passt", null, 1_000, null, null, null);
        fine["Leistungszeitraum von"] = "01.04.2027";

        var (rows, preview) = await PreviewAsync(Sheet([backwards, noDate, update, fine]));

        Assert.Equal([ImportAction.Invalid, ImportAction.Invalid, ImportAction.Invalid, ImportAction.Create], preview.Rows.Select(r => r.Action));
        Assert.Equal(new CellError(2, "Leistungszeitraum bis", "Das Ende darf nicht vor dem Beginn liegen."), Assert.Single(preview.Rows[0].Errors));
        Assert.Equal(new CellError(3, "Leistungszeitraum von", "„Sommer“ ist kein Datum."), Assert.Single(preview.Rows[1].Errors));
        Assert.Equal(new CellError(4, "Leistungszeitraum bis", "Das Ende darf nicht vor dem Beginn liegen."), Assert.Single(preview.Rows[2].Errors));

        await _app.Get<LeadImport>().CommitAsync(rows, preview, _app.OwnerId);
        Assert.Equal(before + 1, await LeadCountAsync());
        var untouched = await _app.ReloadAsync(lead);
        Assert.Equal(("Relaunch Website", 8_000m, new DateOnly(2027, 6, 30)), (untouched.Name, untouched.Revenue.Amount, untouched.ServiceTo!.Value));
        await using (var db = _app.NewContext())
        {
            Assert.Equal(new DateOnly(2027, 4, 1), (await db.Leads.SingleAsync(l => l.Name == "Passt")).ServiceFrom);
        }

        using var invalid = new MemoryStream();
        await _app.Get<LeadImport>().WriteInvalidRowsAsync(rows, preview, invalid);
        invalid.Position = 0;
        var listed = invalid.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["Rückwärts", "Kein Datum", "Relaunch Website neu"], listed.Select(r => r["Name"]));
        Assert.Equal((new DateTime(2027, 7, 1), new DateTime(2027, 6, 30)), (listed[0]["Leistungszeitraum von"], listed[0]["Leistungszeitraum bis"]));
        Assert.Equal("Sommer", listed[1]["Leistungszeitraum von"]);
        Assert.Equal("Leistungszeitraum von: „Sommer“ ist kein Datum.", listed[1]["Fehler"]);
    }

    [Theory]
    [InlineData("1.500", 1_500)]
    [InlineData("1.500,50", 1_500.5)]
    [InlineData("1500.5", 1_500.5)]
    [InlineData("12.000.000", 12_000_000)]
    public async Task Amounts_written_as_text_are_read_as_people_write_them(string text, double expected)
    {
        var (rows, _) = await PreviewAsync(Sheet([NewRow("Als Text", null, 0, null, null, null) is var row && (row["Möglicher Umsatz"] = text) is not null ? row : row]));

        Assert.Equal((decimal)expected, Assert.Single(rows).Revenue);
    }

    private static int Id(Dictionary<string, object?> row) => (int)(double)row["ID"]!;

    // Every header of the export, so that MiniExcel, which takes the columns from the first row, writes them all.
    private static Dictionary<string, object?> NewRow(string name, string? stage, decimal revenue, string? responsible, string? customer, string? labels, object? nextActionOn = null) => new()
    {
        ["ID"] = null,
        ["Wahrscheinlichkeit %"] = null,
        ["Umsatz in Account-Währung"] = null,
        ["Gewichteter Umsatz"] = null,
        ["Fällig"] = null,
        ["Ansprechperson"] = null,
        ["Angelegt am"] = null,
        ["Abgeschlossen am"] = null,
        ["Grund"] = null,
        ["Begründung"] = null,
        ["Info"] = null,
        ["Name"] = name,
        ["Status"] = null,
        ["Stufe"] = stage,
        ["Möglicher Umsatz"] = revenue,
        ["Währung"] = "EUR",
        ["Verantwortlich"] = responsible,
        ["Nächste Aktion am"] = nextActionOn ?? new DateTime(2026, 12, 10),
        ["Nächste Aktion"] = "Anrufen",
        ["Kunde"] = customer,
        ["Labels"] = labels,
        ["Leistungszeitraum von"] = null,
        ["Leistungszeitraum bis"] = null,
    };
}

public sealed class ImportTestsOnSqlite() : ImportTests(DatabaseProvider.Sqlite);

public sealed class ImportTestsOnPostgres() : ImportTests(DatabaseProvider.Postgres);
