using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeadsBlazor.Tests.Infrastructure.Live;

/// <summary>
/// Publishing never waits: the user who makes a change does not wait for the sessions that watch it, and one slow
/// session holds up nobody else.
/// </summary>
public sealed class EventBusTests
{
    // A subscriber that blocks its thread until the test lets it go, as a reload on SQLite (which answers synchronously)
    // inside an idle circuit's InvokeAsync did on the publisher's thread.
    private static IDisposable BlockingSubscriber(IEventBus bus, TaskCompletionSource entered, Task release) =>
        bus.Subscribe(_ =>
        {
            entered.TrySetResult();
            release.Wait();
            return Task.CompletedTask;
        });

    [Fact]
    public async Task A_subscriber_that_blocks_keeps_neither_the_publisher_nor_the_other_subscribers_waiting()
    {
        using var bus = new InProcessEventBus(NullLogger<InProcessEventBus>.Instance);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var before = bus.Record();
        using var blocking = BlockingSubscriber(bus, entered, release.Task);
        using var after = bus.Record();
        var moved = new LeadChanged(1, "user-1");

        try
        {
            // On a task of its own, so that a Publish that waited for the blocked subscriber fails the test instead of hanging it.
            await Task.Run(() => bus.Publish(moved)).WaitAsync(Eventually.Patience);
            await entered.Task.WaitAsync(Eventually.Patience);

            Assert.Equal([moved], await before.CountAsync(1));
            Assert.Equal([moved], await after.CountAsync(1));
        }
        finally
        {
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task Each_subscriber_receives_the_events_in_the_order_they_were_published_and_a_failing_one_stops_none()
    {
        using var bus = new InProcessEventBus(NullLogger<InProcessEventBus>.Instance);
        using var failing = bus.Subscribe(_ => throw new InvalidOperationException("a view that breaks"));
        using var faulting = bus.Subscribe(_ => Task.FromException(new InvalidOperationException("a reload that fails")));
        using var recorded = bus.Record();
        var events = Enumerable.Range(1, 200).Select(id => new LeadChanged(id, "user-1")).ToList();

        foreach (var e in events)
        {
            bus.Publish(e);
        }

        Assert.Equal(events, await recorded.CountAsync(events.Count));
    }

    [Fact]
    public async Task A_subscriber_that_left_gets_nothing_more_and_one_that_comes_later_gets_only_what_follows()
    {
        using var bus = new InProcessEventBus(NullLogger<InProcessEventBus>.Instance);
        using var staying = bus.Record();
        var left = bus.Record();
        left.Dispose();
        var first = new LeadChanged(1, "user-1");
        bus.Publish(first);
        using var later = bus.Record();
        var second = new LeadChanged(2, "user-1");

        bus.Publish(second);

        Assert.Equal([first, second], await staying.CountAsync(2));
        Assert.Equal([second], await later.CountAsync(1));
        Assert.Empty(left.Events);
    }

    [Fact]
    public async Task A_card_move_returns_to_the_user_while_a_watching_session_is_stuck()
    {
        using var app = new PipelineApp();
        var stages = await app.StagesAsync();
        var lead = await app.AddRunningLeadAsync(stages[0].Id);
        var bus = app.Get<IEventBus>();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var blocking = BlockingSubscriber(bus, entered, release.Task);
        using var watching = bus.Record();

        try
        {
            await Task.Run(() => app.Get<LeadCommands>().MoveToStageAsync(lead.Id, lead.Version, stages[1].Id, app.OwnerId)).WaitAsync(Eventually.Patience);
            await entered.Task.WaitAsync(Eventually.Patience);

            Assert.Equal(stages[1].Id, (await app.ReloadAsync(lead.Id)).StageId);
            Assert.Equal(lead.Id, (await watching.ArrivalAsync<LeadChanged>()).LeadId);
        }
        finally
        {
            release.TrySetResult();
        }
    }
}
