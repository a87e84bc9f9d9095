using System.Data.Common;
using System.Runtime.InteropServices;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Board;

/// <summary>
/// What a searched board needs of every lead (status, stage, revenue, next action, responsible user), held in memory on
/// SQLite, so that the board of a search reads only the search index's ids from the database.
/// <para>
/// Why: a surname one lead in twenty carries finds 50,000 of a million leads, and SQLite fetches each match's row by its id,
/// one B-tree descent per match: about 100 ms through Microsoft.Data.Sqlite, whether from the leads, a narrow copy of these
/// columns or the search index's own content table. From memory it is about 10 ms. At a million leads the facts take
/// about 20 MB; they are read on the first search (in the background: searches meanwhile read the rows as before).
/// </para>
/// <para>
/// They stay exact through the change log <c>LeadFactChanges</c> (migration <c>LeadFactChanges</c>): triggers on the leads
/// append a lead's id in the same transaction as any change of these columns, an insert or a delete. Every read first applies
/// the log's rows past the last one applied, with the leads' current values, in one statement (one snapshot). The log's
/// numbers rise without gaps; a gap (rows another process pruned before this one saw them) reads all facts again.
/// PostgreSQL, which has its statistics and its own search indexes, reads the rows (<see cref="IsLoaded"/> is false there).
/// </para>
/// </summary>
public sealed partial class LeadFacts(IDbContextFactory<LeadsDbContext> contexts, TimeProvider time, ILogger<LeadFacts> logger) : IDisposable
{
    /// <summary>How many applied rows of the change log wait before they are deleted: one small write per so many changes.</summary>
    public const int PruneEvery = 10_000;

    /// <summary>The change log's table, kept by triggers on the leads.</summary>
    public const string ChangeLog = "LeadFactChanges";

    // A revenue group's key: column (8 bits), currency (8 bits), cents (47 bits: the domain's largest revenue, 10^12 in major
    // units, is 10^14 cents).
    private const int ColumnShift = 55;
    private const int CurrencyShift = 47;
    private const long CentsMask = (1L << CurrencyShift) - 1;

    /// <summary>The most columns a revenue group's key numbers (8 bits); a board with more reads the rows.</summary>
    private const int MostColumns = 1 << (63 - ColumnShift);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _loadLock = new();
    private Table? _table;
    private Task? _loading;
    private long _pruned;

    // A searched board's working memory, used under the gate and kept between boards.
    private readonly Dictionary<long, int> _groups = [];
    private Fact[] _matched = [];

    /// <summary>
    /// Whether the facts are in memory to serve <paramref name="db"/>'s database: never on PostgreSQL. On SQLite the first ask
    /// starts reading them in the background.
    /// </summary>
    public bool IsLoaded(LeadsDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return false;
        }

        if (Volatile.Read(ref _table) is not null)
        {
            return true;
        }

