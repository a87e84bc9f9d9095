using System.Data.Common;
using System.Reflection;
using LeadsBlazor.Web.Data.Postgres;
using LeadsBlazor.Web.Data.Sqlite;
using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace LeadsBlazor.Web.Data.Copy;

/// <summary>
/// Moves an SQLite database into an empty PostgreSQL database: migrates the target, copies every table of the model in
/// foreign-key order through binary COPY, sets each identity sequence past the highest id, and compares both sides (rows
/// per table, the board's weighted volume) before it commits. Everything on the target happens in one transaction, so a
/// failed or unequal copy leaves the empty schema and nothing else; the source is only read, in one snapshot.
/// </summary>
public static class DatabaseCopy
{
    /// <summary>Copies <paramref name="sqlite"/> into <paramref name="postgres"/>; throws <see cref="DatabaseCopyRefusedException"/> when it must not start.</summary>
    public static async Task<DatabaseCopyReport> RunAsync(string sqlite, string postgres, CancellationToken cancellationToken = default)
    {
        await using var source = new SqliteConnection(sqlite);
        await source.OpenAsync(cancellationToken);
        await using var sourceDb = new SqliteLeadsDbContext(new DbContextOptionsBuilder<SqliteLeadsDbContext>().UseSqlite(source).Options);
        if ((await sourceDb.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            // The columns read below are the current model's: an older file must be brought up to date by the app first.
            throw new DatabaseCopyRefusedException("The SQLite database is not on this version's schema. Start this version of LeadsBlazor on it once (it migrates at start), stop it, then copy.");
        }

        await using (var targetDb = PostgresContext(new NpgsqlConnection(postgres), ownsConnection: true))
        {
            // Only an empty database, or one this version has just migrated, is migrated here: a wrong target (another
            // app's database, an older LeadsBlazor one) is refused before anything is created in it.
            var tables = await targetDb.Database.SqlQueryRaw<long>(
                "SELECT count(*) AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema()").SingleAsync(cancellationToken);
            if (tables > 0 && (await targetDb.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                throw new DatabaseCopyRefusedException(
                    "The PostgreSQL database already holds tables that are not this version's LeadsBlazor schema; the copy goes into an empty database only. " +
                    "Create a new database (CREATE DATABASE leads OWNER leads;) and copy into that; nothing was changed.");
            }

            await targetDb.Database.MigrateAsync(cancellationToken);
        }

        await using var target = new NpgsqlConnection(postgres);
        await target.OpenAsync(cancellationToken);
        var plan = CopyPlan.Of(sourceDb, target);
        await RefuseUnlessEmptyAsync(target, plan, cancellationToken);

        // One read transaction on SQLite: a snapshot, so the counts compared at the end are those of the rows copied.
        await using var reading = source.BeginTransaction(deferred: true);
        sourceDb.Database.UseTransaction(reading);
        await using var writing = await target.BeginTransactionAsync(cancellationToken);
        foreach (var table in plan.Tables)
        {
            await CopyTableAsync(reading, target, table, cancellationToken);
        }

        await ResetIdentitiesAsync(target, plan, cancellationToken);

        var counts = new List<TableCount>();
        foreach (var table in plan.Tables)
        {
            counts.Add(new TableCount(table.Name, await CountAsync(source, reading, table.Name, cancellationToken), await CountAsync(target, writing, table.Name, cancellationToken)));
        }

        await using var checkDb = PostgresContext(target, ownsConnection: false);
        checkDb.Database.UseTransaction(writing);
        var report = new DatabaseCopyReport(counts, await VolumeAsync(sourceDb, cancellationToken), await VolumeAsync(checkDb, cancellationToken));
        if (report.Agrees)
        {
            await writing.CommitAsync(cancellationToken);
        }
        else
        {
            await writing.RollbackAsync(cancellationToken);
        }

        return report;
    }

    private static PostgresLeadsDbContext PostgresContext(NpgsqlConnection connection, bool ownsConnection) =>
        new(new DbContextOptionsBuilder<PostgresLeadsDbContext>().UseNpgsql(connection, ownsConnection).Options);

    private static async Task RefuseUnlessEmptyAsync(NpgsqlConnection target, CopyPlan plan, CancellationToken cancellationToken)
    {
        var filled = new List<string>();
        foreach (var table in plan.Tables)
        {
            await using var command = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {Quote(table.Name)})", target);
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                filled.Add(table.Name);
            }
        }

        if (filled.Count > 0)
        {
            throw new DatabaseCopyRefusedException(
                $"The PostgreSQL database already holds data ({string.Join(", ", filled)}); the copy goes into an empty database only. " +
                "Create a new database (CREATE DATABASE leads OWNER leads;) and copy into that; nothing was changed.");
        }
    }

