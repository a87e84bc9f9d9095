using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace LeadsBlazor.Tests.Support;

/// <summary>
/// The whole app on its own database (a SQLite file in a temporary folder, or a fresh database on the run's
/// <see cref="PostgresServer"/>), configured the way a test needs it: with a bootstrap owner, without demo data, with a fake clock. <see cref="StartKestrel"/> serves
/// it on a free loopback port for the browser.
/// </summary>
public sealed class LeadsAppFactory : WebApplicationFactory<Program>
{
    public const string OwnerEmail = "owner@test.example";
    public const string OwnerPassword = "Owner-Password-1";
    public const string MemberEmail = "member@test.example";
    public const string MemberPassword = "Member-Password-1";

    /// <summary>Rate limits no test run reaches.</summary>
    public const string GenerousLimit = "100000";

    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;

    public LeadsAppFactory(string environment = "Development", IDictionary<string, string?>? settings = null, DatabaseProvider? provider = null)
        : this(environment, settings, provider ?? DefaultProvider, sharedConnectionString: null, ownsDatabase: true)
    {
    }

    private LeadsAppFactory(string environment, IDictionary<string, string?>? settings, DatabaseProvider provider, string? sharedConnectionString, bool ownsDatabase)
    {
        _environment = environment;
        Provider = provider;
        // A database the test names in its settings is the test's; one made here, or handed over by OnDatabase, is dropped with the app.
        var named = settings?.TryGetValue("ConnectionStrings:Leads", out var inSettings) == true ? inSettings : null;
        var given = sharedConnectionString ?? named;
        _ownsDatabase = sharedConnectionString is null ? named is null : ownsDatabase;
        Folder = Directory.CreateTempSubdirectory("leadsblazor-test-").FullName;
        ConnectionString = given ?? (provider == DatabaseProvider.Postgres
            ? PostgresServer.Instance.CreateDatabase()
            : $"Data Source={Path.Combine(Folder, "leads.db")}");
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Leads"] = ConnectionString,
            ["Bootstrap:OwnerEmail"] = OwnerEmail,
            ["Bootstrap:OwnerPassword"] = OwnerPassword,
            ["Demo:Seed"] = "false",
            ["Mail:PickupDirectory"] = Path.Combine(Folder, "mail"),
            ["Attachments:Directory"] = Path.Combine(Folder, "attachments"),

            // The suite signs in far more often than a person: the security tests set the real limits.
            ["AccountProtection:PostsPerIp"] = GenerousLimit,
            ["AccountProtection:PostsPerAddress"] = GenerousLimit,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    private readonly bool _ownsDatabase;

    /// <summary>
    /// The database of a test that names none: SQLite, or PostgreSQL when <c>LEADS_TEST_PROVIDER=Postgres</c> (to run the whole
    /// suite, browser tests included, on PostgreSQL). The use-case and persistence tests name both and run on each anyway.
    /// </summary>
    public static DatabaseProvider DefaultProvider { get; } =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("LEADS_TEST_PROVIDER"), ignoreCase: true, out var provider) ? provider : DatabaseProvider.Sqlite;

    /// <summary>
    /// A second instance of the app on <paramref name="first"/>'s database, as a load balancer's second backend: its own
    /// services, clock, mail and file folders, the same data. The first app drops the database when it is disposed.
    /// </summary>
    /// <param name="first">The app whose database the second one shares.</param>
    /// <param name="settings">The second app's own settings.</param>
    /// <param name="liftSqliteGuard">
    /// On SQLite a second instance refuses to start (<see cref="SqliteFileGuard"/>). A test that needs one anyway — a second
    /// instance whose sessions hear nothing of the first one's, to stage a race two people can have — lifts the guard.
    /// </param>
    public static LeadsAppFactory SecondInstanceOf(LeadsAppFactory first, IDictionary<string, string?>? settings = null, bool liftSqliteGuard = false)
    {
        ArgumentNullException.ThrowIfNull(first);
        return new LeadsAppFactory(first._environment, settings, first.Provider, first.ConnectionString, ownsDatabase: false) { _liftSqliteGuard = liftSqliteGuard };
    }

    private bool _liftSqliteGuard;

    /// <summary>
    /// The app on a database the test made itself (a PostgreSQL database filled by the copy command), as an operator
    /// starts it after a move. The app owns that database from now on: on PostgreSQL it drops it when disposed.
    /// </summary>
    public static LeadsAppFactory OnDatabase(DatabaseProvider provider, string connectionString, IDictionary<string, string?>? settings = null) =>
        new("Development", settings, provider, connectionString, ownsDatabase: true);

    /// <summary>The database this app runs on.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>The connection string of this app's own database.</summary>
    public string ConnectionString { get; }

    /// <summary>The temporary folder of this app's database (on SQLite), mail and files.</summary>
    public string Folder { get; }

    /// <summary>Services a test adds or replaces (after the app's own), e.g. a counter of SQL commands; set before the app starts.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>The app's clock; tests move it instead of waiting.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    public string MailFolder => Path.Combine(Folder, "mail");

    /// <summary>Serves the app over real Kestrel on a free loopback port and returns its address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>Adds a member (no role) straight through Identity.</summary>
    public async Task<ApplicationUser> CreateMemberAsync(string email = MemberEmail, string password = MemberPassword, string displayName = "Mia Member")
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            if (_liftSqliteGuard)
            {
                services.RemoveAll<SqliteFileGuard>();
            }

            // A browser's open circuit would hold Kestrel's shutdown for the default 30 s.
            services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(1));
            TestServices?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            // SQLite's pooled connections hold the file open until the pool lets go.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Provider == DatabaseProvider.Postgres && _ownsDatabase)
            {
                PostgresServer.Instance.DropDatabase(ConnectionString);
            }

            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a closing connection is left to the OS's temp cleanup.
            }
        }
    }
}
