using StackExchange.Redis;

namespace LeadsBlazor.Web.Infrastructure.Live;

/// <summary>
/// The relay through Redis pub/sub (<c>Live:Redis</c>), for either database: where PostgreSQL's NOTIFY is not wanted
/// (a pooler in transaction mode, a managed server without it) or on SQLite with a Redis beside it. StackExchange.Redis
/// reconnects on its own; a lost connection still ends <see cref="ListenAsync"/>, so views reload once it is back.
/// </summary>
public sealed class RedisPubSubRelay(string configuration) : IRelayTransport, IDisposable
{
    /// <summary>The channel every instance listens on.</summary>
    public static readonly RedisChannel Channel = RedisChannel.Literal("leadsblazor:live");

    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _redis;
    private TaskCompletionSource _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Description => $"Redis pub/sub on channel \"{Channel}\"";

    // Redis takes messages of up to 512 MB; events are a few hundred bytes.
    public int MaxMessageBytes => 1_000_000;

    public async Task ListenAsync(Action<string> received, Action listening, CancellationToken cancellationToken)
    {
        var redis = await ConnectAsync(cancellationToken);
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _lost, lost);
        if (!redis.IsConnected)
        {
            // The configuration string may carry the password: the message names the endpoints only.
            throw new IOException($"Redis at {string.Join(", ", redis.GetEndPoints().Select(e => e.ToString()))} is not reachable.");
        }

        var queue = await redis.GetSubscriber().SubscribeAsync(Channel);
        try
        {
            queue.OnMessage(message => received(message.Message.ToString()));
            listening();
            await lost.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            // Fire and forget: the connection may be gone; without it, the multiplexer's reconnect would subscribe it again.
            await queue.UnsubscribeAsync(CommandFlags.FireAndForget);
        }
    }

    public async Task SendAsync(string message, CancellationToken cancellationToken)
    {
        var redis = await ConnectAsync(cancellationToken);
        await redis.GetSubscriber().PublishAsync(Channel, message);
    }

    // IDisposable, not only IAsyncDisposable: a host disposed synchronously (as tests do) could not dispose it otherwise.
    public void Dispose()
    {
        _redis?.Dispose();
        _connecting.Dispose();
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _redis) is { } connected)
        {
            return connected;
        }

        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (_redis is null)
            {
                var options = ConfigurationOptions.Parse(configuration);

                // The app starts without Redis and connects when it is there, rather than refuse to start.
                options.AbortOnConnectFail = false;
                options.ClientName ??= "leadsblazor-live-relay";
                var redis = await ConnectionMultiplexer.ConnectAsync(options);
                // Only the subscription's connection carries what this instance hears; the interactive one's failure is the
                // sender's to retry. Counting both would report one outage twice (and reload every view twice).
                redis.ConnectionFailed += (_, failed) =>
                {
                    if (failed.ConnectionType == ConnectionType.Subscription)
                    {
                        Volatile.Read(ref _lost).TrySetException(
                            new IOException($"The connection to Redis failed ({failed.FailureType}, {failed.ConnectionType}).", failed.Exception));
                    }
                };
                Volatile.Write(ref _redis, redis);
            }

            return _redis;
        }
        finally
        {
            _connecting.Release();
        }
    }
}
