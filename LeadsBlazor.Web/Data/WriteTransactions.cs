using LeadsBlazor.Domain.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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
    /// </summary>
    public static async Task<IDbContextTransaction> BeginWriteAsync(this LeadsDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await db.Database.BeginTransactionAsync(cancellationToken);
            }
            catch (SqliteException e) when (IsBusy(e))
            {
                if (attempt == BackOff.Length)
                {
                    throw new DomainException("Database", DatabaseBusy);
                }

                // A pause between tries, not a reading of the time of day: it must not run on the app's (testable) clock.
                await Task.Delay(BackOff[attempt], cancellationToken);
            }
        }
    }

    private static bool IsBusy(SqliteException e) => e.SqliteErrorCode is 5 or 6; // SQLITE_BUSY, SQLITE_LOCKED
}
