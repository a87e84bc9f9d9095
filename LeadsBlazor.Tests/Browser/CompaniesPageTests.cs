using System.Text.RegularExpressions;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Customers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>The customer directory's list and its "Neuer Kunde" dialog in a real Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CompaniesPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    protected override async Task ArrangeAsync()
    {
        using var scope = App.Services.CreateScope();
        var commands = scope.ServiceProvider.GetRequiredService<CompanyCommands>();
        var owner = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        await commands.CreateAsync(new CompanyInput { Name = "Müller Maschinenbau GmbH", Postcode = "80331", City = "München", CountryCode = "DE" }, owner);
        await commands.CreateAsync(new CompanyInput { Name = "Schmid AG", Postcode = "8001", City = "Zürich", CountryCode = "CH" }, owner);
    }

    [Fact]
    public async Task A_search_keeps_to_the_url_and_a_new_customer_saved_from_the_dialog_opens_its_page_and_shows_in_the_list_on_the_way_back()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "companies");
        var grid = page.GetByTestId("companies-grid");
        await Assertions.Expect(grid).ToContainTextAsync("Schmid AG");
        await Assertions.Expect(grid).ToContainTextAsync("Schweiz");

        // Leaving the field searches at once; typing searches after a pause that the test app's fake clock never lets pass.
        await page.GetByTestId("companies-search").FillAsync("MUELLER");
        await page.GetByTestId("companies-search").PressAsync("Tab");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/companies\?q=MUELLER$"));
        await Assertions.Expect(grid).ToContainTextAsync("Müller Maschinenbau GmbH");
        await Assertions.Expect(grid).Not.ToContainTextAsync("Schmid AG");

        await page.GetByTestId("company-new").ClickAsync();
        var dialog = page.GetByTestId("company-dialog");
        await Assertions.Expect(dialog.GetByTestId("company-field-name")).ToHaveValueAsync("MUELLER");
        await dialog.GetByTestId("company-field-name").WaitForCursorAsync();
        await dialog.GetByTestId("company-field-name").FillAsync("Müller & Söhne KG");
        await dialog.GetByTestId("company-field-city").FillAsync("Graz");
        await page.GetByTestId("company-save").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/companies/\d+$"));
        // The address changes before the router shows the new page: going back before it shows would leave the list that was
        // about to go, and the click on its sort button below would reach a grid on its way out.
        await Assertions.Expect(page.GetByTestId("company-name")).ToHaveTextAsync("Müller & Söhne KG");

        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/companies\?q=MUELLER$"));
        await Assertions.Expect(grid.Locator("tr", new() { HasText = "Müller & Söhne KG" })).ToContainTextAsync("Graz");
        await Assertions.Expect(grid).ToContainTextAsync("Müller Maschinenbau GmbH");

        // The sort goes to the URL too, so a reload shows the same order.
        var sortByName = grid.GetByRole(AriaRole.Columnheader, new() { Name = "Name" }).GetByRole(AriaRole.Button);
        await sortByName.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]sort=Name(&|$)"));
        await sortByName.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]desc=1(&|$)"));
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(grid.GetByTestId("company-link")).ToHaveTextAsync(["Müller Maschinenbau GmbH", "Müller & Söhne KG"]);
        await Assertions.Expect(page.GetByTestId("companies-search")).ToHaveValueAsync("MUELLER");
    }
}
