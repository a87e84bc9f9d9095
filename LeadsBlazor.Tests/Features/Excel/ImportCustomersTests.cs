using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Customers;
using LeadsBlazor.Web.Features.Excel;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace LeadsBlazor.Tests.Features.Excel;

/// <summary>The lead import links customers by name the way the lead form does, and says which ones it creates (issue 15, acceptance 4).</summary>
public abstract class ImportCustomersTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false" }, provider: provider);

    public void Dispose() => _app.Dispose();

    private static MemoryStream Sheet(params (string Name, string? Customer, string? Contact)[] leads)
    {
        var file = new MemoryStream();
        file.SaveAs(leads.Select(l => new Dictionary<string, object?>
        {
            ["Name"] = l.Name,
            ["Kunde"] = l.Customer,
            ["Ansprechperson"] = l.Contact,
            ["Nächste Aktion am"] = new DateTime(2026, 12, 10),
        }), excelType: ExcelType.XLSX);
        file.Position = 0;
        return file;
    }

    private async Task<(IReadOnlyList<ImportedRow> Rows, ImportPreview Preview)> PreviewAsync(Stream file)
    {
        var rows = _app.Get<ImportSheet>().Read(file, out var fileErrors);
        Assert.Empty(fileErrors);
        return (rows, await _app.Get<LeadImport>().PreviewAsync(rows, fileErrors, _app.OwnerId));
    }

    [Fact]
    public async Task A_sheet_naming_an_unknown_customer_previews_it_as_new_and_creates_it_with_a_number_on_confirm()
    {
        var (rows, preview) = await PreviewAsync(Sheet(
            ("Relaunch", "Bergbahnen Zermatt AG", "Lea Imboden"),
            ("Intranet", "Bergbahnen Zermatt AG", null)));

        Assert.Equal(["Bergbahnen Zermatt AG"], preview.NewCompanies);
        Assert.Equal(["Lea Imboden"], preview.NewContacts);
        Assert.Equal(("Bergbahnen Zermatt AG", "Lea Imboden"), (preview.Rows[0].NewCompany, preview.Rows[0].NewContact));
        await using (var before = _app.NewContext())
        {
            Assert.False(await before.Companies.AnyAsync(c => c.Name == "Bergbahnen Zermatt AG")); // the preview saves nothing
        }

        await _app.Get<LeadImport>().CommitAsync(rows, preview, _app.OwnerId);

        await using var db = _app.NewContext();
        var company = await db.Companies.Include(c => c.People).Include(c => c.History).SingleAsync(c => c.Name == "Bergbahnen Zermatt AG");
        Assert.Matches("^K-[0-9]{4}$", company.Number);
        Assert.Equal("Lea Imboden", Assert.Single(company.People).Name);
        Assert.Contains(company.History, e => e.Kind == CompanyEventKind.Created);
        Assert.Equal(2, await db.Leads.CountAsync(l => l.CompanyId == company.Id));
    }

    [Fact]
    public async Task A_sheet_naming_a_customer_in_other_case_and_umlaut_spelling_links_the_existing_one()
    {
        var existing = await _app.Get<CompanyCommands>().CreateAsync(new CompanyInput { Name = "Müller GmbH" }, _app.OwnerId);

        var (rows, preview) = await PreviewAsync(Sheet(("Relaunch", "MÜLLER gmbh", null), ("Shop", "Mueller GmbH", null)));
        await _app.Get<LeadImport>().CommitAsync(rows, preview, _app.OwnerId);

        Assert.Empty(preview.NewCompanies);
        Assert.All(preview.Rows, r => Assert.Null(r.NewCompany));
        await using var db = _app.NewContext();
        Assert.Equal(1, await db.Companies.CountAsync());
        Assert.Equal([existing, existing], await db.Leads.OrderBy(l => l.Id).Select(l => l.CompanyId).ToListAsync());
    }
}

public sealed class ImportCustomersTestsOnSqlite() : ImportCustomersTests(DatabaseProvider.Sqlite);

public sealed class ImportCustomersTestsOnPostgres() : ImportCustomersTests(DatabaseProvider.Postgres);
