using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LeadsBlazor.Web.Data;

/// <summary>
/// Sets the per-connection SQLite settings on every opened connection: a busy timeout, so that two
/// writers wait for each other instead of failing, and foreign keys. WAL is set once at start
/// (it is stored in the database file).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 30_000;

    private const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
