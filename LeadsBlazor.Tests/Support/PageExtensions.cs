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

    /// <summary>Clicks something that loads a new page (a preference link) and waits until that page is live.</summary>
    public static async Task ClickAndWaitForPageAsync(this ILocator target, IPage page)
    {
        // The link leads back to the same address: tell the new document from the old one by a flag only the old one has.
        await page.EvaluateAsync("() => window.leadsOldDocument = true");
        await target.ClickAsync();
        await page.WaitForFunctionAsync("() => window.leadsOldDocument !== true && document.readyState === 'complete'");
        await page.WaitForCircuitAsync();
    }
}
