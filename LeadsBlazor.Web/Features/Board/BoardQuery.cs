using System.Buffers.Text;
using System.Data.Common;
using System.Diagnostics.Metrics;
using System.Globalization;
using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Pipeline;
using LeadsBlazor.Web.Components.Shared;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Data.Configurations;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace LeadsBlazor.Web.Features.Board;

/// <summary>The board of one view: its columns with their figures, the first cards of each column, and today in the account's time zone.</summary>
public sealed record BoardData(IReadOnlyList<BoardColumn> Columns, IReadOnlyList<BoardCard> Cards, WeightedVolume Volume, DateOnly Today)
{
    /// <summary>No running lead in this view: every column is empty.</summary>
    public bool IsEmpty => Columns.All(c => c.Figures.Count == 0);
}

/// <summary>
/// Loads the board without loading the pipeline: the figures come from the weighted-volume query,
/// the cards page by page per column, the most urgent next action first, so that due leads are on top.
/// The board of one view is the same for every session showing it: it is computed once per change and shared
/// (<see cref="SharedViews"/>), so the result is immutable and a session never changes it.
/// </summary>
public sealed class BoardQuery(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account, TimeProvider time, SharedViews shared, LeadFacts facts, IMeterFactory meters)
{
    public const int PageSize = 50;

    /// <summary>The meter with <see cref="LoadsCounter"/>: how often a board is read from the database, for operators and for the test that a page open loads once.</summary>
    public const string MeterName = "LeadsBlazor.Board";

    public const string LoadsCounter = "leads.board.loads";

    private readonly Counter<long> _loads = meters.Create(MeterName).CreateCounter<long>(LoadsCounter, description: "Boards read from the database (once per view and change; the sessions showing it share the result)");

    /// <summary>What the board shows: an event that touches none of it leaves the board as it is.</summary>
    public const LiveTopic Shows = LiveTopic.Leads | LiveTopic.Stages | LiveTopic.Labels | LiveTopic.Day | LiveTopic.Money;

    public async Task<BoardData> LoadAsync(LeadFilter filter, IReadOnlyDictionary<int, int>? cardsPerStage = null, CancellationToken cancellationToken = default)
    {
        var (view, pages, settings) = await ViewAsync(filter, cardsPerStage, cancellationToken);
        var key = (BoardView)view.Key;
        return await shared.GetAsync(view, () => ComputeAsync(filter, pages, settings, key.Today, key.English), cancellationToken);
    }

    /// <summary>
    /// Drops the shared board of this view: a refused move showed that the database is ahead of it (another instance's
    /// change whose event has not arrived yet), so the next load reads it again.
    /// </summary>
    public async Task ForgetAsync(LeadFilter filter, IReadOnlyDictionary<int, int>? cardsPerStage = null, CancellationToken cancellationToken = default) =>
        shared.Forget((await ViewAsync(filter, cardsPerStage, cancellationToken)).View);

    private async Task<(SharedView View, Dictionary<int, int> Pages, AccountSettings Settings)> ViewAsync(LeadFilter filter, IReadOnlyDictionary<int, int>? cardsPerStage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var settings = await account.GetAsync(cancellationToken);
        // The session's page sizes are copied: the page goes on changing its own while others may share this computation.
        var pages = cardsPerStage?.Where(p => p.Value != PageSize).OrderBy(p => p.Key).ToDictionary() ?? [];
        var key = new BoardView(FilterKey.Of(filter), string.Join(',', pages.Select(p => $"{p.Key}:{p.Value}")), settings.Today(time), Formats.English);
        return (new SharedView(key, Shows), pages, settings);
    }

    /// <summary>Everything a board's data depends on besides the data itself: the same view for every session that shows it.</summary>
    private sealed record BoardView(FilterKey Filter, string Pages, DateOnly Today, bool English);

