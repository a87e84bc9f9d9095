using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace LeadsBlazor.Web.Data;

public static class WriteTransactions
{
    /// <summary>
    /// Starts the transaction of a use case that reads and then writes. On SQLite it takes the write
    /// lock up front (Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE): a deferred transaction that
    /// reads first cannot wait for the lock later and fails with "database is locked" whatever the busy
    /// timeout says (dotnet/efcore#29514). Concurrent writers therefore queue instead of failing.
    /// </summary>
    public static Task<IDbContextTransaction> BeginWriteAsync(this LeadsDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.BeginTransactionAsync(cancellationToken);
    }
}
