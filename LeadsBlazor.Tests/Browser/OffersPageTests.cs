using System.Text.RegularExpressions;
using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>The list of all offers in a real Chromium: its filters live in the URL, so a reload and the export show the same offers.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OffersPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    protected override async Task ArrangeAsync()
    {
        var owner = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        var member = (await App.CreateMemberAsync()).Id;
        var website = await App.Services.CreateCustomerLeadAsync("Relaunch Website", owner, "Müller GmbH");
        var campaign = await App.Services.CreateCustomerLeadAsync("Kampagne Frühjahr", member, "Schmid AG");
        await App.Services.CreateOfferAsync(website, owner, "Webshop", 1_000m);
        await App.Services.CreateOfferAsync(campaign, member, "Broschüre", 5_000m);
        var flyer = await App.Services.CreateOfferAsync(campaign, member, "Flyer", 300m);
        await App.Services.ChangeOfferAsync(flyer, member, (c, id, version, user) => c.ArchiveAsync(id, version, user));
    }

    [Fact]
    public async Task Status_search_responsible_and_sort_go_to_the_url_and_a_reload_shows_the_same_list()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads");
        await page.GetByTestId("nav-offers").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/offers$"));
        var grid = page.GetByTestId("offers-grid");
        await Assertions.Expect(grid.GetByTestId("offer-link")).ToHaveCountAsync(2);
        await Assertions.Expect(grid).ToContainTextAsync("Webshop");
        await Assertions.Expect(grid).ToContainTextAsync("1.190,00 €");
        await Assertions.Expect(grid).Not.ToContainTextAsync("Flyer");

        // Leaving the field searches at once; typing searches after a pause that the test app's fake clock never lets pass.
        await page.GetByTestId("offers-search").FillAsync("kampagne");
        await page.GetByTestId("offers-search").PressAsync("Tab");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]q=kampagne(&|$)"));
        await Assertions.Expect(grid.GetByTestId("offer-link")).ToHaveTextAsync([new Regex("-002$")]);
        await Assertions.Expect(grid).Not.ToContainTextAsync("Webshop");

        // Archived offers are one more status in the filter.
        await page.GetByTestId("offers-status").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Archiviert" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]status=draft%2Csent%2Cconfirmed%2Cbilled%2Carchived(&|$)"));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]q=kampagne(&|$)"));
        await Assertions.Expect(grid.GetByTestId("offer-link")).ToHaveCountAsync(2);
        await Assertions.Expect(grid).ToContainTextAsync("Flyer");
        await page.Keyboard.PressAsync("Escape");

        var sortByGross = grid.GetByRole(AriaRole.Columnheader, new() { Name = "Brutto" }).GetByRole(AriaRole.Button);
        await sortByGross.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]sort=Gross(&|$)"));
        await Assertions.Expect(grid.GetByTestId("offer-gross")).ToHaveTextAsync(["357,00 €", "5.950,00 €"]);

        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("offers-search")).ToHaveValueAsync("kampagne");
        await Assertions.Expect(grid.GetByTestId("offer-gross")).ToHaveTextAsync(["357,00 €", "5.950,00 €"]);
        var export = await page.GetByTestId("offers-export").GetAttributeAsync("href");
        Assert.Contains("q=kampagne", export, StringComparison.Ordinal);
        Assert.Contains("archived", export, StringComparison.Ordinal);
        Assert.Contains("sort=Gross", export, StringComparison.Ordinal);

        // "Ich": the owner is responsible for none of the campaign's offers.
        await page.GetByTestId("filter-me").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]responsible=me(&|$)"));
        await Assertions.Expect(page.GetByTestId("offers-empty")).ToBeVisibleAsync();
    }
}
