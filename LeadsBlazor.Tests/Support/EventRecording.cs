using LeadsBlazor.Web.Infrastructure.Live;

namespace LeadsBlazor.Tests.Support;

public static class EventRecording
{
    /// <summary>Collects what the app publishes from now on, until the returned recording is disposed.</summary>
    public static EventRecorder Record(this IEventBus events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return new EventRecorder(events);
    }
}

/// <summary>
/// What the app published while it was listening. The bus delivers in the background, after <c>Publish</c> returned, so
/// a test waits for the events it expects (<see cref="CountAsync"/>, <see cref="ArrivalAsync{T}"/>) before it looks.
/// </summary>
public sealed class EventRecorder : IDisposable
{
    private readonly List<PipelineEvent> _recorded = [];
    private readonly IDisposable _subscription;

    public EventRecorder(IEventBus events)
    {
        ArgumentNullException.ThrowIfNull(events);
        _subscription = events.Subscribe(e =>
        {
            lock (_recorded)
            {
                _recorded.Add(e);
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>The events received so far, in the order they were published.</summary>
    public IReadOnlyList<PipelineEvent> Events
    {
        get
        {
            lock (_recorded)
            {
                return [.. _recorded];
            }
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> events arrived; returns all received by then.</summary>
    public async Task<IReadOnlyList<PipelineEvent>> CountAsync(int count)
    {
        await Eventually.HoldsAsync(() => Events.Count >= count, $"{count} published event(s) arrive");
        return Events;
    }

    /// <summary>Waits for the first event of type <typeparamref name="T"/> that <paramref name="matches"/>, and returns it.</summary>
    public async Task<T> ArrivalAsync<T>(Func<T, bool>? matches = null) where T : PipelineEvent
    {
        T? found = null;
        await Eventually.HoldsAsync(() => (found = Events.OfType<T>().FirstOrDefault(e => matches?.Invoke(e) ?? true)) is not null, $"a {typeof(T).Name} arrives");
        return found!;
    }

    public void Dispose() => _subscription.Dispose();
}
