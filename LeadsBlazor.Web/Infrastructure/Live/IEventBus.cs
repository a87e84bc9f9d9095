namespace LeadsBlazor.Web.Infrastructure.Live;

/// <summary>
/// The app's one event bus: use cases publish after each committed change; sessions subscribe and
/// refresh. A second instance joins through a database or Redis channel behind this same interface.
/// </summary>
public interface IEventBus
{
    void Publish(PipelineEvent pipelineEvent);

    /// <summary>Subscribes a handler; disposing the result ends the subscription (do so with the component).</summary>
    IDisposable Subscribe(Func<PipelineEvent, Task> handler);
}