    private async Task<BoardData> ComputeAsync(LeadFilter filter, Dictionary<int, int> pages, AccountSettings settings, DateOnly today, bool english)
    {
        _loads.Add(1);
        // One context, one read of the stages, for the figures and the cards alike.
        await using var db = await contexts.CreateDbContextAsync();
        var stages = await db.Stages.AsNoTracking().OrderBy(s => s.Position).ToListAsync();
        var names = await db.UserNamesAsync();
        var found = await SearchedAsync(db, filter, stages, pages);
        var (volume, cards) = found is null
            ? await ByColumnAsync(db, filter, pages, settings, stages, today, names)
            : await FromSearchedAsync(db, found, settings, stages, today, names);

        var loaded = cards.CountBy(c => c.Zone).ToDictionary();
        var columns = stages
            .Select(s => new BoardColumn(s.Id, s.DisplayName(english), s.Probability, volume.For(s.Id), loaded.GetValueOrDefault(BoardColumn.ZoneOf(s.Id))))
            .ToList();

        // Read-only collections: the data is shared between sessions.
        return new BoardData([.. columns], [.. cards], volume, today);
    }

    /// <summary>Any view: the figures from the grouped count (or a label's totals), then each column's first page in its index's order.</summary>
    private static async Task<(WeightedVolume Volume, List<BoardCard> Cards)> ByColumnAsync(LeadsDbContext db, LeadFilter filter, Dictionary<int, int> pages, AccountSettings settings, List<Stage> stages, DateOnly today, Dictionary<string, string> names)
    {
        var volume = await WeightedVolumeQuery.GetAsync(db, filter, settings, stages);
        var cards = new List<BoardCard>();
        foreach (var stage in stages)
        {
            cards.AddRange(await CardsAsync(ColumnLeads(db, filter, stage.Id, pages.GetValueOrDefault(stage.Id, PageSize)), stages, settings, today, names));
        }

        return (volume, cards);
    }

    /// <summary>
    /// A searched view from its leads, read once: the figures are counted and the columns' first pages chosen over them
    /// (<see cref="SearchedBoard"/>), then those cards are read by id. Composed into every query instead, the search ran once
    /// per column and once for the figures, and SQLite, which keeps no statistics, walked all running leads to probe the
    /// matches: a surname's board at a million leads took 1.2 s that way, 0.4 s reading the leads once, and 0.05 s with the
    /// leads' facts in memory (<see cref="LeadFacts"/>).
    /// </summary>
    private static async Task<(WeightedVolume Volume, List<BoardCard> Cards)> FromSearchedAsync(LeadsDbContext db, SearchedBoard found, AccountSettings settings, List<Stage> stages, DateOnly today, Dictionary<string, string> names)
    {
        // The figures from the groups on another core while the cards are read (4 ms for 34,000 running leads found).
        var figures = Task.Run(() => WeightedVolumeQuery.Of(found.Groups, settings, stages));
        // One parameter (a JSON array) rather than one per id: a list of ids differs in length from search to search, and
        // each length would be another query for EF to build.
        var shown = found.Shown;
        var cards = (await CardsAsync(db.Leads.AsNoTracking().Where(l => EF.Parameter(shown).Contains(l.Id)), stages, settings, today, names)).ToDictionary(c => c.Id);
        // A lead changed since it was found shows as it is now, or not at all once deleted or off the stages; the change's
        // event reloads the board anyway.
        return (await figures, [.. shown.Where(cards.ContainsKey).Select(id => cards[id])]);
    }

    /// <summary>
    /// What a searched board shows of the leads it found: the running leads' revenue groups (for the figures) and, column by
    /// column in stage order, the ids of the first cards in <see cref="ColumnLeads"/>'s order (next action, then id), so that
    /// a column pages alike whichever way its view is read.
    /// </summary>
    public sealed record SearchedBoard(List<RevenueGroup> Groups, List<int> Shown)
    {
        /// <summary>The searched board of the leads found (any status).</summary>
        internal static SearchedBoard Of(List<SearchedLead> found, List<Stage> stages, Dictionary<int, int> pages)
        {
            var running = found.Where(l => l.Status == LeadStatus.Running && l.StageId is not null).ToList();
            var groups = running.CountBy(l => new RevenueGroup(l.StageId, l.Currency, l.Cents, 0)).Select(g => g.Key with { Count = g.Value }).ToList();
            var byStage = running.ToLookup(l => l.StageId!.Value);
            var shown = stages
                .SelectMany(s => byStage[s.Id].OrderBy(l => l.NextActionOn).ThenBy(l => l.Id).Take(pages.GetValueOrDefault(s.Id, PageSize)))
                .Select(l => l.Id)
                .ToList();
            return new SearchedBoard(groups, shown);
        }
    }

