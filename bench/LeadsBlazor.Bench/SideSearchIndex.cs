using System.Collections.Concurrent;
using System.Diagnostics;
using LeadsBlazor.Web.Data;
using Microsoft.Data.Sqlite;

namespace LeadsBlazor.Bench;

/// <summary>
/// The search index of the bulk-seeded leads, built on the machine's other core while the seeding inserts the leads, their
/// history and their indexes: in a database file of its own (SQLite has one writer per file), from the names as the seeding
/// writes them, folded as the app's triggers fold them (<see cref="TextSearch.Fold"/>). Then its tables are copied into the
/// bench database as they are: FTS5 keeps an index wholly in its shadow tables (<c>_data</c>, <c>_idx</c>, <c>_content</c>,
/// <c>_docsize</c>, <c>_config</c>), so a copy into the empty table of the same definition is that index. Filled in place
/// after the other indexes, the search index took 22-24 s of the seeding on a slow machine (9.9 s on a faster one); built
/// beside, it is done (25 s after the seeding began, as its leads are) long before the seeding needs it, and the copy takes
/// about 2 s.
/// </summary>
internal sealed class SideSearchIndex : IDisposable
{
    // The name the seeding's connection attaches the side database under.
    private const string Schema = "side";

    private const int BatchSize = 1_000;

    // FTS5's in-memory hash before it writes a segment: its default, and the size of the fill. Filled row by row with the
    // default, the index is hundreds of segments, each posting rewritten at every level of merging; with a hash that holds
    // a large part of the million names, a few large segments. The setting is stored with the table (and copied with it), so
    // the default is put back before the copy.
    private const int Fts5DefaultHashSize = 1024 * 1024;
    private const int FillHashSize = 256 * 1024 * 1024;

    // Bounded: the seeding waits rather than holding a million names when the index falls behind.
    private readonly BlockingCollection<Row[]> _batches = new(boundedCapacity: 64);
    private readonly SqliteConnection _seeding;
    private readonly Task _building;
    private Row[] _batch = new Row[BatchSize];
    private int _count;

    /// <summary>
    /// Starts building, beside the seeding's database, the index of <paramref name="table"/> as that database defines it, and
    /// attaches the side database to <paramref name="seeding"/> as <see cref="Schema"/> until disposed: before the seeding's
    /// transaction begins (SQLite attaches outside transactions only), which must be deferred (an immediate one, Microsoft.Data.Sqlite's
    /// default, would lock the side database too).
    /// </summary>
    public SideSearchIndex(SqliteConnection seeding, string table)
    {
        ArgumentNullException.ThrowIfNull(seeding);
        _seeding = seeding;
        Table = table;
        Path = seeding.DataSource + ".search";
        File.Delete(Path);
        var definition = BulkSeeding.Rows(seeding, $"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{table}'", r => r.GetString(0)).SingleOrDefault()
            ?? throw new InvalidOperationException($"The database has no table {table}.");
        using (var attach = seeding.CreateCommand())
        {
            attach.CommandText = $"ATTACH DATABASE $path AS {Schema}";
            attach.Parameters.AddWithValue("$path", Path);
            attach.ExecuteNonQuery();
        }

        _building = Task.Factory.StartNew(() => Build(definition), TaskCreationOptions.LongRunning);
    }

    /// <summary>The search index's table (FTS5), as the app's migrations define it.</summary>
    public string Table { get; }

    // The side database's file.
    private string Path { get; }

    /// <summary>How long the building ran (waiting for rows included), once <see cref="Copy"/> has waited for it.</summary>
    public TimeSpan Built { get; private set; }

    /// <summary>One lead's names as the seeding writes them (not yet folded).</summary>
    public void Add(int leadId, string name, string? customer, string? contact)
    {
        _batch[_count++] = new Row(leadId, name, customer, contact);
        if (_count == BatchSize)
        {
            Hand(_batch);
            _batch = new Row[BatchSize];
            _count = 0;
        }
    }

