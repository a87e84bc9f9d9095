using System.IO.Compression;
using System.Net;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Customers;
using LeadsBlazor.Web.Features.Excel;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace LeadsBlazor.Tests.Features.Customers;

/// <summary>The company list's export and import: a round trip changes nothing, a changed cell previews old → new, an unknown name a new customer.</summary>
public abstract class CompanyExcelTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false", ["Demo:Seed"] = "true" }, provider: provider);

    public void Dispose() => _app.Dispose();

    private async Task<List<Dictionary<string, object?>>> ExportAsync(CompanyFilter? filter = null)
    {
        using var file = new MemoryStream();
        await _app.Get<CompanyExport>().WriteAsync(filter ?? new CompanyFilter(), null, false, file);
        file.Position = 0;
        return [.. file.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r))];
    }

    private async Task<(IReadOnlyList<CompanyImportRow> Rows, CompanyImportPreview Preview)> PreviewAsync(IEnumerable<Dictionary<string, object?>> sheet)
    {
        using var file = new MemoryStream();
        file.SaveAs(sheet, excelType: ExcelType.XLSX);
        file.Position = 0;
        var rows = _app.Get<ImportSheet>().Read(file, _app.Get<IStringLocalizer<SharedResource>>(), out var fileErrors, out _);
        Assert.Empty(fileErrors);
        return (rows, await _app.Get<CompanyImport>().PreviewAsync(rows, fileErrors, _app.OwnerId));
    }

    private async Task<Company> CompanyAsync(string name)
    {
        await using var db = _app.NewContext();
        var key = CustomerName.Key(name);
        return await db.Companies.AsNoTracking().Include(c => c.People).Include(c => c.Labels).Include(c => c.History).AsSplitQuery().SingleAsync(c => c.NameKey == key);
    }

    [Fact]
    public async Task An_exported_company_list_imported_again_changes_nothing()
    {
        var sheet = await ExportAsync();
        await using (var db = _app.NewContext())
        {
            Assert.Equal(await db.Companies.CountAsync(), sheet.Count);
        }

        Assert.Contains(sheet, r => r["Ansprechpartner"] is string && r["Straße"] is string && r["Land"] is "CH");

        var (_, preview) = await PreviewAsync(sheet);

        Assert.Equal((0, 0, sheet.Count, 0), (preview.Count(ImportAction.Create), preview.Count(ImportAction.Update), preview.Count(ImportAction.Unchanged), preview.Count(ImportAction.Invalid)));
        Assert.False(preview.CanImport);
    }

    [Fact]
    public async Task A_changed_cell_previews_old_and_new_and_the_confirmed_import_records_it_in_the_history()
    {
        var sheet = await ExportAsync();
        var row = sheet[0];
        var name = (string)row["Name"]!;
        var oldCity = (string?)row["Ort"];
        row["Ort"] = "Neustadt an der Weinstraße";

        var (rows, preview) = await PreviewAsync(sheet);

        var update = Assert.Single(preview.Rows, r => r.Action == ImportAction.Update);
        Assert.Equal(name, update.Name);
        var change = Assert.Single(update.Changes);
        Assert.Equal($"Ort: {oldCity} → Neustadt an der Weinstraße", _app.Get<CompanyImport>().Describe(change));
        Assert.Equal(oldCity, (await CompanyAsync(name)).City); // the preview saves nothing

        var done = await _app.Get<CompanyImport>().CommitAsync(rows, preview, _app.OwnerId);

        Assert.Equal(1, done.Count(ImportAction.Update));
        var company = await CompanyAsync(name);
        Assert.Equal("Neustadt an der Weinstraße", company.City);
        Assert.Contains(company.History, e => e.Kind == CompanyEventKind.FieldChanged && e.Field == nameof(Company.City) && e.OldValue == oldCity && e.NewValue == "Neustadt an der Weinstraße");
        Assert.Contains(company.History, e => e.Kind == CompanyEventKind.Imported);
    }

    [Fact]
    public async Task An_unknown_name_previews_a_new_customer_and_the_import_creates_it_with_the_next_number_and_its_contact()
    {
        var sheet = await ExportAsync();
        var numbers = sheet.Select(r => (string)r["Kundennummer"]!).ToList();
        sheet.Add(new Dictionary<string, object?>(sheet[0].Keys.ToDictionary(k => k, _ => (object?)null))
        {
            ["Name"] = "Bergbahnen Oberland AG",
            ["Ort"] = "Interlaken",
            ["PLZ"] = 3800,
            ["Land"] = "CH",
            ["Labels"] = "Neu aus Excel",
            ["Ansprechpartner"] = "Ursula Frei",
        });

        var (rows, preview) = await PreviewAsync(sheet);

        var created = Assert.Single(preview.Rows, r => r.Action == ImportAction.Create);
        Assert.Equal("Bergbahnen Oberland AG", created.Name);
        Assert.Equal(sheet.Count - 1, preview.Count(ImportAction.Unchanged));
        await using (var db = _app.NewContext())
        {
            Assert.False(await db.Companies.AnyAsync(c => c.Name == "Bergbahnen Oberland AG"));
        }

        await _app.Get<CompanyImport>().CommitAsync(rows, preview, _app.OwnerId);

        var company = await CompanyAsync("Bergbahnen Oberland AG");
        Assert.DoesNotContain(company.Number, numbers);
        Assert.Equal(("3800", "Interlaken", "CH"), (company.Postcode, company.City, company.CountryCode));
        Assert.Equal("Ursula Frei", Assert.Single(company.People).Name);
        Assert.Equal("Neu aus Excel", Assert.Single(company.Labels).Name);
        Assert.Contains(company.History, e => e.Kind == CompanyEventKind.Imported);
    }

    [Fact]
    public async Task A_row_naming_a_company_in_other_case_updates_it_and_a_row_with_a_bad_cell_is_listed_with_its_reason()
    {
        var sheet = await ExportAsync();
        var first = sheet[0];
        var name = (string)first["Name"]!;
        var shouting = new Dictionary<string, object?> { ["Name"] = name.ToUpperInvariant(), ["Telefon"] = "+49 30 1234567", ["Land"] = first["Land"] };
        var broken = new Dictionary<string, object?> { ["Name"] = "Irgendwo GmbH", ["Telefon"] = null, ["Land"] = "XX" };

        var (_, preview) = await PreviewAsync([shouting, broken]);

        var update = Assert.Single(preview.Rows, r => r.Action == ImportAction.Update);
        Assert.Equal(first["Kundennummer"], update.Number);
        Assert.Contains(update.Changes, c => c.Field == nameof(Company.Name) && c.OldValue == name && c.NewValue == name.ToUpperInvariant());
        Assert.Contains(update.Changes, c => c.Field == nameof(Company.Phone) && c.NewValue == "+49 30 1234567");
        var invalid = Assert.Single(preview.Rows, r => r.Action == ImportAction.Invalid);
        Assert.Equal("Land", Assert.Single(invalid.Errors).Column);
    }

    [Fact]
    public async Task The_export_endpoint_serves_the_filtered_list_to_a_signed_in_user_with_formulas_as_text_and_nobody_else()
    {
        await _app.Get<CompanyCommands>().CreateAsync(new CompanyInput { Name = "=HYPERLINK(\"http://evil.example\",\"Klick\")", City = "+49 Hackstadt" }, _app.OwnerId);
        var anonymous = _app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signedIn = _app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await signedIn.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);

        var refused = await anonymous.GetAsync("/companies/export");
        var response = await signedIn.GetAsync("/companies/export?q=hyperlink");

        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LeadExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        var file = await response.Content.ReadAsByteArrayAsync();
        var row = Assert.Single(new MemoryStream(file).Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>());
        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"Klick\")", Assert.IsType<string>(row["Name"]));
        Assert.Equal("+49 Hackstadt", Assert.IsType<string>(row["Ort"]));
        using var zip = new ZipArchive(new MemoryStream(file));
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        Assert.DoesNotContain("<f>", await sheet.ReadToEndAsync(), StringComparison.Ordinal);
    }
}

public sealed class CompanyExcelTestsOnSqlite() : CompanyExcelTests(DatabaseProvider.Sqlite);

public sealed class CompanyExcelTestsOnPostgres() : CompanyExcelTests(DatabaseProvider.Postgres);