    /// <summary>What a searched view needs of each of its leads to count and page them.</summary>
    internal sealed record SearchedLead(int Id, LeadStatus Status, int? StageId, string Currency, long Cents, DateOnly? NextActionOn);

    /// <summary>More matches than this are counted by the database, as any view: a search for "a" would otherwise hold every lead.</summary>
    private const int MostSearchedLeads = 100_000;

    /// <summary>A searched view's board, or null when the view has no search or its search matches too many to hold.</summary>
    private async Task<SearchedBoard?> SearchedAsync(LeadsDbContext db, LeadFilter filter, List<Stage> stages, Dictionary<int, int> pages)
    {
        if (string.IsNullOrWhiteSpace(filter.Search))
        {
            return null;
        }

        // On SQLite, once the leads' facts are in memory, the search index gives the ids and the facts the rest, unless the
        // view also narrows by what the facts do not hold (labels, a customer).
        var search = filter.Search.Trim();
        if (filter is { LabelIds: null or { Count: 0 }, CompanyId: null } && facts.IsLoaded(db) && LeadSearch.MatchingIds(db, search) is { } ids)
        {
            if (await MatchedUpToLimitAsync(db, ids, search) is not { } matched)
            {
                return null;
            }

            var board = await facts.BoardOfAsync(db, matched, filter.ResponsibleUserId, [.. stages.Select(s => s.Id)], stageId => pages.GetValueOrDefault(stageId, PageSize));
            if (board is not null)
            {
                return board;
            }
        }

        return await UpToLimitAsync(Searched(db, filter)) is { } found ? SearchedBoard.Of(found, stages, pages) : null;
    }

    // The search index's ids up to the limit, in two halves by lead id, read at once on two connections, so that a search
    // finding tens of thousands of leads uses two cores: at a million leads "köhler" (a phrase of five trigrams, 49,000
    // matches) took 50 ms for its ids on one core, 25 ms for each half side by side (with SQLite's memory statistics off:
    // SqliteProcessSettings). Any split point gives the same ids in the same (rising) order; half the highest id the
    // facts hold balances the halves (one read a change behind only balances them less). The lower half runs here, on the
    // board's context; if it fails, the upper half ends on its own and its context goes with it.
    private async Task<int[]?> MatchedUpToLimitAsync(LeadsDbContext db, IQueryable<int> ids, string search)
    {
        var halfway = facts.HighestLeadId / 2;
        var upper = Task.Run(async () =>
        {
            // A context of the same model as db's, so it has the search index too.
            await using var other = await contexts.CreateDbContextAsync();
            return UpToLimit(other, LeadSearch.MatchingIds(other, search)!.Where(id => id > halfway));
        });
        var lower = UpToLimit(db, ids.Where(id => id <= halfway));
        var higher = await upper;
        return lower is null || higher is null || lower.Length + higher.Length > MostSearchedLeads ? null : [.. lower, .. higher];
    }

    // SQLite's ids up to the limit, as one text: "17,42,…" (group_concat over the first MostSearchedLeads + 1). Through EF's
    // command (its interceptors and logging see it) but off its materializer, synchronously: Microsoft.Data.Sqlite does no
    // asynchronous I/O. Row by row, off the reader, 49,000 ids took 22 ms on top of the search index's own 35 ms (a few calls
    // into SQLite per row; through EF's enumerator more still); as one text, 14 ms, 1 of them to split it.
    private static int[]? UpToLimit(LeadsDbContext db, IQueryable<int> ids)
    {
        using var query = ids.Take(MostSearchedLeads + 1).CreateDbCommand();
        var command = db.GetService<IRawSqlCommandBuilder>().Build(
            $"""
            WITH "Found"("Id") AS ({query.CommandText})
            SELECT group_concat("Id") FROM "Found"
            """,
            [.. query.Parameters.Cast<DbParameter>().Select(p => new SqliteParameter(p.ParameterName, p.Value))],
            db.Model);
        using var reader = command.RelationalCommand.ExecuteReader(new RelationalCommandParameterObject(
            db.GetService<IRelationalConnection>(), command.ParameterValues, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>(), CommandSource.FromSqlQuery));
        var row = reader.DbDataReader;
        if (!row.Read() || row.IsDBNull(0))
        {
            return [];
        }

        // The text's UTF-8 bytes as SQLite holds them: no string in between.
        ReadOnlySpan<byte> text = row.GetFieldValue<byte[]>(0);
        var count = text.Count((byte)',') + 1;
        if (count > MostSearchedLeads)
        {
            return null;
        }

        var found = new int[count];
        var at = 0;
        foreach (var part in text.Split((byte)','))
        {
            found[at++] = Utf8Parser.TryParse(text[part], out int id, out _) ? id : throw new InvalidDataException("The search index gave an id that is not a number.");
        }

        return found;
    }

