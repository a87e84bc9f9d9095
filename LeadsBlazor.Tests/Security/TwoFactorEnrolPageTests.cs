using System.Text.RegularExpressions;
using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Security;

/// <summary>Two-factor sign-in as a user sees it in Chromium: from the user menu to the QR code, the recovery codes, and the owners' switch.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class TwoFactorEnrolPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task The_user_menu_leads_to_a_QR_code_and_a_grouped_key_and_the_confirmed_app_gives_recovery_codes()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads");

        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByTestId("two-factor").ClickAsync();
        await Assertions.Expect(page.GetByTestId("two-factor-off")).ToBeVisibleAsync();
        await page.GetByTestId("enable-authenticator").ClickAsync();

        // The QR code is served with the page (a data URI the CSP allows) and decodes as an image.
        var qr = page.GetByTestId("authenticator-qr");
        await Assertions.Expect(qr).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('[data-testid=authenticator-qr]'); return img.complete && img.naturalWidth > 100; }");
        var key = page.GetByTestId("authenticator-key");
        await Assertions.Expect(key).ToHaveTextAsync(GroupsOfFour());

        await page.FillAsync("#Input\\.Code", AuthenticatorApp.CodeNow(await key.InnerTextAsync()));
        await page.ClickAsync("button[type=submit]");

        await Assertions.Expect(page.GetByTestId("two-factor-enabled")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
    }

    [Fact]
    public async Task The_owners_switch_asks_its_author_to_enrol_first_and_then_logs_the_change()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "settings/users");
        var ownerSwitch = page.GetByTestId("owner-two-factor-switch");

        await ownerSwitch.ClickAsync();
        await Assertions.Expect(page.GetByTestId("owner-two-factor-error")).ToHaveTextAsync("Richten Sie zuerst Ihre eigene Zwei-Faktor-Anmeldung ein (Benutzermenü → Zwei-Faktor-Anmeldung).");
        await Assertions.Expect(ownerSwitch).Not.ToBeCheckedAsync();

        await page.GotoAsync("Account/Manage/EnableAuthenticator");
        await page.FillAsync("#Input\\.Code", AuthenticatorApp.CodeNow(await page.GetByTestId("authenticator-key").InnerTextAsync()));
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByTestId("two-factor-enabled")).ToBeVisibleAsync();

        await page.GotoAsync("settings/users");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("owner-two-factor-switch").ClickAsync();
        await Assertions.Expect(page.GetByTestId("settings-log")).ToContainTextAsync("Zwei-Faktor-Anmeldung für Account-Inhaber verlangt");
        await Assertions.Expect(page.GetByTestId("owner-two-factor-switch")).ToBeCheckedAsync();
    }

    [GeneratedRegex("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$")]
    private static partial Regex GroupsOfFour();
}
