namespace LeadsBlazor.Web.Infrastructure.Live;

/// <summary>
/// The app's one event bus: use cases publish after each committed change; sessions subscribe and
/// refresh. Other instances on the same database hear of each event through the relay behind this same
/// interface (<see cref="RelayedEventBus"/>).
/// </summary>
public interface IEventBus
{
    void Publish(PipelineEvent pipelineEvent);

    /// <summary>Subscribes a handler; disposing the result ends the subscription (do so with the component).</summary>
    IDisposable Subscribe(Func<PipelineEvent, Task> handler);
}
