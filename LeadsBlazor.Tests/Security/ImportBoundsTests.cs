using System.Diagnostics;
using System.Globalization;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Excel;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace LeadsBlazor.Tests.Security;

/// <summary>
/// Imports are bounded by what a workbook unpacks to, not only by its file size (issue 14): a hostile file
/// is refused with a message on the page while memory stays flat, and a broken or odd sheet is explained.
/// </summary>
public abstract class ImportBoundsTests(DatabaseProvider provider) : IDisposable
{
    private const long Megabyte = 1024 * 1024;

    private readonly PipelineApp _app = new(new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false" }, provider: provider);

    public void Dispose() => _app.Dispose();

    /// <summary>Reads the file as the import page does, and returns what the page would show, with the memory it took.</summary>
    private async Task<Outcome> ImportAsync(Stream file)
    {
        // As a German user's request sets it: messages and their numbers in German.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var workingSetBefore = process.WorkingSet64;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        // The sheet is read synchronously on this thread, so the thread's allocations are all of its reading.
        var rows = _app.Get<ImportSheet>().Read(file, out var errors, out var notes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var preview = await _app.Get<LeadImport>().PreviewAsync(rows, errors, _app.OwnerId);
        process.Refresh();
        return new Outcome(rows, errors, notes, preview, allocated, process.WorkingSet64 - workingSetBefore);
    }

    private sealed record Outcome(IReadOnlyList<ImportedRow> Rows, IReadOnlyList<string> Errors, IReadOnlyList<string> Notes, ImportPreview Preview, long Allocated, long WorkingSetGrowth)
    {
        public void IsRefusedWith(string message, long maxGrowth = 100 * Megabyte)
        {
            Assert.Contains(message, Assert.Single(Errors), StringComparison.Ordinal);
            Assert.Empty(Rows);
            Assert.False(Preview.CanImport);
            Assert.True(Allocated < maxGrowth, $"reading allocated {Allocated / Megabyte} MB");
            Assert.True(WorkingSetGrowth < maxGrowth, $"the working set grew by {WorkingSetGrowth / Megabyte} MB");
        }
    }

    private static void Header(TextWriter w) => HostileWorkbook.SharedRow(w, 1, [0]);

    [Fact]
    public async Task A_1_MB_file_whose_shared_strings_hold_one_gigabyte_string_is_refused_while_memory_stays_flat()
    {
        using var file = HostileWorkbook.WithOneHugeString(1024 * Megabyte);
        Assert.InRange(file.Length, 100 * 1024, 2 * Megabyte);

        var outcome = await ImportAsync(file);

        outcome.IsRefusedWith("Die Datei entpackt sich zu groß (bei „xl/sharedStrings.xml“): ein Teil darf höchstens 32 MB haben, alle zusammen 64 MB. Sie wird nicht gelesen.");
    }

    [Fact]
    public async Task The_same_file_with_a_header_that_lies_about_the_unpacked_size_is_refused_too()
    {
        using var honest = HostileWorkbook.WithOneHugeString(1024 * Megabyte);
        using var file = HostileWorkbook.DeclaringSize(honest, "xl/sharedStrings.xml", 4_000);

        var outcome = await ImportAsync(file);

        // Unpacking stops at the declared size (and at the part limit, whatever is declared), so the part ends mid-text.
        outcome.IsRefusedWith("Die Datei ist keine lesbare Excel-Datei (.xlsx).");
    }

    [Fact]
    public async Task A_text_longer_than_a_cell_holds_is_refused_while_it_is_read()
    {
        // 20 MB of one text: within the part limit, so only counting the text as it streams past stops it.
        using var file = HostileWorkbook.WithOneHugeString(20 * Megabyte);

        var outcome = await ImportAsync(file);

        outcome.IsRefusedWith("Text Nr. 2 der Datei ist länger als 32.767 Zeichen; die Datei wird nicht gelesen.");
    }

    [Fact]
    public async Task A_megabyte_long_attribute_is_refused_before_the_xml_reader_holds_it()
    {
        // An attribute is kept whole by the reader; 30 MB of one would pass the part limit.
        var reference = new string('A', 1024 * 1024);
        using var file = HostileWorkbook.Build(w =>
        {
            HostileWorkbook.InlineRow(w, 1, "Name");
            w.Write("<row r=\"2\"><c r=\"");
            for (var i = 0; i < 30; i++)
            {
                w.Write(reference);
            }

            w.Write("\"/></row>");
        });

        var outcome = await ImportAsync(file);

        outcome.IsRefusedWith("Die Datei ist keine lesbare Excel-Datei (.xlsx).");
    }

    [Fact]
    public async Task A_million_shared_strings_are_refused_by_their_count()
    {
        using var file = HostileWorkbook.Build(Header, w =>
        {
            for (var i = 0; i < 1_000_000; i++)
            {
                HostileWorkbook.SharedString(w, "Name");
            }
        });

        var outcome = await ImportAsync(file);

        outcome.IsRefusedWith("Die Datei enthält mehr als 500.000 verschiedene Texte und wird nicht gelesen.");
    }

    [Fact]
    public async Task Sixteen_thousand_unknown_columns_are_one_line_and_the_known_ones_are_still_read()
    {
        const int unknown = 16_000;
        using var file = HostileWorkbook.Build(
            w =>
            {
                HostileWorkbook.SharedRow(w, 1, Enumerable.Range(0, unknown + 1));
                HostileWorkbook.SharedRow(w, 2, [unknown + 1]);
            },
            w =>
            {
                HostileWorkbook.SharedString(w, "Name");
                for (var i = 1; i <= unknown; i++)
                {
                    HostileWorkbook.SharedString(w, $"Spalte {i}");
                }

                HostileWorkbook.SharedString(w, "Neuer Lead");
            });
        Assert.InRange(file.Length, 10 * 1024, 200 * 1024);

        var outcome = await ImportAsync(file);

        Assert.Empty(outcome.Errors);
        Assert.Equal("16.000 unbekannte Spalten ignoriert: Spalte 1, Spalte 2, Spalte 3, Spalte 4, Spalte 5 …", Assert.Single(outcome.Notes));
        Assert.Equal("Neuer Lead", Assert.Single(outcome.Rows).Name);
    }

    [Fact]
    public async Task One_unknown_column_is_named_in_the_singular_and_does_not_stop_the_import()
    {
        var sheet = ImportRow("Neuer Lead");
        sheet["Lieblingsfarbe"] = "blau";

        var outcome = await ImportAsync(Sheet([sheet]));

        Assert.Equal("1 unbekannte Spalte ignoriert: Lieblingsfarbe", Assert.Single(outcome.Notes));
        Assert.True(outcome.Preview.CanImport);
        Assert.Equal(1, outcome.Preview.Count(ImportAction.Create));
    }

    [Fact]
    public async Task Two_name_headers_on_a_first_sheet_that_is_not_sheet1_are_refused_too()
    {
        // As after moving sheets in Excel: the workbook's first sheet lives in sheet2.xml, and sheet1.xml is a clean second sheet.
        using var built = HostileWorkbook.Build(w =>
        {
            HostileWorkbook.InlineRow(w, 1, "Name", "Status", "Name");
            HostileWorkbook.InlineRow(w, 2, "Erster", "Laufend", "Zweiter");
        });
        using var file = new MemoryStream();
        using (var source = new System.IO.Compression.ZipArchive(built, System.IO.Compression.ZipArchiveMode.Read))
        using (var target = new System.IO.Compression.ZipArchive(file, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var text = reader.ReadToEnd();
                var (name, content) = entry.FullName switch
                {
                    "xl/worksheets/sheet1.xml" => ("xl/worksheets/sheet2.xml", text),
                    "xl/_rels/workbook.xml.rels" => (entry.FullName, text.Replace("worksheets/sheet1.xml", "worksheets/sheet2.xml", StringComparison.Ordinal)),
                    "[Content_Types].xml" => (entry.FullName, text.Replace("/xl/worksheets/sheet1.xml", "/xl/worksheets/sheet2.xml", StringComparison.Ordinal)),
                    _ => (entry.FullName, text),
                };
                using var writer = new StreamWriter(target.CreateEntry(name).Open());
                writer.Write(content);
            }

            using var clean = new StreamWriter(target.CreateEntry("xl/worksheets/sheet1.xml").Open());
            clean.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Notizen</t></is></c></row></sheetData></worksheet>");
        }

        file.Position = 0;
        var outcome = await ImportAsync(file);

        outcome.IsRefusedWith("Die Spalte „Name“ steht zweimal in der Kopfzeile; bitte nur eine behalten.");
    }

    [Fact]
    public async Task Two_name_headers_are_refused_naming_the_column()
    {
        using var file = HostileWorkbook.Build(w =>
        {
            HostileWorkbook.InlineRow(w, 1, "Name", "Status", "Name");
            HostileWorkbook.InlineRow(w, 2, "Erster", "Laufend", "Zweiter");
        });

        var outcome = await ImportAsync(file);

        outcome.IsRefusedWith("Die Spalte „Name“ steht zweimal in der Kopfzeile; bitte nur eine behalten.");
    }

    [Fact]
    public async Task A_cell_pointing_past_the_shared_strings_is_a_damaged_file_not_zero_rows()
    {
        using var file = HostileWorkbook.Build(
            w =>
            {
                HostileWorkbook.SharedRow(w, 1, [0]);
                HostileWorkbook.SharedRow(w, 2, [99]);
            },
            w => HostileWorkbook.SharedString(w, "Name"));

        var outcome = await ImportAsync(file);

        outcome.IsRefusedWith("Die Datei ist beschädigt: Zelle A2 verweist auf Text Nr. 100, die Datei enthält aber nur 1 Texte. Sie wird nicht gelesen.");
    }

    [Theory]
    [InlineData("A1:XFD1048576", "A2", "Eine Datei kann höchstens 20.000 Zeilen haben; sie wird nicht gelesen.")]
    [InlineData("A1:ZZ2000", "A2", "Die Tabelle ist zu groß: mehr als 1.000.000 Zellen (Zeilen × Spalten). Sie wird nicht gelesen.")]
    [InlineData(null, "XFE2", "Die Tabelle hat mehr als 16.384 Spalten und wird nicht gelesen.")]
    [InlineData(null, "A50000", "Eine Datei kann höchstens 20.000 Zeilen haben; sie wird nicht gelesen.")]
    public async Task A_sheet_that_claims_or_reaches_past_the_limits_is_refused(string? dimension, string cell, string message)
    {
        // A declared corner, a cell beyond column XFD, or a row far below the rest: MiniExcel would fill every gap up to it.
        using var file = HostileWorkbook.Build(
            w =>
            {
                HostileWorkbook.InlineRow(w, 1, "Name");
                w.Write($"<row r=\"{cell[cell.IndexOfAny("0123456789".ToCharArray())..]}\"><c r=\"{cell}\" t=\"inlineStr\"><is><t>Ein Lead</t></is></c></row>");
            },
            dimension: dimension);

        var outcome = await ImportAsync(file);

        outcome.IsRefusedWith(message);
    }

    [Fact]
    public async Task A_lead_for_a_deactivated_user_is_refused_on_its_row()
    {
        var member = await _app.CreateMemberAsync();
        await using (var db = _app.NewContext())
        {
            await db.Users.Where(u => u.Id == member).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
        }

        var outcome = await ImportAsync(Sheet([ImportRow("Für Mia", responsible: "Mia Member"), ImportRow("Für mich")]));

        Assert.Empty(outcome.Errors);
        var refused = Assert.Single(outcome.Preview.Rows, r => r.Action == ImportAction.Invalid);
        Assert.Equal(2, refused.RowNumber);
        Assert.Equal(new CellError(2, "Verantwortlich", "„Mia Member“ ist deaktiviert; Leads können nur aktiven Benutzern zugeordnet werden."), Assert.Single(refused.Errors));
        Assert.Equal(1, outcome.Preview.Count(ImportAction.Create));
    }

    [Fact]
    public async Task A_file_that_is_no_zip_at_all_gets_a_message()
    {
        var outcome = await ImportAsync(new MemoryStream("<html>kein Excel</html>"u8.ToArray()));

        outcome.IsRefusedWith("Die Datei ist keine lesbare Excel-Datei (.xlsx).");
    }

    internal static Dictionary<string, object?> ImportRow(string name, string? responsible = null, object? revenue = null, object? nextActionOn = null) => new()
    {
        ["Name"] = name,
        ["Möglicher Umsatz"] = revenue ?? 1_000,
        ["Währung"] = "EUR",
        ["Verantwortlich"] = responsible,
        ["Nächste Aktion am"] = nextActionOn ?? new DateTime(2026, 12, 10),
    };

    internal static MemoryStream Sheet(IEnumerable<Dictionary<string, object?>> rows)
    {
        var file = new MemoryStream();
        file.SaveAs(rows, excelType: ExcelType.XLSX);
        file.Position = 0;
        return file;
    }
}

[Collection(nameof(MeasuredAlone))]
public sealed class ImportBoundsTestsOnSqlite() : ImportBoundsTests(DatabaseProvider.Sqlite);

[Collection(nameof(MeasuredAlone))]
public sealed class ImportBoundsTestsOnPostgres() : ImportBoundsTests(DatabaseProvider.Postgres);
