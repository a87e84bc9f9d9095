using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Board;
using LeadsBlazor.Web.Features.Labels;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Features.Reminders;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LeadsBlazor.Tests.Features.Board;

/// <summary>
/// Issue 20, acceptance 2: sessions watching one view share its computation, so a change costs the same SQL whether one
/// or ten of them watch; and sharing never shows stale data, nor one filter's or one user's data to another.
/// </summary>
public abstract class SharedBoardTests : IDisposable
{
    private readonly TaggedCommands _sql = new();
    private readonly DatabaseProvider _provider;
    private readonly ITestOutputHelper _output;
    private readonly List<WatchingSession> _sessions = [];
    private PipelineApp? _started;

    protected SharedBoardTests(DatabaseProvider provider, ITestOutputHelper output)
    {
        _provider = provider;
        _output = output;
    }

    private PipelineApp App => _started ??= Start();

    /// <summary>The app with every SQL command counted; <paramref name="eachSessionAlone"/> gives each session views of its own, as before they were shared.</summary>
    private PipelineApp Start(bool eachSessionAlone = false) => new(provider: _provider, services: services =>
    {
        _sql.AddTo(services);

        if (eachSessionAlone)
        {
            services.AddScoped<SharedViews>();
        }
    });

    public void Dispose()
    {
        CloseAll();
        _started?.Dispose();
    }

    [Fact]
    public async Task Ten_sessions_watching_one_board_cost_the_same_sql_per_change_as_one()
    {
        var perChange = await SqlPerChangeAsync();

        // The move itself costs the same each time; the watchers add one board, one label count and one badge, however many they are.
        Assert.True(perChange[1] > perChange[0], $"A watching session reloads: {perChange[1]} commands with one, {perChange[0]} with none.");
        Assert.Equal(perChange[1], perChange[10]);
    }

    [Fact]
    public async Task Without_sharing_each_watching_session_pays_its_own_reload()
    {
        // The control for the test above: the same sessions, each with views of its own, as every session had before.
        _started = Start(eachSessionAlone: true);

        var perChange = await SqlPerChangeAsync();

        var perSession = perChange[1] - perChange[0];
        Assert.True(perSession > 0, "A watching session reloads.");
        Assert.Equal(perChange[0] + (10 * perSession), perChange[10]);
    }

    /// <summary>SQL commands for one card move while 0, 1 and 10 sessions watch the whole board.</summary>
    private async Task<Dictionary<int, int>> SqlPerChangeAsync()
    {
        var stages = await App.StagesAsync();
        var lead = await App.AddRunningLeadAsync(stages[0].Id, name: "Relaunch Website");
        for (var i = 0; i < 20; i++)
        {
            await App.AddRunningLeadAsync(stages[i % stages.Count].Id, name: $"Lead {i}");
        }

        var perChange = new Dictionary<int, int>();
        var target = 1;
        foreach (var watchers in new[] { 0, 1, 10 })
        {
            var sessions = await OpenAsync(watchers, new LeadFilter(), App.OwnerId);
            var before = _sql.Total;

            await MoveAsync(lead.Id, stages[target].Id);
            await SeenByAllAsync(sessions, lead.Id, stages[target].Id);

            perChange[watchers] = _sql.Total - before;
            _output.WriteLine($"{watchers} watching sessions: {perChange[watchers]} SQL commands for one card move");
            CloseAll();
            target = (target + 1) % stages.Count;
        }

        return perChange;
    }

    [Fact]
    public async Task After_a_change_every_session_and_a_new_one_see_the_moved_card_and_the_new_figures()
    {
        var stages = await App.StagesAsync();
        var lead = await App.AddRunningLeadAsync(stages[0].Id, revenue: 10_000m, name: "Relaunch Website");
        var sessions = await OpenAsync(3, new LeadFilter(), App.OwnerId);
        Assert.All(sessions, s => Assert.Equal(BoardColumn.ZoneOf(stages[0].Id), s.Board!.Cards.Single(c => c.Id == lead.Id).Zone));

        await MoveAsync(lead.Id, stages[2].Id);

        await SeenByAllAsync(sessions, lead.Id, stages[2].Id);
        var opened = (await OpenAsync(1, new LeadFilter(), App.OwnerId)).Single();
        foreach (var board in sessions.Append(opened).Select(s => s.Board!))
        {
            var card = board.Cards.Single(c => c.Id == lead.Id);
            Assert.Equal(BoardColumn.ZoneOf(stages[2].Id), card.Zone);
            Assert.Equal((await App.ReloadAsync(lead.Id)).Version, card.Version);
            Assert.Equal(0, board.Columns.Single(c => c.StageId == stages[0].Id).Figures.Count);
            Assert.Equal(1, board.Columns.Single(c => c.StageId == stages[2].Id).Figures.Count);
            Assert.Equal(10_000m * stages[2].Probability.Percent / 100m, board.Volume.Total.Weighted);
        }
    }

