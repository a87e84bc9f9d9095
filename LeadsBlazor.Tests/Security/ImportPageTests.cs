using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace LeadsBlazor.Tests.Security;

/// <summary>The import page in the browser: a hostile workbook gets a message, and the page goes on to import the next file.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_workbook_that_unpacks_to_a_gigabyte_is_refused_with_a_message_and_the_next_file_imports()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads/import");
        using var hostile = HostileWorkbook.WithOneHugeString(1024L * 1024 * 1024);

        await page.GetByTestId("import-upload").Last.ChooseFileAsync(new FilePayload { Name = "bombe.xlsx", MimeType = "application/octet-stream", Buffer = hostile.ToArray() });

        await Assertions.Expect(page.GetByTestId("import-file-error")).ToContainTextAsync("Die Datei entpackt sich zu groß");

        using var good = new MemoryStream();
        good.SaveAs(new[] { new Dictionary<string, object?> { ["Name"] = "Nach der Bombe", ["Nächste Aktion am"] = new DateTime(2026, 12, 20), ["Möglicher Umsatz"] = 4_000 } }, excelType: ExcelType.XLSX);

        // The name as the picker gives it, with a right-to-left override that would show "invoicexslx.exe".
        await page.GetByTestId("import-upload").Last.ChooseFileAsync(new FilePayload { Name = "invoice\u202Eexe.xlsx", MimeType = "application/octet-stream", Buffer = good.ToArray() });

        await Assertions.Expect(page.GetByTestId("import-creates")).ToHaveAttributeAsync("data-count", "1");
        await Assertions.Expect(page.GetByTestId("import-file-error")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("import-preview")).ToContainTextAsync("invoiceexe.xlsx");
        await page.GetByTestId("import-confirm").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Importiert: 1 neu, 0 geändert.");
    }
}
