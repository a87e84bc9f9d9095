using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LeadsBlazor.Web.Data;

/// <summary>
/// Sets the per-connection SQLite settings on every opened connection: a busy timeout, so that two
/// writers wait for each other instead of failing, foreign keys, reads through memory-mapped pages
/// (<see cref="MemoryMapped"/>), and the search's fold function. WAL is set once at start (it is stored in the database file).
/// </summary>
internal sealed class SqlitePragmas(TimeSpan busyTimeout) : DbConnectionInterceptor
{
    /// <summary>
    /// How long a writer waits for another's lock (<c>Database:BusyTimeout</c>) before WriteTransactions tries again. With two
    /// more tries a user waits about 15 s at most before the message: the writes of a use case take milliseconds, so a lock
    /// held that long is a stuck writer, and the user is better told.
    /// </summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>mmap_size</c>: reads map the database file instead of copying each page into the connection's small page cache
    /// (2 MB; pooled connections each have their own). A search that finds 50,000 of a million leads fetches them by id
    /// from all over the table: 400 ms read page by page, 200 ms mapped. The mapping is the operating system's file cache,
    /// shared by all connections, not memory of the app's; writes still go through the journal as before. The largest size
    /// the bundled SQLite allows (2 GB); a larger database maps its first 2 GB and reads the rest as before.
    /// </summary>
    internal const long MemoryMapped = 0x7fff0000;

    private readonly string _pragmas = $"PRAGMA busy_timeout = {(int)busyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = {MemoryMapped};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        AddFunctions(connection);
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AddFunctions(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // SQLite knows no umlauts: the search's fold is the app's own, the same one PostgreSQL spells in SQL (see TextSearch).
    private static void AddFunctions(DbConnection connection) => TextSearch.AddTo((SqliteConnection)connection);
}
