using Bunit;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Infrastructure.Live;

/// <summary>
/// No ghosts: a session whose browser is away (Blazor keeps its circuit a while) loads nothing on a change, and reloads
/// its view once when the browser is back.
/// </summary>
public sealed class LiveRefreshTests
{
    [Fact]
    public async Task A_view_whose_browser_is_away_loads_nothing_and_reloads_once_when_the_browser_is_back()
    {
        await using var context = ComponentContext.Create();
        var bus = new DirectEventBus();
        var loads = 0;
        var view = Render(context, bus, () => loads++);
        var connection = ConnectionOf(context);

        // The handler does not look at the circuit (nor could a test make one: its constructor is Blazor's own).
        await connection.OnConnectionDownAsync(null!, CancellationToken.None);
        await bus.DeliverAsync(new LeadChanged(1, "user-1"));
        await bus.DeliverAsync(new LeadChanged(2, "user-1"));
        await bus.DeliverAsync(new LeadsReassigned("user-1", "user-2"));
        Assert.Equal(0, loads);

        await connection.OnConnectionUpAsync(null!, CancellationToken.None);
        view.WaitForAssertion(() => Assert.Equal(1, loads));

        // Live again, and the reload when the browser came back was the only one: the next change is load number two.
        await bus.DeliverAsync(new LeadChanged(3, "user-1"));
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task A_view_that_missed_nothing_while_the_browser_was_away_does_not_reload()
    {
        await using var context = ComponentContext.Create();
        var bus = new DirectEventBus();
        var loads = 0;
        Render(context, bus, () => loads++);
        var connection = ConnectionOf(context);

        await connection.OnConnectionDownAsync(null!, CancellationToken.None);
        await bus.DeliverAsync(new LabelsChanged());
        await connection.OnConnectionUpAsync(null!, CancellationToken.None);
        await bus.DeliverAsync(new LeadChanged(1, "user-1"));

        Assert.Equal(1, loads);
    }

    [Fact]
    public void Every_circuit_tells_its_own_connection_tracker()
    {
        using var app = new PipelineApp();

        Assert.Contains<CircuitHandler>(app.Get<CircuitConnection>(), app.Get<IEnumerable<CircuitHandler>>());
        Assert.NotSame(app.Get<CircuitConnection>(), app.NewInstance<CircuitConnection>());
    }

    private static CircuitConnection ConnectionOf(BunitContext context) => context.Services.GetRequiredService<CircuitConnection>();

    // A board's subscription, in short: it shows leads, and its load is counted.
    private static IRenderedComponent<LiveRefresh> Render(BunitContext context, DirectEventBus bus, Action load)
    {
        context.Services.AddSingleton<IEventBus>(bus);
        return context.Render<LiveRefresh>(parameters => parameters.Add(v => v.Shows, LiveTopic.Leads).Add(v => v.OnRefresh, load));
    }

    /// <summary>Delivers on the test's call and lets it await the subscribers, so "nothing loaded" is certain, not a race.</summary>
    private sealed class DirectEventBus : IEventBus
    {
        private readonly List<Func<PipelineEvent, Task>> _handlers = [];

        public Task DeliverAsync(PipelineEvent pipelineEvent) => Task.WhenAll(_handlers.ToList().Select(handler => handler(pipelineEvent)));

        public void Publish(PipelineEvent pipelineEvent) => throw new NotSupportedException("The test delivers with DeliverAsync.");

        public IDisposable Subscribe(Func<PipelineEvent, Task> handler)
        {
            _handlers.Add(handler);
            return new Unsubscriber(() => _handlers.Remove(handler));
        }

        public IDisposable Observe(Action<PipelineEvent> observer) => throw new NotSupportedException("LiveRefresh only subscribes.");

        private sealed class Unsubscriber(Action unsubscribe) : IDisposable
        {
            public void Dispose() => unsubscribe();
        }
    }
}
