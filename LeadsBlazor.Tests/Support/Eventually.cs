using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Support;

/// <summary>Waits for what happens in the background (a relay's message, a connection coming back) by checking it, never by sleeping a set time.</summary>
public static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>Checks <paramref name="condition"/> every 20 ms; fails, naming <paramref name="what"/>, when it is still false after the patience.</summary>
    public static async Task HoldsAsync(Func<bool> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Waited {Patience.TotalSeconds} s in vain for this: {what}.");
            await Task.Delay(20);
        }
    }

    /// <summary>Until every app's live relay listens: before, another instance's events pass it by.</summary>
    public static Task RelaysListenAsync(params LeadsAppFactory[] apps) =>
        HoldsAsync(() => Array.TrueForAll(apps, app => app.Services.GetRequiredService<RelayedEventBus>().IsListening), "every instance's live relay listens");
}
