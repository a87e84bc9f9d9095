using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeadsBlazor.Tests.Infrastructure.Live;

/// <summary>The shared views' own rules: one computation per view and version, nothing stale after an event, nothing failed kept, bounded.</summary>
public sealed class SharedViewsTests : IDisposable
{
    private static readonly SharedView Board = new("board of everyone", LiveTopic.Leads | LiveTopic.Stages);

    private readonly InProcessEventBus _bus = new(NullLogger<InProcessEventBus>.Instance);
    private readonly SharedViews _views;
    private int _computations;

    public SharedViewsTests() => _views = new SharedViews(_bus);

    public void Dispose() => _views.Dispose();

    private Func<Task<string>> Counting(Task<string> result) => () =>
    {
        Interlocked.Increment(ref _computations);
        return result;
    };

    [Fact]
    public async Task Sessions_asking_for_one_view_await_one_computation()
    {
        var database = new TaskCompletionSource<string>();

        var asks = Enumerable.Range(0, 10).Select(_ => _views.GetAsync(Board, Counting(database.Task))).ToList();
        database.SetResult("columns");

        Assert.All(await Task.WhenAll(asks), data => Assert.Equal("columns", data));
        Assert.Equal(1, _computations);
        Assert.Equal("columns", await _views.GetAsync(Board, Counting(Task.FromResult("again"))));
        Assert.Equal(1, _computations);
    }

    [Fact]
    public async Task An_event_that_touches_the_view_makes_the_next_ask_compute_it_once_more()
    {
        Assert.Equal("before", await _views.GetAsync(Board, Counting(Task.FromResult("before"))));

        _bus.Publish(new LeadChanged(3, "owner"));

        Assert.Equal(1, _views.Version);
        Assert.Equal("after", await _views.GetAsync(Board, Counting(Task.FromResult("after"))));
        Assert.Equal("after", await _views.GetAsync(Board, Counting(Task.FromResult("not asked"))));
        Assert.Equal(2, _computations);
    }

    [Fact]
    public async Task An_event_that_touches_another_topic_or_user_keeps_the_view()
    {
        var badge = new SharedView("due of owner", LiveTopic.Leads | LiveTopic.Day, UserId: "owner");
        await _views.GetAsync(Board, Counting(Task.FromResult("board")));
        await _views.GetAsync(badge, Counting(Task.FromResult("3")));

        _bus.Publish(new PipelineSnapshotTaken(new DateOnly(2026, 12, 1)));
        _bus.Publish(new LeadChanged(3, "member"));

        Assert.Equal("3", await _views.GetAsync(badge, Counting(Task.FromResult("not asked"))));
        Assert.Equal("board, after the member's lead changed", await _views.GetAsync(Board, Counting(Task.FromResult("board, after the member's lead changed"))));
        Assert.Equal(3, _computations);
    }

    [Fact]
    public async Task A_computation_running_when_an_event_arrives_is_not_served_after_the_event()
    {
        var old = new TaskCompletionSource<string>();
        var first = _views.GetAsync(Board, Counting(old.Task));

        _bus.Publish(new LeadChanged(3, "owner"));
        var afterEvent = _views.GetAsync(Board, Counting(Task.FromResult("new")));
        old.SetResult("old");

        // Who asked before the event gets what was running (their own view hears the event and asks again).
        Assert.Equal("old", await first);
        Assert.Equal("new", await afterEvent);
        Assert.Equal("new", await _views.GetAsync(Board, Counting(Task.FromResult("not asked"))));
    }

    [Fact]
    public async Task A_failed_computation_is_not_kept()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _views.GetAsync(Board, Counting(Task.FromException<string>(new InvalidOperationException("database gone")))));

        Assert.Equal("back", await _views.GetAsync(Board, Counting(Task.FromResult("back"))));
        Assert.Equal(2, _computations);
    }

    [Fact]
    public async Task A_session_that_stops_waiting_does_not_cancel_the_others()
    {
        var database = new TaskCompletionSource<string>();
        using var leaving = new CancellationTokenSource();
        var left = _views.GetAsync(Board, Counting(database.Task), leaving.Token);
        var staying = _views.GetAsync(Board, Counting(database.Task));

        await leaving.CancelAsync();
        database.SetResult("columns");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => left);
        Assert.Equal("columns", await staying);
        Assert.Equal(1, _computations);
    }

    [Fact]
    public async Task Beyond_the_bound_the_least_recently_used_views_go()
    {
        for (var i = 0; i < SharedViews.MaxViews + 10; i++)
        {
            await _views.GetAsync(new SharedView($"search {i}", LiveTopic.Leads), Counting(Task.FromResult("page")));
            await _views.GetAsync(new SharedView("search 0", LiveTopic.Leads), Counting(Task.FromResult("page")));
        }

        Assert.Equal(SharedViews.MaxViews, _views.Count);
        var computed = _computations;
        await _views.GetAsync(new SharedView("search 0", LiveTopic.Leads), Counting(Task.FromResult("page")));
        Assert.Equal(computed, _computations);
        await _views.GetAsync(new SharedView("search 1", LiveTopic.Leads), Counting(Task.FromResult("page")));
        Assert.Equal(computed + 1, _computations);
    }
}
