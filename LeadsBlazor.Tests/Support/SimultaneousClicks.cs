using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Support;

/// <summary>Two people clicking at the same moment in two browsers: one timer per page, all set to the same instant.</summary>
public static class SimultaneousClicks
{
    /// <summary>
    /// Clicks, in each page, the first element matching the selector (and holding the text, when given) at one shared
    /// moment a little ahead (the machine's clock, which every browser of the test shares). True per page when its
    /// element was still there to click.
    /// </summary>
    public static Task<bool[]> ClickTogetherAsync(params (IPage Page, string Selector, string? Text)[] clicks)
    {
        // Far enough ahead that both timers are set before it comes, also on a loaded 2-core machine.
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1_000;
        return Task.WhenAll(clicks.Select(c => c.Page.EvaluateAsync<bool>(
            """
            ([selector, text, at]) => new Promise(done => setTimeout(() => {
                const target = [...document.querySelectorAll(selector)].find(e => text === null || e.textContent.trim() === text);
                target?.click();
                done(target !== undefined);
            }, at - Date.now()))
            """, new object?[] { c.Selector, c.Text, at })));
    }
}