    [Fact]
    public async Task Sessions_with_different_filters_each_see_their_own_board()
    {
        var member = await App.CreateMemberAsync();
        var stages = await App.StagesAsync();
        var mine = await App.AddRunningLeadAsync(stages[0].Id, name: "Mine", responsibleUserId: App.OwnerId);
        var theirs = await App.AddRunningLeadAsync(stages[0].Id, name: "Theirs", responsibleUserId: member);
        var owners = (await OpenAsync(2, new LeadFilter(ResponsibleUserId: App.OwnerId), App.OwnerId)).ToList();
        var members = (await OpenAsync(2, new LeadFilter(ResponsibleUserId: member), member)).ToList();
        var searching = (await OpenAsync(1, new LeadFilter(Search: "thei"), App.OwnerId)).Single();

        await MoveAsync(theirs.Id, stages[1].Id);
        await SeenByAllAsync([.. members, searching], theirs.Id, stages[1].Id, responsible: member);
        await Eventually.HoldsAsync(() => owners.All(s => s.BoardLoads >= 2), "the owner's boards reloaded");

        Assert.All(owners, s => Assert.Equal([mine.Id], s.Board!.Cards.Select(c => c.Id)));
        Assert.All(members, s => Assert.Equal([theirs.Id], s.Board!.Cards.Select(c => c.Id)));
        Assert.Equal([theirs.Id], searching.Board!.Cards.Select(c => c.Id));
        Assert.All(owners, s => Assert.Equal(1, s.Board!.Volume.Total.Count));
    }

    [Fact]
    public async Task Two_users_each_see_their_own_due_count()
    {
        var member = await App.CreateMemberAsync();
        var stages = await App.StagesAsync();
        var ownersDue = await App.AddRunningLeadAsync(stages[0].Id, name: "Owner due", responsibleUserId: App.OwnerId);
        await App.AddRunningLeadAsync(stages[0].Id, name: "Owner due too", responsibleUserId: App.OwnerId);
        await App.AddRunningLeadAsync(stages[0].Id, name: "Member due", responsibleUserId: member);
        // The leads' next action is in three days: three days on, all three are due.
        App.Time.Advance(TimeSpan.FromDays(3));
        var owners = await OpenAsync(2, new LeadFilter(), App.OwnerId);
        var members = await OpenAsync(2, new LeadFilter(), member);
        Assert.All(owners, s => Assert.Equal(2, s.Due));
        Assert.All(members, s => Assert.Equal(1, s.Due));

        var today = App.Today;
        await App.Get<LeadCommands>().CloseAsync(ownersDue.Id, (await App.ReloadAsync(ownersDue.Id)).Version, LeadStatus.Won, today, null, null, App.OwnerId);

        await Eventually.HoldsAsync(() => owners.All(s => s.Due == 1), "the owner's badges count one due lead");
        Assert.All(members, s => Assert.Equal(1, s.Due));
        Assert.Equal(1, (await OpenAsync(1, new LeadFilter(), member)).Single().Due);
    }

    private async Task MoveAsync(int leadId, int stageId) =>
        await App.Get<LeadCommands>().MoveToStageAsync(leadId, (await App.ReloadAsync(leadId)).Version, stageId, App.OwnerId);

    /// <summary>Until each session shows the lead in the stage and has reloaded its label counts, and its badge when the lead is its user's.</summary>
    private static Task SeenByAllAsync(IReadOnlyCollection<WatchingSession> sessions, int leadId, int stageId, string? responsible = null) =>
        Eventually.HoldsAsync(
            () => sessions.All(s => s.Board?.Cards.SingleOrDefault(c => c.Id == leadId)?.Zone == BoardColumn.ZoneOf(stageId)
                && s.ReloadsRunning == 0 && s.LabelLoads >= 2 && (s.DueLoads >= 2 || (responsible is not null && s.UserId != responsible))),
            $"every watching session shows lead {leadId} in stage {stageId} and reloaded its label counts and badge");

