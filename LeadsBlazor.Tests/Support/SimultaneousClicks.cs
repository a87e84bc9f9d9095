using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Support;

/// <summary>What came of one page's click at the shared moment.</summary>
public enum ClickOutcome
{
    /// <summary>The page clicked its element.</summary>
    Clicked,

    /// <summary>The element was gone: the page had changed before the moment came.</summary>
    Gone,

    /// <summary>
    /// The page no longer showed what the click was aimed at (its timer fired late, after the other click's outcome
    /// reached it), so it did not click: a person would not have clicked that either.
    /// </summary>
    Late,
}

/// <summary>Two people clicking at the same moment in two browsers: one timer per page, all set to the same instant.</summary>
public static class SimultaneousClicks
{
    // Far enough ahead that both timers are set before it comes, also on a loaded 2-core machine.
    private const int AheadMs = 1_000;

    /// <summary>
    /// Clicks, in each page, the first element matching the selector (and holding the text, when given) at one shared
    /// moment a little ahead (the machine's clock, which every browser of the test shares). True per page when its
    /// element was still there to click.
    /// </summary>
    public static async Task<bool[]> ClickTogetherAsync(params (IPage Page, string Selector, string? Text)[] clicks) =>
        [.. (await ClickAsync(null, null, clicks)).Select(o => o == ClickOutcome.Clicked)];

    /// <summary>
    /// As <see cref="ClickTogetherAsync"/>, but each page clicks only while its element matching
    /// <paramref name="shownSelector"/> still contains <paramref name="shownText"/>: the state both clicks are aimed at.
    /// A timer that fires after its page has shown the other click's outcome is <see cref="ClickOutcome.Late"/>; the
    /// check and the click run in one browser task, so nothing the server sends comes between them.
    /// </summary>
    public static Task<ClickOutcome[]> ClickTogetherWhileShownAsync(string shownSelector, string shownText, params (IPage Page, string Selector, string? Text)[] clicks) =>
        ClickAsync(shownSelector, shownText, clicks);

    private static async Task<ClickOutcome[]> ClickAsync(string? shownSelector, string? shownText, (IPage Page, string Selector, string? Text)[] clicks)
    {
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + AheadMs;
        var outcomes = await Task.WhenAll(clicks.Select(c => c.Page.EvaluateAsync<string>(
            """
            ([selector, text, at, shownSelector, shownText]) => new Promise(done => setTimeout(() => {
                if (shownSelector !== null && !document.querySelector(shownSelector)?.textContent.includes(shownText)) {
                    done('Late');
                    return;
                }
                const target = [...document.querySelectorAll(selector)].find(e => text === null || e.textContent.trim() === text);
                target?.click();
                done(target === undefined ? 'Gone' : 'Clicked');
            }, at - Date.now()))
            """, new object?[] { c.Selector, c.Text, at, shownSelector, shownText })));
        return [.. outcomes.Select(Enum.Parse<ClickOutcome>)];
    }
}
