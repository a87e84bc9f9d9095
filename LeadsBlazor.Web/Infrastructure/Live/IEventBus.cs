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
    /// Subscribes a handler; disposing the result ends the subscription (do so with the component). Handlers are started
    /// in the order they subscribed: what caches data for views (<see cref="SharedViews"/>, the account settings) hears an
    /// event before the views that subscribed after it reload.
    /// </summary>
    IDisposable Subscribe(Func<PipelineEvent, Task> handler);
}