    private async Task<IReadOnlyList<WatchingSession>> OpenAsync(int count, LeadFilter filter, string userId)
    {
        var sessions = new List<WatchingSession>();
        for (var i = 0; i < count; i++)
        {
            var session = new WatchingSession(App.Factory.Services, filter, userId);
            _sessions.Add(session);
            sessions.Add(session);
            await session.OpenAsync();
        }

        return sessions;
    }

    private void CloseAll()
    {
        foreach (var session in _sessions)
        {
            session.Dispose();
        }

        _sessions.Clear();
    }

    /// <summary>
    /// One signed-in session with the board open, as a circuit has it: its own scope (its own settings reader and queries),
    /// and the board, the label navigation and the due badge each subscribed to the bus with what it shows, as their
    /// <see cref="LiveRefresh"/> does, reloading through the same queries on a touching event.
    /// </summary>
    private sealed class WatchingSession : IDisposable
    {
        // As BoardPage.razor, LabelNav.razor and DueBadge.razor pass them to their LiveRefresh.
        private const LiveTopic BoardShows = LiveTopic.Leads | LiveTopic.Stages | LiveTopic.Labels | LiveTopic.Day | LiveTopic.Money;
        private const LiveTopic LabelsShow = LiveTopic.Leads | LiveTopic.Labels;
        private const LiveTopic BadgeShows = LiveTopic.Leads | LiveTopic.Day;

        private readonly IServiceScope _scope;
        private readonly LeadFilter _filter;
        private readonly string _userId;
        private readonly List<IDisposable> _subscriptions = [];
        private int _boardLoads;
        private int _labelLoads;
        private int _dueLoads;
        private int _running;

        public WatchingSession(IServiceProvider services, LeadFilter filter, string userId)
        {
            _scope = services.CreateScope();
            _filter = filter;
            _userId = userId;
        }

        public string UserId => _userId;

        public BoardData? Board { get; private set; }

        public IReadOnlyList<LabelCount>? Labels { get; private set; }

        public int Due { get; private set; }

        public int BoardLoads => Volatile.Read(ref _boardLoads);

        public int LabelLoads => Volatile.Read(ref _labelLoads);

        public int DueLoads => Volatile.Read(ref _dueLoads);

        public int ReloadsRunning => Volatile.Read(ref _running);

        private T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

        public async Task OpenAsync()
        {
            // The page loads first, then its LiveRefresh subscribes (it is rendered inside the page).
            await LoadBoardAsync();
            await LoadLabelsAsync();
            await LoadDueAsync();
            var events = Get<IEventBus>();
            _subscriptions.Add(events.Subscribe(e => e.Touches(BoardShows) ? ReloadAsync(LoadBoardAsync) : Task.CompletedTask));
            _subscriptions.Add(events.Subscribe(e => e.Touches(LabelsShow) ? ReloadAsync(LoadLabelsAsync) : Task.CompletedTask));
            _subscriptions.Add(events.Subscribe(e => e.Touches(BadgeShows, userId: _userId) ? ReloadAsync(LoadDueAsync) : Task.CompletedTask));
        }

        public void Dispose()
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }

            _scope.Dispose();
        }

        private async Task ReloadAsync(Func<Task> load)
        {
            Interlocked.Increment(ref _running);
            try
            {
                await load();
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }

        private async Task LoadBoardAsync()
        {
            Board = await Get<BoardQuery>().LoadAsync(_filter);
            Interlocked.Increment(ref _boardLoads);
        }

        private async Task LoadLabelsAsync()
        {
            Labels = await Get<LabelCountsQuery>().GetAsync();
            Interlocked.Increment(ref _labelLoads);
        }

        private async Task LoadDueAsync()
        {
            Due = await Get<DueLeadsQuery>().CountForUserAsync(_userId);
            Interlocked.Increment(ref _dueLoads);
        }
    }
}

public sealed class SharedBoardTestsOnSqlite(ITestOutputHelper output) : SharedBoardTests(DatabaseProvider.Sqlite, output);

public sealed class SharedBoardTestsOnPostgres(ITestOutputHelper output) : SharedBoardTests(DatabaseProvider.Postgres, output);
