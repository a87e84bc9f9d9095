using LeadsBlazor.Domain.Common;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace LeadsBlazor.Web.Data;

public static class WriteTransactions
{
    /// <summary>The message key of a write that could not get the database in time: the user tries again, nothing typed is lost.</summary>
    public const string DatabaseBusy = "Error.DatabaseBusy";

    // After the busy timeout (each try already waits that long), two more tries after a short pause: a lock held
    // past the timeout is usually a long write about to end. Then the user is told instead of waiting on.
    private static readonly TimeSpan[] BackOff = [TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(750)];

    /// <summary>
    /// Starts the transaction of a use case that reads and then writes. On SQLite it takes the write
    /// lock up front (Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE): a deferred transaction that
    /// reads first cannot wait for the lock later and fails with "database is locked" whatever the busy
    /// timeout says (dotnet/efcore#29514). Concurrent writers therefore queue instead of failing; a lock
    /// held past the busy timeout is tried again with back-off and then refused as <see cref="DatabaseBusy"/>,
    /// a message like any broken rule, so the session goes on.
    /// <para>
    /// On PostgreSQL several instances write at once, so the transaction takes <see cref="WriterLock"/>, a transaction-level
    /// advisory lock, first: writers queue exactly as on SQLite, and every rule that leans on "one writer at a time" (the last
    /// owner, the number ranges, the reminder claims, a stage deleted with its leads moved) holds across instances without a
    /// second design. Readers never take it. The unique constraints (numbers, reminder keys) and the version columns stay the
    /// backstop for writes that do not come through here. docs/architecture.md ("Write safety on PostgreSQL") lists each rule
    /// with what protects it, and says why one lock and not finer ones.
    /// </para>
    /// </summary>
    public static async Task<IDbContextTransaction> BeginWriteAsync(this LeadsDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                if (db.Database.IsNpgsql())
                {
                    try
                    {
                        // The same wait as SQLite's busy timeout, then the same tries and the same message.
                        // The wait is bounded, the rest of the transaction is not: a row lock behind a write that bypassed
                        // the queue is no reason to tell the user the database is busy.
                        await db.Database.ExecuteSqlAsync(
                            $"SELECT set_config('lock_timeout', {LockWait}, true); SELECT pg_advisory_xact_lock({WriterLock}); SELECT set_config('lock_timeout', '0', true)",
                            cancellationToken);
                    }
                    catch
                    {
                        await transaction.DisposeAsync();
                        throw;
                    }
                }

                return transaction;
            }
            catch (Exception e) when (IsBusy(e))
            {
                if (attempt == BackOff.Length)
                {
                    throw Busy();
                }

                // A pause between tries, not a reading of the time of day: it must not run on the app's (testable) clock.
                await Task.Delay(BackOff[attempt], cancellationToken);
            }
        }
    }

    /// <summary>The advisory lock key of the app's writers on PostgreSQL ("LEADS" in ASCII, so a DBA can tell it in pg_locks).</summary>
    public const long WriterLock = 0x4C45414453;

    // How long a writer waits for the lock before the tries and the busy message: SQLite's default busy timeout.
    private const string LockWait = "5s";

    /// <summary>
    /// The database could not take the write now: SQLite's busy or locked file; on PostgreSQL a lock wait past its timeout, or a
    /// transaction the server gave up to break a deadlock or a serialization conflict. Nothing of the transaction was written,
    /// so the user can try again. Under the writer lock at read committed PostgreSQL should give up none (writers do not
    /// overlap; the writes beside the lock are single statements on rows no locked writer holds): that part is the backstop, and
    /// the server's log has the details of any deadlock.
    /// </summary>
    internal static bool IsBusy(Exception? e) => CauseOf(e) switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure,
        _ => false,
    };

    // The database's own error under what carries it: EF Core wraps a failed save in a DbUpdateException, and Npgsql's execution
    // strategy wraps the errors it deems transient (a lock timeout, a deadlock) in an InvalidOperationException.
    private static DbException? CauseOf(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is DbException database)
            {
                return database;
            }
        }

        return null;
    }

    /// <summary>The refusal of a write the database could not take now; nothing was written.</summary>
    internal static DomainException Busy() => new("Database", DatabaseBusy);
}
