using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Support;

/// <summary>One Chromium for all browser tests; each test opens its own context (cookies, storage).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        // What a test waits to see gets as long as what it waits to act on: on a 2-core CI machine running the
        // PostgreSQL half alongside, a server round trip can take longer than Playwright's default 5 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        Browser = await ChromiumLocator.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A fresh browser session at the app's address, in German unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, string locale = "de-DE")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        lock (_contexts)
        {
            _contexts.Add(context);
        }

        return await context.NewPageAsync();
    }

    /// <summary>
    /// Closes every session a test opened. Call it before the app stops: an open circuit keeps
    /// reconnecting to a stopped server and holds the server's shutdown.
    /// </summary>
    public async Task CloseSessionsAsync()
    {
        IBrowserContext[] open;
        lock (_contexts)
        {
            open = [.. _contexts];
            _contexts.Clear();
        }

        foreach (var context in open)
        {
            await context.CloseAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