        _ = LoadedAsync();
        return false;
    }

    /// <summary>
    /// The highest lead id the facts have held (0 before they are read): how far the leads' ids reach, for a search that
    /// splits them into halves. Read without the gate, so it may be a change behind.
    /// </summary>
    public int HighestLeadId => Volatile.Read(ref _table)?.HighestId ?? 0;

    /// <summary>Completes when the facts are in memory (starting to read them if nobody has yet): for the bench and tests.</summary>
    public Task LoadedAsync()
    {
        lock (_loadLock)
        {
            return _loading ??= Task.Run(LoadAsync);
        }
    }

    /// <summary>
    /// The searched board of the leads <paramref name="ids"/> lists, as they are now (the change log applied first), of
    /// <paramref name="responsibleUserId"/>'s leads only when given: the running leads' revenue groups, and for each stage of
    /// <paramref name="stageIds"/> (in that order) the ids of its first <paramref name="cardsOf"/> cards by next action, then
    /// id. Null when the facts are not in memory (see <see cref="IsLoaded"/>), or when a revenue group's key cannot number the
    /// board (more than 256 columns, or cents the domain never writes): the caller then reads the rows.
    /// </summary>
    public async Task<BoardQuery.SearchedBoard?> BoardOfAsync(LeadsDbContext db, int[] ids, string? responsibleUserId, int[] stageIds, Func<int, int> cardsOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(stageIds);
        ArgumentNullException.ThrowIfNull(cardsOf);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (await CurrentAsync(db, cancellationToken) is not { } table)
            {
                return null;
            }

            return BoardOf(table, ids, responsibleUserId, stageIds, cardsOf);
        }
        finally
        {
            _gate.Release();
        }
    }

    // The searched board from the facts of every match: 50,000 for a common surname at a million leads. Under the gate.
    private BoardQuery.SearchedBoard? BoardOf(Table table, int[] ids, string? responsibleUserId, int[] columnStages, Func<int, int> cardsOf)
    {
        var responsible = responsibleUserId is null ? -1 : table.UserIndex(responsibleUserId);
        if (columnStages.Length > MostColumns)
        {
            return null;
        }

        // Each column keeps only its first cards, by their place (next action day, then id, packed in one number; no
        // next action is the smallest day and comes first, as SQLite orders a column): sorting every match cost more.
        var columns = new FirstPlaces[columnStages.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = new FirstPlaces(cardsOf(columnStages[i]));
        }

        // The matches' facts first, copied into one buffer by a loop that does nothing else, so that the processor fetches
        // many of them from memory at once: read and judged one by one, each waited for the one before (the whole loop took
        // 8 ms for 49,000 matches; with the copy, 5 ms, 1 of them copying). The buffer is kept between boards.
        if (_matched.Length < ids.Length)
        {
            _matched = new Fact[ids.Length];
        }

        var matched = _matched.AsSpan(0, ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            matched[i] = table.Find(ids[i]);
        }

        // The revenue groups by (column, currency, cents) packed in one number: amounts hardly repeat, so there are nearly
        // as many groups as leads, and a dictionary of tuples cost more than the rest of the board. Kept between boards, so
        // that it is not grown again for every search.
        var groups = _groups;
        groups.Clear();
        for (var i = 0; i < ids.Length; i++)
        {
            ref readonly var fact = ref matched[i];
            if (fact is { Status: (byte)LeadStatus.Running, StageId: not 0 }
                && (responsible == -1 || fact.Responsible == responsible)
                && Array.IndexOf(columnStages, fact.StageId) is var column and >= 0)
            {
                if ((ulong)fact.Cents > CentsMask)
                {
                    // Cents the domain never writes (negative, or above its largest revenue): the board reads the rows.
                    return null;
                }

                CollectionsMarshal.GetValueRefOrAddDefault(groups, ((long)column << ColumnShift) | ((long)fact.Currency << CurrencyShift) | fact.Cents, out _)++;
                columns[column].Offer(((long)fact.NextActionDay << 32) | (uint)ids[i]);
            }
        }

        var shown = columns.SelectMany(c => c.Places).Select(place => (int)place).ToList();
        return new BoardQuery.SearchedBoard(
            [.. groups.Select(g => new RevenueGroup(
                columnStages[(int)(g.Key >> ColumnShift)], table.Currencies[(int)(g.Key >> CurrencyShift) & byte.MaxValue], g.Key & CentsMask, g.Value))],
            shown);
    }

    // The facts as they are now, or null when they are not in memory or can no longer be trusted. Under the gate.
    private async Task<Table?> CurrentAsync(LeadsDbContext db, CancellationToken cancellationToken)
    {
        if (_table is not { } table)
        {
            return null;
        }

        bool current;
        try
        {
            current = await table.CatchUpAsync(db, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            // More currencies or users than the facts can number: the board reads the rows from now on.
            LogFailed(logger, e);
            _table = null;
            return null;
        }

        if (!current)
        {
            // A gap in the log: read everything again in the background; until then the board reads the rows.
            LogGap(logger);
            _table = null;
            lock (_loadLock)
            {
                _loading = null;
            }

            _ = LoadedAsync();
            return null;
        }

        if (table.Seq - _pruned >= PruneEvery)
        {
            // In the background: the board does not wait for a write.
            _pruned = table.Seq;
            _ = PruneAsync(table.Seq);
        }

        return table;
    }

    // Deletes the change log's rows up to seq, which these facts have applied: the log stays small however long the app runs.
    // Another process holding facts (two apps on one SQLite file) then finds a gap and reads its facts again.
    private async Task PruneAsync(long seq)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(_stopping.Token);
            await using var transaction = await db.BeginWriteAsync(_stopping.Token);
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "LeadFactChanges" WHERE "Seq" <= {seq}""", _stopping.Token);
            await transaction.CommitAsync(_stopping.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The app stops.
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or DomainException)
        {
            // The rows stay until the next prune.
            LogPruneFailed(logger, e);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task LoadAsync()
    {
        try
        {
            var started = time.GetTimestamp();
            await using var db = await contexts.CreateDbContextAsync(_stopping.Token);
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(_stopping.Token);
            var table = new Table();
            await using (var command = connection.CreateCommand())
            {
                // One statement, one snapshot: the log's last number and the facts it stands for.
                command.CommandText = $"""
                    SELECT q."seq", l."Id", {string.Join(", ", Table.Columns.Select(c => "l." + c))}
                    FROM (SELECT (SELECT "seq" FROM sqlite_sequence WHERE "name" = '{ChangeLog}') AS "seq") AS q
                    LEFT JOIN "Leads" AS l ON 1
                    """;
                await using var reader = await command.ExecuteReaderAsync(_stopping.Token);
                while (await reader.ReadAsync(_stopping.Token))
                {
                    // The log's number comes on every row, and on a row of its own when there are no leads.
                    table.Seq = reader.IsDBNull(0) ? 0 : reader.GetInt64(0);
                    if (!reader.IsDBNull(1))
                    {
                        table.Apply(reader, 1);
                    }
                }
            }

            await _gate.WaitAsync(_stopping.Token);
            try
            {
                _table = table;
            }
            finally
            {
                _gate.Release();
            }

            LogLoaded(logger, table.Count, time.GetElapsedTime(started).TotalMilliseconds);

            // What this load has seen needs no log any more.
            _pruned = table.Seq;
            await PruneAsync(table.Seq);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The app stops.
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // The board goes on reading the rows, until the app starts again.
            LogFailed(logger, e);
        }
    }

    private const int NoDay = int.MinValue;

    /// <summary>The smallest places offered, up to <paramref name="most"/> of them, in order.</summary>
    private sealed class FirstPlaces(int most)
    {
        private readonly List<long> _places = [];

        public IReadOnlyList<long> Places => _places;

        public void Offer(long place)
        {
            if (_places.Count == most && (most == 0 || place >= _places[^1]))
            {
                return;
            }

            var at = _places.BinarySearch(place);
            _places.Insert(at < 0 ? ~at : at, place);
            if (_places.Count > most)
            {
                _places.RemoveAt(most);
            }
        }
    }

    /// <summary>One lead's facts, 20 bytes: a million leads in 20 MB.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly record struct Fact(long Cents, int StageId, int NextActionDay, byte Status, byte Currency, ushort Responsible);

    /// <summary>The facts by lead id, with the currencies and users they name by number.</summary>
    private sealed class Table
    {
        /// <summary>The leads' columns the facts are read from, after the lead's id.</summary>
        public static readonly string[] Columns = ["\"Status\"", "\"StageId\"", "\"RevenueCurrency\"", "\"RevenueMinor\"", "\"NextActionOn\"", "\"ResponsibleUserId\""];

        /// <summary>A user no lead names.</summary>
        public const int Nobody = -2;

        // Status of an id with no lead (never added, or deleted).
        private const byte None = byte.MaxValue;

        private static readonly Fact Absent = new(0, 0, NoDay, None, 0, 0);

        private readonly Dictionary<string, byte> _currencyIndex = [];
        private readonly Dictionary<string, ushort> _userIndex = [];
        private Fact[] _facts = [];

        public List<string> Currencies { get; } = [];

        /// <summary>The last change-log number applied.</summary>
        public long Seq { get; set; }

        public int Count { get; private set; }

        /// <summary>The highest lead id ever applied (a deleted lead's too).</summary>
        public int HighestId { get; private set; }

        /// <summary>The lead's facts, or facts of no status when there is no such lead.</summary>
        public ref readonly Fact Find(int id) => ref (uint)id < (uint)_facts.Length ? ref _facts[id] : ref Absent;

        public int UserIndex(string userId) => _userIndex.TryGetValue(userId, out var index) ? index : Nobody;

        // The change log's rows past {0}, each with its lead as it is now; tagged as EF's TagWith would.
        private static readonly string CatchUpSql =
            $$"""
            -- {{nameof(LeadFacts)}}

            SELECT s."seq" AS "Seq", c."LeadId", l."Id" IS NOT NULL AS "Exists", {{string.Join(", ", Columns.Select(c => "l." + c))}}
            FROM sqlite_sequence AS s
            LEFT JOIN "{{ChangeLog}}" AS c ON c."Seq" > {0}
            LEFT JOIN "Leads" AS l ON l."Id" = c."LeadId"
            WHERE s."name" = '{{ChangeLog}}'
            ORDER BY c."Seq"
            """;

        /// <summary>
        /// Applies the change log's rows past <see cref="Seq"/>, with each lead as it is now; false when rows are missing
        /// (pruned by another process), so these facts can no longer be trusted.
        /// </summary>
        public async Task<bool> CatchUpAsync(LeadsDbContext db, CancellationToken cancellationToken)
        {
            // One statement, one snapshot, through EF like every other command of a board (so that its interceptors count
            // it). The log's highest number comes on a row of its own when nothing is new, so that a log pruned past this
            // table shows as a gap too.
            var changes = await db.Database.SqlQueryRaw<Change>(CatchUpSql, Seq).ToListAsync(cancellationToken);
            var last = Seq;
            foreach (var change in changes)
            {
                last = change.Seq;
                if (change.LeadId is { } id)
                {
                    Apply(id, change.Exists ? change : null);
                }
            }

            if (last - Seq != changes.Count(c => c.LeadId is not null))
            {
                return false;
            }

            Seq = last;
            return true;
        }

        /// <summary>Sets one lead's facts from a row holding the lead's id at <paramref name="at"/>, then <see cref="Columns"/>.</summary>
        public void Apply(DbDataReader row, int at) => Apply(row.GetInt32(at), new Change(
            0,
            null,
            true,
            row.GetInt32(at + 1),
            row.IsDBNull(at + 2) ? null : row.GetInt32(at + 2),
            row.GetString(at + 3),
            row.GetInt64(at + 4),
            row.IsDBNull(at + 5) ? null : row.GetFieldValue<DateOnly>(at + 5),
            row.GetString(at + 6)));

        /// <summary>Sets one lead's facts: <paramref name="lead"/> as it is now, or null once it is deleted.</summary>
        private void Apply(int id, Change? lead)
        {
            if (id >= _facts.Length)
            {
                var had = _facts.Length;
                Array.Resize(ref _facts, Math.Max(id + 1, had + had / 4 + 1024));
                _facts.AsSpan(had).Fill(Absent);
            }

            HighestId = Math.Max(HighestId, id);
            var existed = _facts[id].Status != None;
            if (lead is null)
            {
                _facts[id] = Absent;
                Count -= existed ? 1 : 0;
                return;
            }

            _facts[id] = new Fact(
                lead.RevenueMinor ?? 0,
                lead.StageId ?? 0,
                lead.NextActionOn?.DayNumber ?? NoDay,
                (byte)lead.Status!.Value,
                Index(_currencyIndex, lead.RevenueCurrency!, Currencies, byte.MaxValue, i => (byte)i),
                Index(_userIndex, lead.ResponsibleUserId!, null, ushort.MaxValue, i => (ushort)i));
            Count += existed ? 0 : 1;
        }

        private static T Index<T>(Dictionary<string, T> indexes, string key, List<string>? keys, int most, Func<int, T> number)
        {
            if (indexes.TryGetValue(key, out var index))
            {
                return index;
            }

            if (indexes.Count >= most)
            {
                throw new InvalidOperationException($"More than {most} distinct values of one lead fact; the board reads the rows instead.");
            }

            index = number(indexes.Count);
            indexes.Add(key, index);
            keys?.Add(key);
            return index;
        }
    }

    /// <summary>A row of the change log past the facts' last one, with its lead as it is now.</summary>
    private sealed record Change(long Seq, int? LeadId, bool Exists, int? Status, int? StageId, string? RevenueCurrency, long? RevenueMinor, DateOnly? NextActionOn, string? ResponsibleUserId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Read the facts of {Count} leads for searched boards in {Milliseconds:F0} ms")]
    private static partial void LogLoaded(ILogger logger, int count, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lead facts' change log has a gap (pruned by another process); reading the facts again")]
    private static partial void LogGap(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lead facts' change log could not be pruned; it is tried again later")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lead facts could not be read; searched boards read the rows")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
