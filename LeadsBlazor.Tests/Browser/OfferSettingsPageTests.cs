using LeadsBlazor.Tests.Features.Settings;
using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>The owner's offer settings page as the owner uses it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OfferSettingsPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task The_owner_saves_the_firm_name_and_a_german_tax_rate_and_both_stay_after_a_reload()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "settings/offers");
        var letterhead = page.GetByTestId("offer-settings-letterhead");
        var terms = page.GetByTestId("offer-settings-terms");

        await letterhead.GetByLabel("Firmenname").FillAsync("Berger Consulting GmbH");
        await letterhead.GetByTestId("offer-settings-letterhead-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("settings-log")).ToContainTextAsync("Briefkopf geändert: Berger Consulting GmbH");
        await terms.GetByLabel("Steuersatz").FillAsync("8,1");
        await terms.GetByTestId("offer-settings-terms-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("settings-log")).ToContainTextAsync("Steuersatz geändert: 19 % → 8.1 %");

        await page.ReloadAsync();
        await page.WaitForCircuitAsync();

        await Assertions.Expect(page.GetByTestId("offer-settings-letterhead").GetByLabel("Firmenname")).ToHaveValueAsync("Berger Consulting GmbH");
        await Assertions.Expect(page.GetByTestId("offer-settings-terms").GetByLabel("Steuersatz")).ToHaveValueAsync("8,1");

        // A rate typed with a point in the German UI is that rate, not seventy-seven; text that is no number is said so.
        var reloaded = page.GetByTestId("offer-settings-terms");
        await reloaded.GetByLabel("Steuersatz").FillAsync("7.7");
        await reloaded.GetByTestId("offer-settings-terms-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("settings-log")).ToContainTextAsync("Steuersatz geändert: 8.1 % → 7.7 %");
        await reloaded.GetByLabel("Steuersatz").FillAsync("neunzehn");
        await reloaded.GetByTestId("offer-settings-terms-save").ClickAsync();
        await Assertions.Expect(reloaded).ToContainTextAsync("„neunzehn“ ist kein Prozentsatz. Zum Beispiel: 19 oder 8,1.");
        await Assertions.Expect(reloaded.GetByLabel("Steuersatz")).ToHaveValueAsync("neunzehn");
    }

    [Fact]
    public async Task The_owner_uploads_a_png_logo_sees_it_and_removes_it()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "settings/offers");
        var logo = page.GetByTestId("offer-settings-logo");
        await Assertions.Expect(logo.GetByTestId("offer-settings-no-logo")).ToBeVisibleAsync();

        await logo.Locator("input[type=file]").ChooseFileAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = OfferSettingsTests.Png });

        var preview = logo.GetByTestId("offer-settings-logo-preview");
        await Assertions.Expect(preview).ToHaveAttributeAsync("src", "data:image/png;base64," + Convert.ToBase64String(OfferSettingsTests.Png));
        await Assertions.Expect(page.GetByTestId("settings-log")).ToContainTextAsync("Logo geändert");

        await logo.GetByTestId("offer-settings-logo-remove").ClickAsync();

        await Assertions.Expect(preview).ToHaveCountAsync(0);
        await Assertions.Expect(logo.GetByTestId("offer-settings-no-logo")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_file_that_is_no_image_is_refused_with_the_rules_message()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "settings/offers");
        var logo = page.GetByTestId("offer-settings-logo");

        await logo.Locator("input[type=file]").ChooseFileAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = "not an image"u8.ToArray() });

        await Assertions.Expect(logo.GetByTestId("offer-settings-logo-error")).ToHaveTextAsync("Das Logo muss ein PNG- oder JPEG-Bild bis 1024 KB sein.");
        await Assertions.Expect(logo.GetByTestId("offer-settings-no-logo")).ToBeVisibleAsync();
    }
}
