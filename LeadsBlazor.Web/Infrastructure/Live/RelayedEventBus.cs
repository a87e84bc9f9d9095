using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;

namespace LeadsBlazor.Web.Infrastructure.Live;

/// <summary>
/// The event bus of an instance that shares its database with others: an event is delivered in this process at once
/// (as <see cref="InProcessEventBus"/> does) and handed to the relay, which sends it to the other instances from a
/// background loop, so a use case never waits on the wire. What the other instances send is delivered here. The
/// relay's connection is kept: when it is lost it is opened again with growing pauses, and once it is back every
/// view reloads once (<see cref="RelayReconnected"/>), as events may have passed while it was away.
/// </summary>
public sealed class RelayedEventBus(InProcessEventBus local, IRelayTransport transport, ILogger<RelayedEventBus> logger)
    : BackgroundService, IEventBus
{
    /// <summary>Events waiting for the relay; a relay this far behind has lost touch, and the others reload instead.</summary>
    public const int Backlog = 1_000;

    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);

    /// <summary>An event on the wire: only what its constructor takes (what it touches follows from that), and the "$type".</summary>
    internal static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutDerivedProperties } },
    };

    private readonly Channel<PipelineEvent> _outgoing = Channel.CreateBounded<PipelineEvent>(
        new BoundedChannelOptions(Backlog) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private int _overflowed;
    private int _listening;

    /// <summary>This process, as its messages name it: its own messages come back from the wire and are left out.</summary>
    public Guid InstanceId { get; } = Guid.NewGuid();

    /// <summary>Whether the relay listens right now (events of other instances arrive).</summary>
    public bool IsListening => Volatile.Read(ref _listening) == 1;

    public void Publish(PipelineEvent pipelineEvent)
    {
        ArgumentNullException.ThrowIfNull(pipelineEvent);
        local.Publish(pipelineEvent);
        if (pipelineEvent.ReachesOtherInstances && !_outgoing.Writer.TryWrite(pipelineEvent) && Interlocked.Exchange(ref _overflowed, 1) == 0)
        {
            logger.LogWarning("The live relay ({Relay}) is {Backlog} events behind; further events are not relayed, and the other instances' views reload once it catches up.", transport.Description, Backlog);
        }
    }

    public IDisposable Subscribe(Func<PipelineEvent, Task> handler) => local.Subscribe(handler);

    public IDisposable Observe(Action<PipelineEvent> observer) => local.Observe(observer);

    /// <summary>Pause before the next try: none at first (a dropped connection usually comes straight back), then 1, 2, 4 … 30 s.</summary>
    internal static TimeSpan PauseBefore(int attempt) =>
        attempt <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(LongestPause.TotalSeconds, Math.Pow(2, attempt - 1)));

    internal static string Serialize(Guid origin, PipelineEvent pipelineEvent) => JsonSerializer.Serialize(new RelayMessage(origin, pipelineEvent), Wire);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var attempt = 0;
        var missedEvents = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await transport.ListenAsync(Receive, () =>
                {
                    Volatile.Write(ref _listening, 1);
                    attempt = 0;
                    if (missedEvents)
                    {
                        logger.LogInformation("The live relay ({Relay}) is connected again; every open view reloads once.", transport.Description);
                        local.Publish(new RelayReconnected());
                    }
                    else
                    {
                        logger.LogInformation("Live updates reach the other instances through {Relay}.", transport.Description);
                    }
                }, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Volatile.Write(ref _listening, 0);
                missedEvents = true;
                var pause = PauseBefore(attempt++);
                logger.LogWarning(e, "The live relay ({Relay}) lost its connection: changes made on other instances do not reach this one's open views until it is back. Connecting again in {Pause}.", transport.Description, pause);
                try
                {
                    // A pause between tries, not a reading of the time of day: it must not run on the app's (testable) clock,
                    // or a test's fake clock would keep the relay away for good.
                    await Task.Delay(pause, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Receive(string message)
    {
        RelayMessage? received;
        try
        {
            received = JsonSerializer.Deserialize<RelayMessage>(message, Wire);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            // Another release during a rolling update may send an event this one does not know: reload rather than miss it.
            logger.LogWarning(e, "The live relay received a message this instance cannot read (another version of LeadsBlazor?); every open view reloads once.");
            local.Publish(new RelayReconnected());
            return;
        }

        // Its own events were delivered here when they were published.
        if (received is { Event: { } pipelineEvent } && received.Origin != InstanceId)
        {
            local.Publish(pipelineEvent);
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var pipelineEvent in _outgoing.Reader.ReadAllAsync(stoppingToken))
            {
                await SendAsync(pipelineEvent, stoppingToken);
                if (Interlocked.Exchange(ref _overflowed, 0) == 1)
                {
                    // Some events were never sent: the other instances cannot know which, so all their views reload.
                    await SendAsync(new RelayReconnected(), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app stops: what is still waiting goes nowhere, as the views it was meant for close with the other instances' restarts.
        }
    }

    private async Task SendAsync(PipelineEvent pipelineEvent, CancellationToken stoppingToken)
    {
        var message = Serialize(InstanceId, pipelineEvent);
        if (Encoding.UTF8.GetByteCount(message) > transport.MaxMessageBytes)
        {
            logger.LogWarning("{Event} is too large for the live relay ({Relay}); the other instances' views reload instead.", pipelineEvent, transport.Description);
            message = Serialize(InstanceId, new RelayReconnected());
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await transport.SendAsync(message, stoppingToken);
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
            {
                // Kept, not dropped: the change is committed, and the other instances' views should still see it, late.
                var pause = PauseBefore(attempt);
                logger.LogWarning(e, "The live relay ({Relay}) could not send {Event}; trying again in {Pause}.", transport.Description, pipelineEvent, pause);
                await Task.Delay(pause, stoppingToken);
            }
        }
    }

    // Topics, LeadIds, UserIds and ReachesOtherInstances are computed from the constructor's values: on the wire they are noise.
    private static void LeaveOutDerivedProperties(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i].Set is null)
            {
                type.Properties.RemoveAt(i);
            }
        }
    }

    /// <summary>What goes over the wire: the event and the instance that published it.</summary>
    internal sealed record RelayMessage(Guid Origin, PipelineEvent Event);
}
