using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Support;

public static class PageExtensions
{
    /// <summary>Signs in through the real form and waits until the shell's circuit is live.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("Account/Login");
        await page.FillAsync("#Input\\.Email", email);
        await page.FillAsync("#Input\\.Password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.WaitForCircuitAsync();
    }

    /// <summary>Waits for the marker the layout renders once interactive: before it, clicks go nowhere.</summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        page.Locator("[data-testid=circuit-live]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Clicks what opens the lead form ("Neuer Lead", "Bearbeiten") and waits until the form put its focus on the name, as a
    /// person sees the cursor there before typing: a field filled before that moment can lose its keys to the name field.
    /// </summary>
    public static async Task OpenLeadFormAsync(this IPage page, string opener)
    {
        await page.GetByTestId(opener).ClickAsync();
        // The element the page focuses, not ToBeFocusedAsync: that also wants the window to have the system's focus, which
        // only one of the browser's pages has while tests run side by side.
        await page.WaitForFunctionAsync("() => document.activeElement?.matches('[data-testid=lead-dialog] [data-testid=field-name]') === true");
    }

    /// <summary>On a lead's page: "Verloren" with the reason given, confirmed, and waits until the page says so.</summary>
    public static async Task LoseLeadAsync(this IPage page, string reason)
    {
        await page.GetByTestId("action-lost").ClickAsync();
        await page.GetByTestId("close-reason").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = reason }).ClickAsync();
        await page.GetByTestId("close-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("lead-status")).ToHaveTextAsync("Verloren");
    }

    /// <summary>Clicks something that loads a new page (a preference link) and waits until that page is live.</summary>
    public static async Task ClickAndWaitForPageAsync(this ILocator target, IPage page)
    {
        // The link leads back to the same address: tell the new document from the old one by a flag only the old one has.
        await page.EvaluateAsync("() => window.leadsOldDocument = true");
        await target.ClickAsync();
        await page.WaitForFunctionAsync("() => window.leadsOldDocument !== true && document.readyState === 'complete'");
        await page.WaitForCircuitAsync();
    }

    /// <summary>
    /// Types into a MudAutocomplete until <paramref name="option"/> shows in its list. MudBlazor
    /// debounces typing on the app's TimeProvider, which in tests is the fake clock: the test moves it on as time would pass.
    /// (Filled at once: typed key by key, the server's echo of an earlier key can overwrite later ones.) Typing that reaches the
    /// server after the clock moved waits for the next move, so it is typed again, not slept on.
    /// </summary>
    public static async Task TypeUntilOptionAsync(this ILocator field, string text, ILocator option, FakeTimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(time);
        for (var attempt = 0; ; attempt++)
        {
            await field.FillAsync(attempt % 2 == 0 ? text : text + " ");
            await field.FillAsync(text);
            for (var tick = 0; tick < 8; tick++)
            {
                time.Advance(TimeSpan.FromMilliseconds(250));
                try
                {
                    await option.First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 250 });
                    return;
                }
                catch (TimeoutException) when (attempt < 5)
                {
                    // Not shown yet: move the clock on once more.
                }
            }
        }
    }
}
