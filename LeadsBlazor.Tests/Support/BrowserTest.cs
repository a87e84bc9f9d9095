using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Support;

/// <summary>
/// A browser test class: its own app (fresh database) on a loopback port, served for each test,
/// and the shared Chromium (derived classes join <see cref="BrowserCollection"/>). Sessions close before the app stops, so no open circuit holds it.
/// </summary>
public abstract class BrowserTest(BrowserFixture browser, LeadsAppFactory? app = null) : IAsyncLifetime
{
    protected BrowserFixture Browser { get; } = browser;

    protected LeadsAppFactory App { get; } = app ?? new LeadsAppFactory();

    protected Uri Address { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Address = App.StartKestrel();
        await ArrangeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseSessionsAsync();
        await App.DisposeAsync();
    }

    /// <summary>What each test of the class starts from, stored through the app's own use cases.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    protected Task<IPage> NewPageAsync(string locale = "de-DE") => Browser.NewPageAsync(Address, locale);

    /// <summary>A new session, signed in, on the given page of the app.</summary>
    protected async Task<IPage> OpenAsync(string email, string password, string? path = null)
    {
        var page = await NewPageAsync();
        await page.SignInAsync(email, password);
        if (path is not null)
        {
            await page.GotoAsync(path);
            await page.WaitForCircuitAsync();
        }

        return page;
    }
}