    // A searched view's leads from the rows, on either provider, read as they come and given up at the limit (a LIMIT would
    // want an order, which PostgreSQL may take from the key).
    private static async Task<List<SearchedLead>?> UpToLimitAsync(IQueryable<SearchedLead> query)
    {
        var found = new List<SearchedLead>();
        await foreach (var lead in query.AsAsyncEnumerable())
        {
            if (found.Count == MostSearchedLeads)
            {
                return null;
            }

            found.Add(lead);
        }

        return found;
    }

    /// <summary>
    /// A searched view's leads of every status (internal for the plan tests): without the status in the query the database
    /// fetches the search's matches by id; with it, SQLite, which keeps no statistics, walks every running lead to probe them.
    /// </summary>
    internal static IQueryable<SearchedLead> Searched(LeadsDbContext db, LeadFilter filter) =>
        (filter with { Status = null }).Apply(db.Leads.AsNoTracking())
            .Select(l => new SearchedLead(
                l.Id, l.Status, l.StageId, EF.Property<string>(l, LeadConfiguration.RevenueCurrency), EF.Property<long>(l, LeadConfiguration.RevenueMinor), l.NextActionOn));

    /// <summary>The first <paramref name="take"/> running leads of a column of the view, the most urgent next action first.</summary>
    public static IQueryable<Lead> ColumnLeads(LeadsDbContext db, LeadFilter filter, int stageId, int take)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        return (filter with { Status = LeadStatus.Running }).Apply(db.Leads.AsNoTracking(), firstRows: true)
            .Where(l => l.StageId == stageId)
            .OrderBy(l => l.NextActionOn).ThenBy(l => l.Id)
            .Take(take);
    }

    /// <summary>The cards of <paramref name="leads"/> (running leads), in the order <paramref name="leads"/> reads them.</summary>
    private static async Task<List<BoardCard>> CardsAsync(IQueryable<Lead> leads, List<Stage> stages, AccountSettings settings, DateOnly today, Dictionary<string, string> names)
    {
        var rows = await leads
            // One query for the cards, one for their labels: a single join would make SQLite build the whole label table per column.
            .AsSplitQuery()
            .Select(l => new
            {
                l.Id,
                l.Version,
                l.Name,
                l.StageId,
                Customer = l.Company != null ? l.Company.Name : null,
                Cents = EF.Property<long>(l, LeadConfiguration.RevenueMinor),
                Currency = EF.Property<string>(l, LeadConfiguration.RevenueCurrency),
                l.ResponsibleUserId,
                l.NextActionOn,
                l.LastChangedAt,
                Labels = l.Labels.OrderBy(x => x.Name).Select(x => new LabelChip(x.Id, x.Name, x.Color)).ToList(),
            })
            .ToListAsync();

        var byId = stages.ToDictionary(s => s.Id);
        return [.. rows.Where(r => r.StageId is not null).Select(r => new BoardCard
        {
            Id = r.Id,
            Version = r.Version,
            Name = r.Name,
            Customer = r.Customer,
            Revenue = Money.FromMinorUnits(r.Cents, Currency.Parse(r.Currency)),
            ResponsibleName = names.GetValueOrDefault(r.ResponsibleUserId, ""),
            ResponsibleInitials = ApplicationUser.InitialsOf(names.GetValueOrDefault(r.ResponsibleUserId)),
            NextActionOn = r.NextActionOn,
            IsDue = r.NextActionOn <= today,
            IdleDays = Idleness.DaysIdle(byId[r.StageId!.Value], LeadStatus.Running, r.LastChangedAt, settings, today),
            Labels = r.Labels,
            Zone = BoardColumn.ZoneOf(r.StageId!.Value),
        })];
    }
}
