using System.Globalization;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Support;

/// <summary>What a person sees and does on the board, in Playwright's terms.</summary>
public static class BoardPageExtensions
{
    public static ILocator Column(this IPage page, string stage) => page.Locator($"[data-testid=board-column][data-stage=\"{stage}\"]");

    public static ILocator Card(this IPage page, int leadId) => page.Locator($"[data-testid=lead-card][data-lead-id=\"{leadId}\"]");

    public static ILocator CardIn(this IPage page, string stage, int leadId) => page.Column(stage).Locator($"[data-testid=lead-card][data-lead-id=\"{leadId}\"]");

    public static async Task<decimal> WeightedVolumeAsync(this IPage page) =>
        decimal.Parse((await page.GetByTestId("weighted-volume").GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture);

    /// <summary>Drags with the mouse the way a person does: press, move in steps, release over the target.</summary>
    public static async Task DragWithMouseAsync(this IPage page, ILocator source, Func<Task<ILocator>> target)
    {
        var from = (await source.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X + (from.Width / 2), from.Y + 12);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + (from.Width / 2) + 20, from.Y + 30, new MouseMoveOptions { Steps = 5 });
        var to = await target();
        await to.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var box = (await to.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2), new MouseMoveOptions { Steps = 10 });
        await page.Mouse.UpAsync();
    }
}
