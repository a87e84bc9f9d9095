using System.Collections.Immutable;
using System.Threading.Channels;

namespace LeadsBlazor.Web.Infrastructure.Live;

/// <summary>
/// Hands each event to every subscriber of this process. <see cref="Publish"/> only queues the event and returns: one
/// background loop hands it to the subscribers, and each subscriber receives it on a thread-pool task of its own, never
/// on the publisher's thread. So the user who made a change does not wait for the sessions that watch it, and a slow or
/// stuck subscriber holds up neither the publisher nor the other subscribers. Each subscriber is called with the events
/// in the order they were published, one call at a time; a failing subscriber is logged and does not stop the others.
/// </summary>
public sealed class InProcessEventBus : IEventBus, IDisposable
{
    // Unbounded: an event is a few hundred bytes, and the loop only moves it into the subscribers' queues, so it never
    // falls far behind. Publish must never block or fail a use case whose change is already committed.
    private readonly Channel<Delivery> _published = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ILogger<InProcessEventBus> _logger;
    private readonly Task _dispatching;
    private ImmutableList<Subscriber> _subscribers = [];
    private ImmutableList<Action<PipelineEvent>> _observers = [];

    public InProcessEventBus(ILogger<InProcessEventBus> logger)
    {
        _logger = logger;

        // Without the flow of the execution context, the loop (and every delivery it starts) would carry whatever the
        // first resolver of this singleton had in its async locals: a request's HttpContext, culture or activity.
        using (ExecutionContext.SuppressFlow())
        {
            _dispatching = Task.Run(DispatchAsync);
        }
    }

    public void Publish(PipelineEvent pipelineEvent)
    {
        ArgumentNullException.ThrowIfNull(pipelineEvent);

        // The caches first, on this thread: by the time any view reloads for this event, what it made stale is gone.
        foreach (var observer in Volatile.Read(ref _observers))
        {
            try
            {
                observer(pipelineEvent);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _logger.LogWarning(e, "An observer failed to handle {Event}.", pipelineEvent);
            }
        }

        // The subscribers of this moment, as before with inline delivery: a view that subscribes afterwards loads after
        // the change and does not need it.
        if (!_published.Writer.TryWrite(new Delivery(pipelineEvent, Volatile.Read(ref _subscribers))))
        {
            _logger.LogDebug("{Event} was published while the app stops; no view is left to receive it.", pipelineEvent);
        }
    }

    public IDisposable Subscribe(Func<PipelineEvent, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscriber = new Subscriber(handler, _logger);
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(subscriber));
        return new Subscription(() =>
        {
            subscriber.End();
            ImmutableInterlocked.Update(ref _subscribers, list => list.Remove(subscriber));
        });
    }

    public IDisposable Observe(Action<PipelineEvent> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        ImmutableInterlocked.Update(ref _observers, list => list.Add(observer));
        return new Subscription(() => ImmutableInterlocked.Update(ref _observers, list => list.Remove(observer)));
    }

    /// <summary>Ends the loop with the host: what is queued is still handed out; later events are dropped.</summary>
    public void Dispose()
    {
        _published.Writer.TryComplete();

        // The loop only moves events into queues, so it ends at once; the bound keeps a stuck pool from holding the host.
        _dispatching.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task DispatchAsync()
    {
        await foreach (var delivery in _published.Reader.ReadAllAsync())
        {
            foreach (var subscriber in delivery.To)
            {
                subscriber.Enqueue(delivery.Event);
            }
        }
    }

    private readonly record struct Delivery(PipelineEvent Event, ImmutableList<Subscriber> To);

    /// <summary>One subscriber's queue: its events in order, handed to it by a thread-pool task while there are any.</summary>
    private sealed class Subscriber(Func<PipelineEvent, Task> handler, ILogger logger)
    {
        private readonly Queue<PipelineEvent> _waiting = new();
        private bool _delivering;
        private bool _ended;

        public void Enqueue(PipelineEvent pipelineEvent)
        {
            lock (_waiting)
            {
                if (_ended)
                {
                    return;
                }

                _waiting.Enqueue(pipelineEvent);
                if (_delivering)
                {
                    return;
                }

                _delivering = true;
            }

            // A task of its own: a handler may run synchronously for a long time (SQLite answers synchronously, and an
            // idle circuit runs InvokeAsync inline), and that must hold up only this subscriber.
            ThreadPool.UnsafeQueueUserWorkItem(static subscriber => subscriber.Deliver(), this, preferLocal: false);
        }

        /// <summary>After its subscription ended, a subscriber (a closed view) gets nothing more, not even what was queued.</summary>
        public void End()
        {
            lock (_waiting)
            {
                _ended = true;
                _waiting.Clear();
            }
        }

        private void Deliver()
        {
            while (true)
            {
                PipelineEvent next;
                lock (_waiting)
                {
                    if (!_waiting.TryDequeue(out next!))
                    {
                        _delivering = false;
                        return;
                    }
                }

                // Called in order, one at a time, but not awaited: a view's reload runs on its circuit while the next
                // event reaches it, so it can fold that event into one more reload (LiveRefresh).
                try
                {
                    var handling = handler(next);
                    if (!handling.IsCompletedSuccessfully)
                    {
                        _ = ObserveAsync(handling, next);
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    LogFailure(e, next);
                }
            }
        }

        private async Task ObserveAsync(Task handling, PipelineEvent pipelineEvent)
        {
            try
            {
                await handling;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogFailure(e, pipelineEvent);
            }
        }

        private void LogFailure(Exception e, PipelineEvent pipelineEvent) =>
            logger.LogWarning(e, "A subscriber failed to handle {Event}.", pipelineEvent);
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
