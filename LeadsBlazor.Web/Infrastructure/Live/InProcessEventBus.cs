using System.Collections.Immutable;

namespace LeadsBlazor.Web.Infrastructure.Live;

/// <summary>
/// Hands each event to every subscriber of this process. Publishing never waits for a subscriber and
/// one failing subscriber does not keep the event from the others.
/// </summary>
public sealed class InProcessEventBus(ILogger<InProcessEventBus> logger) : IEventBus
{
    private ImmutableList<Func<PipelineEvent, Task>> _handlers = [];

    public void Publish(PipelineEvent pipelineEvent)
    {
        foreach (var handler in Volatile.Read(ref _handlers))
        {
            _ = DeliverAsync(handler, pipelineEvent);
        }
    }

    public IDisposable Subscribe(Func<PipelineEvent, Task> handler)
    {
        ImmutableInterlocked.Update(ref _handlers, list => list.Add(handler));
        return new Subscription(() => ImmutableInterlocked.Update(ref _handlers, list => list.Remove(handler)));
    }

    private async Task DeliverAsync(Func<PipelineEvent, Task> handler, PipelineEvent pipelineEvent)
    {
        try
        {
            await handler(pipelineEvent);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "A subscriber failed to handle {Event}.", pipelineEvent);
        }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                unsubscribe();
            }
        }
    }
}
