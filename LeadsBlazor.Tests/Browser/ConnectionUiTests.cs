using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>
/// The connection UI in a real Chromium under the app's CSP: the translated reconnect dialog follows the
/// circuit's state through its module script, and the failure bar waits hidden.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConnectionUiTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [InlineData("de-DE", "Die Sitzung wurde angehalten.", "Fortsetzen", "Ein unerwarteter Fehler ist aufgetreten.")]
    [InlineData("en-US", "The session has been paused.", "Resume", "An unexpected error has occurred.")]
    public async Task A_paused_circuit_shows_the_translated_dialog_and_resumes_from_it(string locale, string paused, string resume, string failure)
    {
        var page = await NewPageAsync(locale);
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add(message.Text);
            }
        };
        await page.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        var dialog = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToContainTextAsync(failure);

        // The client asks the server to pause the circuit: the same path as a server-side pause, without a real outage.
        await page.EvaluateAsync("() => { Blazor.pauseCircuit(); }");

        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByText(paused)).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = resume }).ClickAsync();

        await Assertions.Expect(dialog).ToBeHiddenAsync();

        // The dialog hides as the circuit resumes; the page answers again a moment later (a user clicks again, too).
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByTestId("user-menu").ClickAsync();
            try
            {
                await Assertions.Expect(page.GetByTestId("sign-out")).ToBeVisibleAsync(new() { Timeout = 2_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 5)
            {
            }
        }

        Assert.Empty(refused);
    }
}
