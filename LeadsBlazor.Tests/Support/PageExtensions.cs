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
        await page.Locator("[data-testid=lead-dialog] [data-testid=field-name]").WaitForCursorAsync();
    }

    /// <summary>
    /// Waits until a dialog's autofocus put the cursor in <paramref name="field"/>, as a person sees it before typing; typing
    /// on before that, the late focus can take the next field's keys. The element the page focuses, not
    /// <c>ToBeFocusedAsync</c>: that also wants the window to have the system's focus, which only one of the browser's pages
    /// has while tests run side by side (the field then even reports a blur while it keeps the page's focus).
    /// </summary>
    public static Task WaitForCursorAsync(this ILocator field) => UntilAsync(field, "e => document.activeElement === e");

    /// <summary>
    /// Chooses a file in a Blazor file input, as the picker does. Blazor's script starts listening on the input a moment
    /// after the input shows (in its first after-render step, one round trip later); a file set before that is never
    /// read, which a busy machine showed. So this first waits for the mark that script leaves on the input.
    /// </summary>
    public static async Task ChooseFileAsync(this ILocator input, FilePayload file)
    {
        await WaitForFileInputAsync(input);
        await input.SetInputFilesAsync(file);
    }

    /// <inheritdoc cref="ChooseFileAsync(ILocator, FilePayload)"/>
    public static async Task ChooseFileAsync(this ILocator input, string path)
    {
        await WaitForFileInputAsync(input);
        await input.SetInputFilesAsync(path);
    }

    private static Task WaitForFileInputAsync(ILocator input) => UntilAsync(input, "e => e._blazorInputFileNextFileId !== undefined");

    /// <summary>Waits until <paramref name="predicate"/>, a script given the element, holds for the element the locator finds.</summary>
    private static async Task UntilAsync(ILocator element, string predicate)
    {
        ArgumentNullException.ThrowIfNull(element);
        await element.Page.WaitForFunctionAsync(predicate, await element.ElementHandleAsync());
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
