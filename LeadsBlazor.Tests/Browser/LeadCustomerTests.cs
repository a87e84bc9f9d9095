using System.Text.RegularExpressions;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace LeadsBlazor.Tests.Browser;

/// <summary>Issue 15 in the browser: customers typed in the lead form (acceptance 2, first part) or named by an imported sheet (acceptance 4) join the directory.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LeadCustomerTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task A_lead_with_a_new_customer_and_contact_typed_in_the_form_shows_them_and_they_are_in_the_directory()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads/potential");
        await page.OpenLeadFormAsync("new-lead");
        var dialog = page.GetByTestId("lead-dialog");
        await dialog.GetByTestId("field-name").FillAsync("Website-Relaunch Bergbahnen");

        await dialog.GetByTestId("field-company").TypeUntilOptionAsync("Bergbahnen Zermatt AG", page.GetByTestId("company-option-new"), App.Time);
        await page.GetByTestId("company-option-new").ClickAsync();
        await Assertions.Expect(page.GetByTestId("company-option-new")).ToHaveCountAsync(0);
        await Assertions.Expect(dialog.GetByTestId("field-company")).ToHaveValueAsync("Bergbahnen Zermatt AG");
        var newContact = page.GetByTestId("contact-option-new");
        await dialog.GetByTestId("field-contact").TypeUntilOptionAsync("Lea Imboden", newContact, App.Time);
        await Assertions.Expect(newContact).ToHaveTextAsync("Neuen Ansprechpartner „Lea Imboden“ anlegen");
        NoViolations(await AccessibilityTests.ViolationsAsync(page, "the lead dialog with the contact list open"));
        await newContact.ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Ansprechpartner bei Bergbahnen Zermatt AG");
        await page.GetByTestId("lead-save").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/leads/\d+$"));
        await using var db = App.Services.GetRequiredService<IDbContextFactory<LeadsDbContext>>().CreateDbContext();
        var company = await db.Companies.Include(c => c.People).SingleAsync();
        Assert.Equal(("Bergbahnen Zermatt AG", "K-0001"), (company.Name, company.Number));
        Assert.Equal("Lea Imboden", Assert.Single(company.People).Name);
        var link = page.GetByTestId("lead-company-link");
        await Assertions.Expect(link).ToHaveTextAsync("Bergbahnen Zermatt AG");
        await Assertions.Expect(link).ToHaveAttributeAsync("href", $"companies/{company.Id}");
        await Assertions.Expect(page.GetByTestId("lead-company")).ToContainTextAsync("K-0001");
        await Assertions.Expect(page.GetByTestId("lead-contact")).ToHaveTextAsync("Lea Imboden");

        // Contact data added in the directory reaches the open lead page.
        using (var scope = App.Services.CreateScope())
        {
            var owner = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
            await scope.ServiceProvider.GetRequiredService<CompanyCommands>().UpdatePersonAsync(company.People.Single().Id,
                new PersonDetails(Salutation.Ms, "Lea", "Imboden", "Marketing", "lea.imboden@bergbahnen.example", "+41 27 966 01 01"), owner);
        }

        await Assertions.Expect(page.GetByTestId("lead-contact-email")).ToHaveAttributeAsync("href", "mailto:lea.imboden@bergbahnen.example");
        await Assertions.Expect(page.GetByTestId("lead-contact-phone")).ToHaveAttributeAsync("href", "tel:+41279660101");
        await Assertions.Expect(page.GetByTestId("lead-contact")).ToContainTextAsync("Lea Imboden · Marketing");
        NoViolations(await AccessibilityTests.ViolationsAsync(page, page.Url));
    }

    [Fact]
    public async Task Importing_a_sheet_that_names_an_unknown_customer_previews_it_as_new_and_creates_it_on_confirm()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads/import");
        var file = Path.Combine(App.Folder, "customers.xlsx");
        MiniExcel.SaveAs(file, new[]
        {
            new Dictionary<string, object?> { ["Name"] = "Website-Relaunch", ["Kunde"] = "Bergbahnen Zermatt AG", ["Ansprechperson"] = "Lea Imboden", ["Nächste Aktion am"] = new DateTime(2026, 12, 15) },
        });

        await page.GetByTestId("import-upload").Last.ChooseFileAsync(file);

        await Assertions.Expect(page.GetByTestId("import-new-companies")).ToHaveTextAsync("1 neuer Kunde: Bergbahnen Zermatt AG");
        await Assertions.Expect(page.GetByTestId("import-new-contacts")).ToHaveTextAsync("1 neuer Ansprechpartner: Lea Imboden");
        await Assertions.Expect(page.GetByTestId("import-change")).ToHaveTextAsync(["Neuer Kunde: Bergbahnen Zermatt AG", "Neuer Ansprechpartner: Lea Imboden"]);
        await page.GetByTestId("import-confirm").ClickAsync();

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Importiert: 1 neu, 0 geändert.");
        await using var db = App.Services.GetRequiredService<IDbContextFactory<LeadsDbContext>>().CreateDbContext();
        var company = await db.Companies.Include(c => c.People).SingleAsync();
        Assert.Equal(("Bergbahnen Zermatt AG", "K-0001", "Lea Imboden"), (company.Name, company.Number, Assert.Single(company.People).Name));
    }

    private static void NoViolations(IEnumerable<string> violations) => Assert.True(!violations.Any(), string.Join('\n', violations));
}