    private static async Task CopyTableAsync(SqliteTransaction reading, NpgsqlConnection target, CopyTable table, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", table.Columns.Select(c => Quote(c.Name)));
        await using var read = reading.Connection!.CreateCommand();
        read.Transaction = reading;
        read.CommandText = $"SELECT {columns} FROM {Quote(table.Name)}";
        await using var rows = await read.ExecuteReaderAsync(cancellationToken);
        try
        {
            // Binary COPY checks the foreign keys at the end of the statement, so rows of a table that points at itself may come in any order.
            await using var writer = await target.BeginBinaryImportAsync($"COPY {Quote(table.Name)} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            while (await rows.ReadAsync(cancellationToken))
            {
                await writer.StartRowAsync(cancellationToken);
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    var column = table.Columns[i];
                    if (await rows.IsDBNullAsync(i, cancellationToken))
                    {
                        await writer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await writer.WriteAsync(column.Convert(column.Read(rows, i)), column.PostgresType, cancellationToken);
                    }
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }
        catch (Exception e) when (e is PostgresException or NpgsqlException or FormatException or InvalidCastException)
        {
            throw new DatabaseCopyFailedException($"Copying the table {table.Name} failed: {e.Message}. Nothing was written to PostgreSQL.", e);
        }
    }

    // The copy writes the ids as they were; the identity columns' sequences must go on after them, or the next new lead fails.
    private static async Task ResetIdentitiesAsync(NpgsqlConnection target, CopyPlan plan, CancellationToken cancellationToken)
    {
        await using var find = new NpgsqlCommand(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'", target);
        var identities = new List<(string Table, string Column)>();
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                identities.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (table, column) in identities.Where(i => plan.Tables.Any(t => t.Name == i.Table)))
        {
            await using var reset = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence(@table, @column), COALESCE(MAX({Quote(column)}), 0) + 1, false) FROM {Quote(table)}", target);
            reset.Parameters.AddWithValue("table", Quote(table));
            reset.Parameters.AddWithValue("column", column);
            await reset.ExecuteScalarAsync(cancellationToken);
        }
    }

    // Each side counts inside its own transaction: the source its snapshot, the target what the commit would keep.
    private static async Task<long> CountAsync(DbConnection connection, DbTransaction transaction, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COUNT(*) FROM {Quote(table)}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    // The board's figure, through the board's own query: equal on both sides means the same leads, stages, amounts and rates.
    private static async Task<WeightedVolume?> VolumeAsync(LeadsDbContext db, CancellationToken cancellationToken)
    {
        var settings = await db.AccountSettings.AsNoTracking().Include(a => a.Currencies).SingleOrDefaultAsync(cancellationToken);
        return settings is null
            ? null
            : await WeightedVolumeQuery.GetAsync(db, new LeadFilter(), settings, await db.Stages.AsNoTracking().ToListAsync(cancellationToken), cancellationToken);
    }

    internal static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>One table in the order the copy writes it, with how each column travels from SQLite to PostgreSQL.</summary>
internal sealed record CopyTable(string Name, IReadOnlyList<CopyColumn> Columns);

/// <summary>
/// One column: read from SQLite as its provider type, turned back into the model's value by the SQLite mapping's converter
/// (a DateTimeOffset is a long there, a Probability an int, an offer's positions JSON text), and into PostgreSQL's provider
/// value by that mapping's converter.
/// </summary>
internal sealed class CopyColumn(string name, Func<DbDataReader, int, object> read, ValueConverter? fromSqlite, ValueConverter? toPostgres, string postgresType)
{
    private static readonly MethodInfo ReadAs = typeof(CopyColumn).GetMethod(nameof(ReadField), BindingFlags.NonPublic | BindingFlags.Static)!;

    public string Name { get; } = name;

    /// <summary>The column's PostgreSQL type without its length or precision, as binary COPY names it.</summary>
    public string PostgresType { get; } = postgresType;

    public object Read(DbDataReader reader, int ordinal) => read(reader, ordinal);

    public object Convert(object sqliteValue)
    {
        var value = fromSqlite is null ? sqliteValue : fromSqlite.ConvertFromProvider(sqliteValue)!;
        value = toPostgres is null ? value : toPostgres.ConvertToProvider(value)!;

        // PostgreSQL keeps instants in UTC and Npgsql writes only UTC ones; SQLite kept the offset it was given.
        return value switch
        {
            DateTimeOffset instant => instant.ToUniversalTime(),
            DateTime { Kind: DateTimeKind.Unspecified } time when PostgresType == "timestamp with time zone" => DateTime.SpecifyKind(time, DateTimeKind.Utc),
            _ => value,
        };
    }

    public static CopyColumn For(IColumn sqlite, IColumn postgres)
    {
        var sqliteMapping = sqlite.PropertyMappings[0].Property.GetRelationalTypeMapping();
        var postgresMapping = postgres.PropertyMappings[0].Property.GetRelationalTypeMapping();
        var stored = sqliteMapping.Converter?.ProviderClrType ?? sqliteMapping.ClrType;
        stored = Nullable.GetUnderlyingType(stored) ?? stored;
        var read = ReadAs.MakeGenericMethod(stored).CreateDelegate<Func<DbDataReader, int, object>>();
        var type = postgres.StoreType;
        var facets = type.IndexOf('(', StringComparison.Ordinal);
        return new CopyColumn(postgres.Name, read, sqliteMapping.Converter, postgresMapping.Converter, facets < 0 ? type : type[..facets].TrimEnd());
    }

    // Microsoft.Data.Sqlite turns SQLite's TEXT and INTEGER into decimal, DateOnly, Guid or bool as asked.
    private static object ReadField<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal)!;
}

/// <summary>The tables of the model, parents before children, each column paired with its twin in the other provider's model.</summary>
internal sealed record CopyPlan(IReadOnlyList<CopyTable> Tables)
{
    public static CopyPlan Of(SqliteLeadsDbContext sqlite, NpgsqlConnection postgres)
    {
        using var postgresDb = new PostgresLeadsDbContext(new DbContextOptionsBuilder<PostgresLeadsDbContext>().UseNpgsql(postgres).Options);
        var sqliteTables = RelationalModel(sqlite).Tables.ToDictionary(t => t.Name);
        var postgresTables = RelationalModel(postgresDb).Tables.ToList();
        var ordered = InForeignKeyOrder(postgresTables);
        return new CopyPlan([.. ordered.Select(table =>
        {
            var twin = sqliteTables[table.Name];
            return new CopyTable(table.Name, [.. table.Columns
                .Where(c => c.PropertyMappings.Count > 0)
                .Select(c => CopyColumn.For(twin.FindColumn(c.Name) ?? throw new InvalidOperationException($"The SQLite model has no column {table.Name}.{c.Name}."), c))]);
        })]);
    }

    private static IRelationalModel RelationalModel(DbContext db) => db.GetService<IDesignTimeModel>().Model.GetRelationalModel();

    // Kahn's order over the foreign keys; a table's references to itself are left to COPY's end-of-statement check.
    private static List<ITable> InForeignKeyOrder(List<ITable> tables)
    {
        var ordered = new List<ITable>();
        var remaining = tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining.FirstOrDefault(t => t.ForeignKeyConstraints.All(fk => fk.PrincipalTable == t || ordered.Contains(fk.PrincipalTable)))
                ?? throw new InvalidOperationException($"The tables {string.Join(", ", remaining.Select(t => t.Name))} reference each other in a circle; the copy has no order for them.");
            ordered.Add(ready);
            remaining.Remove(ready);
        }

        return ordered;
    }
}

/// <summary>Rows of one table on both sides after the copy.</summary>
public sealed record TableCount(string Table, long Sqlite, long Postgres)
{
    public bool Agrees => Sqlite == Postgres;
}

/// <summary>What the copy found on both sides: committed only when <see cref="Agrees"/>.</summary>
public sealed record DatabaseCopyReport(IReadOnlyList<TableCount> Tables, WeightedVolume? SqliteVolume, WeightedVolume? PostgresVolume)
{
    public bool VolumeAgrees => SqliteVolume is null
        ? PostgresVolume is null
        : PostgresVolume is not null
          && SqliteVolume.Total == PostgresVolume.Total
          && SqliteVolume.Currency == PostgresVolume.Currency
          && SqliteVolume.Stages.OrderBy(s => s.StageId).SequenceEqual(PostgresVolume.Stages.OrderBy(s => s.StageId));

    public bool Agrees => Tables.All(t => t.Agrees) && VolumeAgrees;
}

/// <summary>The copy did not start: the source or the target is not what it needs; nothing was changed.</summary>
public sealed class DatabaseCopyRefusedException(string message) : Exception(message);

/// <summary>The copy failed part-way; its transaction was rolled back, so PostgreSQL holds the empty schema only.</summary>
public sealed class DatabaseCopyFailedException(string message, Exception inner) : Exception(message, inner);
