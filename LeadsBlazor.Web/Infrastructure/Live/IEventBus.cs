namespace LeadsBlazor.Web.Infrastructure.Live;

/// <summary>
/// The app's one event bus: use cases publish after each committed change; sessions subscribe and
/// refresh. Other instances on the same database hear of each event through the relay behind this same
/// interface (<see cref="RelayedEventBus"/>).
/// </summary>
public interface IEventBus
{
    void Publish(PipelineEvent pipelineEvent);

    /// <summary>
    /// Subscribes a handler; disposing the result ends the subscription (do so with the component). Each handler gets
    /// the events in the order they were published, on a task of its own: handlers do not wait for each other.
    /// </summary>
    IDisposable Subscribe(Func<PipelineEvent, Task> handler);

    /// <summary>
    /// Observes every event inside <see cref="Publish"/>, before any subscriber hears of it: for what caches data that views
    /// read (<see cref="SharedViews"/>, the account settings), so that no view reloads from a cache the event made stale.
    /// The observer must be quick and must not block: it runs on the publisher's thread.
    /// </summary>
    IDisposable Observe(Action<PipelineEvent> observer);
}
