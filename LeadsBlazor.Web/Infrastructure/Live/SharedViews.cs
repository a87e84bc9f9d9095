using System.Collections.Concurrent;

namespace LeadsBlazor.Web.Infrastructure.Live;

/// <summary>
/// A view's data as every session showing it gets it: <paramref name="Key"/> is everything the data depends on (the
/// filter with its responsible user resolved, the labels, the search, the page sizes, the language, today), compared by
/// value; <paramref name="Shows"/> and <paramref name="UserId"/> say which events make it stale, as for
/// <see cref="LiveRefresh"/>.
/// </summary>
public sealed record SharedView(object Key, LiveTopic Shows, string? UserId = null);

/// <summary>
/// The figures and pages a view shows are the same for everyone with the same filter, so they are computed once per
/// change and shared by every session showing that view (single flight): sessions asking for one view at one data
/// version await the same task. The version moves with every event on the bus; an entry the event touches is dropped at
/// once, so the next ask computes the new version (once), and a computation still running for the old version is never
/// served to anyone who asks after the event.
/// </summary>
/// <remarks>
/// <para>
/// It trusts the bus: every committed change publishes an event (ADR 0003), events relayed from other instances come
/// through the same bus, and a gap in the relay is a <see cref="RelayReconnected"/>, which touches everything. A write
/// that published nothing is not seen until the next event that touches the view.
/// </para>
/// <para>
/// It observes the bus (<see cref="IEventBus.Observe"/>): the entries an event touches are dropped inside
/// <c>Publish</c>, before any view's <see cref="LiveRefresh"/> hears the event, so no view reloads from a stale entry.
/// </para>
/// <para>
/// Memory stays bounded: only the current version of each view is kept (a touched entry is removed, not kept beside the
/// new one), a failed computation is not kept, and beyond <see cref="MaxViews"/> views the least recently used go.
/// </para>
/// </remarks>
public sealed class SharedViews : IDisposable
{
    /// <summary>How many views are kept: far more than an account's distinct filters open at once, few enough to bound memory.</summary>
    public const int MaxViews = 256;

    private readonly ConcurrentDictionary<SharedView, Entry> _entries = new();
    private readonly IDisposable _subscription;
    private long _version;
    private long _clock;

    public SharedViews(IEventBus events)
    {
        ArgumentNullException.ThrowIfNull(events);
        _subscription = events.Observe(OnEvent);
    }

    /// <summary>The data version: how many events this cache has heard of.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>How many views are kept now (for tests and diagnostics).</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// The view's data at the current version: a session asking while it is computed awaits the same computation.
    /// <paramref name="load"/> runs without the caller's cancellation, as others may wait for it too; the caller's token
    /// ends only its own wait.
    /// </summary>
    public Task<T> GetAsync<T>(SharedView view, Func<Task<T>> load, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(load);
        while (true)
        {
            if (_entries.TryGetValue(view, out var found))
            {
                found.LastUsed = Interlocked.Increment(ref _clock);
                return ((Task<T>)found.Task).WaitAsync(cancellationToken);
            }

            var computation = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            var entry = new Entry(computation.Task) { LastUsed = Interlocked.Increment(ref _clock) };
            if (!_entries.TryAdd(view, entry))
            {
                // Another session started it a moment ago: share that one.
                continue;
            }

            KeepWithinBounds();
            _ = ComputeAsync(view, entry, computation, load);
            return computation.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Drops a view whose data a session found to be behind the database; the next ask computes it again.</summary>
    public void Forget(SharedView view) => _entries.TryRemove(view, out _);

    public void Dispose() => _subscription.Dispose();

    private async Task ComputeAsync<T>(SharedView view, Entry entry, TaskCompletionSource<T> computation, Func<Task<T>> load)
    {
        try
        {
            computation.SetResult(await load());
        }
        catch (Exception e)
        {
            // A failure is not kept: the next ask tries again. Only this entry goes, not a newer one under the same key.
            _entries.TryRemove(new KeyValuePair<SharedView, Entry>(view, entry));
            computation.SetException(e);
        }
    }

    // Runs inside Publish, before any view's own subscription hears the event: quick, synchronous, no await.
    private void OnEvent(PipelineEvent pipelineEvent)
    {
        Interlocked.Increment(ref _version);
        foreach (var (view, entry) in _entries)
        {
            if (pipelineEvent.Touches(view.Shows, userId: view.UserId))
            {
                // Removed by identity: an entry another session started after the event stays.
                _entries.TryRemove(new KeyValuePair<SharedView, Entry>(view, entry));
            }
        }
    }

    private void KeepWithinBounds()
    {
        var surplus = _entries.Count - MaxViews;
        if (surplus <= 0)
        {
            return;
        }

        foreach (var (view, entry) in _entries.Where(e => e.Value.Task.IsCompleted).OrderBy(e => e.Value.LastUsed).Take(surplus).ToList())
        {
            _entries.TryRemove(new KeyValuePair<SharedView, Entry>(view, entry));
        }
    }

    private sealed class Entry(Task task)
    {
        public Task Task { get; } = task;

        public long LastUsed { get; set; }
    }
}