    /// <summary>
    /// The last lead is added: the building writes its last segment and commits while the seeding goes on (it used to wait
    /// for <see cref="Copy"/>, at the end of the seeding, for that).
    /// </summary>
    public void Complete()
    {
        if (!_batches.IsAddingCompleted)
        {
            Hand(_batch[.._count]);
            _batches.CompleteAdding();
        }
    }

    /// <summary>Waits for the index, then copies it into the seeding's empty <see cref="Table"/>, in the seeding's transaction.</summary>
    public void Copy()
    {
        Complete();
        _building.GetAwaiter().GetResult();

        // Asked of a shadow table: read through the FTS5 table, this connection would keep the index's structure it then replaces.
        if (BulkSeeding.Rows(_seeding, $"SELECT EXISTS (SELECT 1 FROM main.\"{Table}_docsize\")", r => r.GetBoolean(0))[0])
        {
            throw new InvalidOperationException($"{Table} is not empty: the side index replaces it, so it is built for an empty database only.");
        }

        foreach (var shadow in BulkSeeding.Rows(_seeding, $"SELECT name FROM {Schema}.sqlite_master WHERE type = 'table' AND name LIKE '{Table}^_%' ESCAPE '^'", r => r.GetString(0)))
        {
            BulkSeeding.Execute(_seeding, $"DELETE FROM main.\"{shadow}\"; INSERT INTO main.\"{shadow}\" SELECT * FROM {Schema}.\"{shadow}\";");
        }
    }

    public void Dispose()
    {
        // When the seeding failed before the copy, the building still waits for rows: it ends, and its failure, if any, is
        // not the one to tell.
        if (!_batches.IsAddingCompleted)
        {
            _batches.CompleteAdding();
        }

        try
        {
            _building.Wait();
        }
        catch (AggregateException)
        {
        }

        _batches.Dispose();
        try
        {
            BulkSeeding.Execute(_seeding, $"DETACH DATABASE {Schema}");
            File.Delete(Path);
        }
        catch (SqliteException)
        {
            // Still in use after the seeding failed (its transaction open): the file stays in the bench's folder, deleted with it.
        }
    }

    private void Hand(Row[] batch)
    {
        try
        {
            _batches.Add(batch);
        }
        catch (InvalidOperationException)
        {
            // The building stopped taking rows: its own failure is the one to tell.
            _building.GetAwaiter().GetResult();
            throw;
        }
    }

    private void Build(string definition)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var connection = new SqliteConnection($"Data Source={Path};Pooling=false");
            connection.Open();
            BulkSeeding.Execute(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -100000;");
            BulkSeeding.Execute(connection, definition);
            using var transaction = connection.BeginTransaction();
            BulkSeeding.Execute(connection, $"""INSERT INTO "{Table}" ("{Table}", rank) VALUES ('hashsize', {FillHashSize})""");
            using var insert = connection.CreateCommand();
            insert.CommandText = $"""INSERT INTO "{Table}" (rowid, "Name", "Customer", "Contact") VALUES ($id, $name, $customer, $contact)""";
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var name = insert.Parameters.Add("$name", SqliteType.Text);
            var customer = insert.Parameters.Add("$customer", SqliteType.Text);
            var contact = insert.Parameters.Add("$contact", SqliteType.Text);
            insert.Prepare();
            foreach (var batch in _batches.GetConsumingEnumerable())
            {
                foreach (var row in batch)
                {
                    id.Value = row.LeadId;
                    name.Value = TextSearch.Fold(row.Name);
                    customer.Value = (object?)TextSearch.Fold(row.Customer) ?? DBNull.Value;
                    contact.Value = (object?)TextSearch.Fold(row.Contact) ?? DBNull.Value;
                    insert.ExecuteNonQuery();
                }
            }

            BulkSeeding.Execute(connection, $"""INSERT INTO "{Table}" ("{Table}", rank) VALUES ('hashsize', {Fts5DefaultHashSize})""");
            transaction.Commit();
        }
        catch
        {
            // The seeding's next hand-over fails and tells this failure.
            _batches.CompleteAdding();
            throw;
        }

        Built = watch.Elapsed;
    }

    private readonly record struct Row(int LeadId, string Name, string? Customer, string? Contact);
}
