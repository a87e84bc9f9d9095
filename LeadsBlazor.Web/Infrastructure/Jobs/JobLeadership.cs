using LeadsBlazor.Web.Data;
using Npgsql;

namespace LeadsBlazor.Web.Infrastructure.Jobs;

/// <summary>The background jobs that run on one instance at a time, each under its own lock.</summary>
public enum SingleJob
{
    /// <summary>The reminder scan (Rule 6).</summary>
    Reminders = 1,

    /// <summary>The day's pipeline snapshot (Rule 15).</summary>
    PipelineSnapshot = 2,
}

/// <summary>
/// Which instance runs a <see cref="SingleJob"/>. On PostgreSQL the runner holds a session-level advisory lock per job on a
/// connection of its own, kept open for as long as it leads; the others try again on each of their ticks. When the runner
/// stops or dies its connection closes, the server frees the lock, and the next instance to try takes the job over — within
/// one tick. The server also probes the connection (TCP keepalives set on it), so a runner whose machine vanished loses the
/// lead within about half a minute instead of the operating system's two hours. On SQLite there is one instance per database
/// file (<see cref="SqliteFileGuard"/>), so it always leads.
/// One lock per job, not one for all: an instance configured to run only the snapshot must not keep the reminders from the
/// instances that run them.
/// </summary>
public sealed class JobLeadership(LeadsDatabase database, ILogger<JobLeadership> logger) : IAsyncDisposable
{
    private const int ProbeSeconds = 5;

    // One caller at a time on the lock connection: the reminder and snapshot services tick independently.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<SingleJob> _held = [];
    private NpgsqlConnection? _connection;

    /// <summary>This instance's name where it holds work (the reminder claims' leases): host, process and a unique part.</summary>
    public string Runner { get; } = Shorten($"{Guid.NewGuid():N}:{Environment.ProcessId}:{Environment.MachineName}", 100);

    /// <summary>The advisory lock key of a job: the writers' key ("LEADS") shifted by a byte, plus the job's number.</summary>
    public static long LockKey(SingleJob job) => (WriteTransactions.WriterLock << 8) | (long)job;

    /// <summary>
    /// Whether this instance runs <paramref name="job"/> now: it keeps the lead it has (after checking its lock connection
    /// still stands) or takes the job's lock when it is free. A database out of reach means "not now"; the next tick asks again.
    /// </summary>
    public async Task<bool> LeadsAsync(SingleJob job, CancellationToken cancellationToken = default)
    {
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return true;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (await StillHeldAsync(job, cancellationToken))
            {
                return true;
            }

            _connection ??= await OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", _connection) { CommandTimeout = ProbeSeconds };
            command.Parameters.AddWithValue("key", LockKey(job));
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                _held.Add(job);
                logger.LogInformation("This instance ({Runner}) now runs the background job {Job}.", Runner, job);
                return true;
            }

            return false;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not ask the database which instance runs the background job {Job}; the next tick asks again.", job);
            await DropConnectionAsync();
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Whether this instance holds <paramref name="job"/>'s lock at this moment (a round trip on the lock connection), without
    /// trying to take it. Asked inside a write transaction, the answer holds for the whole transaction as far as other
    /// leaders go: a successor takes the lock only after this session ended, and its own writes queue behind this one.
    /// </summary>
    public async Task<bool> HoldsAsync(SingleJob job, CancellationToken cancellationToken = default)
    {
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return true;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await StillHeldAsync(job, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Closing the session frees every lock at once: a stopping instance hands its jobs over on the others' next tick.
        await DropConnectionAsync();
        _gate.Dispose();
    }

    // A session-level lock lives exactly as long as its session: the connection answering proves the lock is still ours.
    private async Task<bool> StillHeldAsync(SingleJob job, CancellationToken cancellationToken)
    {
        if (_connection is null || !_held.Contains(job))
        {
            return false;
        }

        try
        {
            await using var command = new NpgsqlCommand("SELECT 1", _connection) { CommandTimeout = ProbeSeconds };
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning(e, "This instance ({Runner}) lost its connection to the database and with it the background jobs {Jobs}; it tries to take them again on its next tick.", Runner, string.Join(", ", _held));
            await DropConnectionAsync();
            return false;
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        // Its own session, outside the pool: a pooled connection would carry the lock back into the pool with it.
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Pooling = false,
            ApplicationName = Shorten($"LeadsBlazor jobs {Runner}", 63),
            KeepAlive = 10,
        }.ConnectionString;
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // The server's side of the keepalive: it notices a vanished runner and frees its locks within ~25 s.
            await using var command = new NpgsqlCommand(
                "SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3;", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task DropConnectionAsync()
    {
        _held.Clear();
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    // Fits the reminder log's lease column (100) and PostgreSQL's application name (63 bytes); the unique part comes first.
    private static string Shorten(string name, int length) => name.Length > length ? name[..length] : name;
}
