using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Support;

/// <summary>
/// Finds a Chromium for the browser tests without any set-up step: <c>CHROMIUM_PATH</c>, then a
/// system Chromium or Chrome, then Playwright's own browser, then Playwright's installer (which
/// works on a machine with internet). When all fail, it says how to get one.
/// </summary>
public static class ChromiumLocator
{
    private static readonly string[] SystemBrowsers =
    [
        "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable",
        "/snap/bin/chromium", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        @"C:\Program Files\Google\Chrome\Application\chrome.exe", @"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
    ];

    // Without these flags Chromium calls home at every start; this machine's closed network refuses that.
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        var failures = new List<string>();
        var configured = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        foreach (var path in new[] { configured }.Concat(SystemBrowsers).Where(p => !string.IsNullOrEmpty(p) && File.Exists(p)))
        {
            try
            {
                return await playwright.Chromium.LaunchAsync(Options(path));
            }
            catch (PlaywrightException e)
            {
                failures.Add($"{path}: {e.Message.Split('\n')[0]}");
            }
        }

        try
        {
            return await playwright.Chromium.LaunchAsync(Options(null));
        }
        catch (PlaywrightException e)
        {
            failures.Add($"Playwright's own Chromium: {e.Message.Split('\n')[0]}");
        }

        var installed = Microsoft.Playwright.Program.Main(["install", "chromium"]);
        if (installed == 0)
        {
            return await playwright.Chromium.LaunchAsync(Options(null));
        }

        throw new InvalidOperationException(
            "No Chromium for the browser tests. Install one (Debian/Ubuntu: 'sudo apt-get install -y chromium'), " +
            "or set CHROMIUM_PATH to a Chromium or Chrome executable, or allow Playwright to download its browser " +
            "('pwsh LeadsBlazor.Tests/bin/Debug/net10.0/playwright.ps1 install chromium'). Tried: " + string.Join("; ", failures));
    }

    private static BrowserTypeLaunchOptions Options(string? executablePath) => new()
    {
        ExecutablePath = executablePath,
        Headless = true,
        Args = Arguments,
    };
}
