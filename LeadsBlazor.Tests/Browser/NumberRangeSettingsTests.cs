using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>The owner's number ranges page as the owner uses it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NumberRangeSettingsTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task The_owner_changes_the_customer_prefix_and_the_preview_and_the_log_follow()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "settings/number-ranges");
        var customers = page.Locator("[data-testid=number-range][data-kind=Customer]");
        await Assertions.Expect(customers.GetByTestId("number-range-next")).ToHaveTextAsync("Nächste Nummer: K-0001");

        await customers.GetByTestId("number-range-prefix").FillAsync("KD-");
        await customers.GetByTestId("number-range-save").ClickAsync();

        await Assertions.Expect(customers.GetByTestId("number-range-next")).ToHaveTextAsync("Nächste Nummer: KD-0001");
        await Assertions.Expect(page.GetByTestId("settings-log")).ToContainTextAsync("Präfix der Kundennummern geändert: K- → KD-");
    }

    [Fact]
    public async Task A_prefix_with_a_space_is_refused_at_the_field()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "settings/number-ranges");
        var customers = page.Locator("[data-testid=number-range][data-kind=Customer]");

        await customers.GetByTestId("number-range-prefix").FillAsync("K 1");
        await customers.GetByTestId("number-range-save").ClickAsync();

        await Assertions.Expect(customers.Locator(".mud-input-helper-text.mud-input-error")).ToContainTextAsync("Das Präfix darf höchstens 10 Zeichen haben");
        await Assertions.Expect(customers.GetByTestId("number-range-next")).ToHaveTextAsync("Nächste Nummer: K-0001");
    }
}
