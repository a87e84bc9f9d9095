using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Pipeline;
using LeadsBlazor.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Support;

/// <summary>
/// The app's services on a fresh database (SQLite unless the test names PostgreSQL), for tests of use cases and
/// queries: no HTTP, but the real DI set-up, migrations and defaults (the bootstrap owner, four stages, EUR).
/// </summary>
public sealed class PipelineApp : IDisposable
{
    private readonly LeadsAppFactory _factory;
    private readonly IServiceScope _scope;
    // Tests ask for instances from parallel tasks (concurrent use cases): the bag takes them without a lock.
    private readonly System.Collections.Concurrent.ConcurrentBag<IServiceScope> _extraScopes = [];

    public PipelineApp(IDictionary<string, string?>? settings = null, DatabaseProvider? provider = null, Action<IServiceCollection>? services = null)
        : this(new LeadsAppFactory(settings: WithoutBackgroundJobs(settings), provider: provider) { TestServices = services })
    {
    }

    /// <summary>
    /// Use-case tests call the scanner and the snapshot service themselves and count what they publish: a background
    /// job's run (a new day's snapshot, a scan) would land among those events at random. A test that wants one says so.
    /// </summary>
    private static Dictionary<string, string?> WithoutBackgroundJobs(IDictionary<string, string?>? settings)
    {
        var merged = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        merged.TryAdd("Reminders:BackgroundScan", "false");
        merged.TryAdd("Forecast:BackgroundSnapshots", "false");
        return merged;
    }

    private PipelineApp(LeadsAppFactory factory)
    {
        _factory = factory;
        _scope = _factory.Services.CreateScope();
        using var db = NewContext();
        OwnerId = db.Users.Single(u => u.Email == LeadsAppFactory.OwnerEmail).Id;
    }

    public string OwnerId { get; }

    /// <summary>
    /// A second instance of the app on this one's database (PostgreSQL), as a load balancer's second backend: its own services,
    /// connection pool and clock, the same data. Dispose it before this one, which drops the database.
    /// </summary>
    public PipelineApp SecondInstance(IDictionary<string, string?>? settings = null) => new(LeadsAppFactory.SecondInstanceOf(_factory, WithoutBackgroundJobs(settings)));

    /// <summary>The app behind these services, for tests that also send HTTP requests.</summary>
    public LeadsAppFactory Factory => _factory;

    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Time => _factory.Time;

    public DateOnly Today => DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);

    public DatabaseProvider Provider => _factory.Provider;

    public string DatabasePath => Path.Combine(_factory.Folder, "leads.db");

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>A new instance of a scoped service in its own scope, as a second scanner or a second request would get it.</summary>
    public T NewInstance<T>() where T : notnull
    {
        var scope = _factory.Services.CreateScope();
        _extraScopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    public string MailFolder => _factory.MailFolder;

    public LeadsDbContext NewContext() => Get<IDbContextFactory<LeadsDbContext>>().CreateDbContext();

    public Actor Actor => new(OwnerId, Time.GetUtcNow());

    public async Task<string> CreateMemberAsync() => (await _factory.CreateMemberAsync()).Id;

    public async Task<IReadOnlyList<Stage>> StagesAsync()
    {
        await using var db = NewContext();
        return await db.Stages.AsNoTracking().OrderBy(s => s.Position).ToListAsync();
    }

    public async Task AddCurrencyAsync(Currency currency, decimal rate)
    {
        await using var db = NewContext();
        var settings = await db.AccountSettings.Include(a => a.Currencies).SingleAsync();
        settings.AddOrUpdateCurrency(currency, rate, Today);
        await db.SaveChangesAsync();
    }

    /// <summary>Stores a running lead straight through the context (for arranging, not for the rule under test).</summary>
    public async Task<Lead> AddRunningLeadAsync(int stageId, decimal revenue = 10_000m, string? responsibleUserId = null, string name = "Relaunch Website", Currency? currency = null)
    {
        await using var db = NewContext();
        var stage = await db.Stages.SingleAsync(s => s.Id == stageId);
        var lead = Lead.CreateRunning(name, responsibleUserId ?? OwnerId, Money.Revenue(revenue, currency ?? Currency.Eur), Today.AddDays(3), null, stage, Actor);
        db.Leads.Add(lead);
        await db.SaveChangesAsync();
        return lead;
    }

    public async Task<Lead> ReloadAsync(int leadId)
    {
        await using var db = NewContext();
        return await db.Leads.AsNoTracking().Include(l => l.Stage).Include(l => l.History).Include(l => l.Notes).Include(l => l.Labels)
            .AsSplitQuery().SingleAsync(l => l.Id == leadId);
    }

    public void Dispose()
    {
        foreach (var scope in _extraScopes)
        {
            scope.Dispose();
        }

        _scope.Dispose();
        _factory.Dispose();
    }
}
