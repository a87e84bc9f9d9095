using Npgsql;

namespace LeadsBlazor.Web.Infrastructure.Live;

/// <summary>
/// The relay through PostgreSQL's LISTEN/NOTIFY on the app's own database: no further server to run. One dedicated
/// connection listens; each message is a <c>pg_notify</c> on a pooled connection. A notification reaches the
/// listeners once the sending statement commits (at once here, as it runs on its own), and PostgreSQL keeps a
/// payload under 8,000 bytes.
/// </summary>
public sealed class PostgresNotifyRelay : IRelayTransport, IDisposable
{
    /// <summary>The channel every instance of one database listens on (NOTIFY never leaves its database).</summary>
    public const string Channel = "leadsblazor_live";

    /// <summary>The listening connection's <c>application_name</c>, so an operator finds it in <c>pg_stat_activity</c>.</summary>
    public const string ListenerName = "LeadsBlazor live relay";

    private readonly string _listenerConnectionString;
    private readonly NpgsqlDataSource _senders;

    public PostgresNotifyRelay(string connectionString)
    {
        // Not pooled: the listener lives as long as the app, and a pooled connection's reset would UNLISTEN it. The
        // keepalive makes the wait notice a server that went away silently, rather than wait on a dead socket for good.
        _listenerConnectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = ListenerName,
            Pooling = false,
            KeepAlive = 15,
        }.ConnectionString;
        // Sends are one short statement each, from one background loop: two connections are plenty, beside EF's pool.
        _senders = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 2 }.ConnectionString);
    }

    public string Description => $"PostgreSQL LISTEN/NOTIFY on channel \"{Channel}\"";

    public int MaxMessageBytes => 7_999;

    public async Task ListenAsync(Action<string> received, Action listening, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_listenerConnectionString);
        connection.Notification += (_, notification) => received(notification.Payload);
        await connection.OpenAsync(cancellationToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        listening();
        while (true)
        {
            // Returns after each notification (already handed to the handler above); throws when the connection breaks.
            await connection.WaitAsync(cancellationToken);
        }
    }

    public async Task SendAsync(string message, CancellationToken cancellationToken)
    {
        await using var notify = _senders.CreateCommand("SELECT pg_notify(@channel, @message)");
        notify.Parameters.AddWithValue("channel", Channel);
        notify.Parameters.AddWithValue("message", message);
        await notify.ExecuteNonQueryAsync(cancellationToken);
    }

    // IDisposable, not only IAsyncDisposable: a host disposed synchronously (as tests do) could not dispose it otherwise.
    public void Dispose() => _senders.Dispose();
}
