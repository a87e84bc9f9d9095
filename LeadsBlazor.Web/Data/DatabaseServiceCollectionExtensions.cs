using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using LeadsBlazor.Web.Data.Postgres;
using LeadsBlazor.Web.Data.Sqlite;
using LeadsBlazor.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string DefaultConnectionString = "Data Source=App_Data/leads.db";

    /// <summary>
    /// Registers the database named by <c>Database:Provider</c> (SQLite by default, or PostgreSQL). Components take a
    /// context per unit of work from the factory: a scoped context would live as long as the circuit. Identity's stores
    /// use the scoped one. Both are the provider's own context type behind <see cref="LeadsDbContext"/>.
    /// </summary>
    public static IServiceCollection AddLeadsDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = ProviderOf(configuration["Database:Provider"]);
        var configured = configuration.GetConnectionString("Leads");
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(configured))
            {
                throw new InvalidOperationException("Database:Provider is 'Postgres' but ConnectionStrings:Leads is empty. Set it, e.g. 'Host=db;Database=leads;Username=leads;Password=…'.");
            }

            services.AddSingleton(new LeadsDatabase(provider, configured));
            services.AddLeadsContext<PostgresLeadsDbContext>(options => options.UseNpgsql(configured));
        }
        else
        {
            SqliteProcessSettings.Apply();
            var busyTimeout = configuration.GetValue("Database:BusyTimeout", SqlitePragmas.DefaultBusyTimeout);
            var connectionString = SqliteConnectionString(configured ?? DefaultConnectionString, environment.ContentRootPath, busyTimeout);
            services.AddSingleton(new LeadsDatabase(provider, connectionString));
            services.AddLeadsContext<SqliteLeadsDbContext>(options => options
                .UseSqlite(connectionString)
                .AddInterceptors(new SqlitePragmas(busyTimeout)));
            if (SqliteFileGuard.LockFileOf(connectionString) is { } lockFile)
            {
                // Taken at start (InitializeDatabaseAsync), released when the host is disposed.
                services.AddSingleton(_ => SqliteFileGuard.Take(lockFile));
            }
        }

        // Which instance runs the reminder scan and the snapshot: on PostgreSQL one at a time, on SQLite the only one.
        services.AddSingleton<JobLeadership>();

        // The keys that sign cookies and antiforgery tokens live in the database: every instance reads the same ring, so a
        // cookie issued by one is accepted by the next, and a restart or a rolling update signs no one out.
        services.AddDataProtection()
            .SetApplicationName("LeadsBlazor")
            .PersistKeysToDbContext<LeadsDbContext>();

        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoData>();
        services.AddSingleton<UserPreferences>();
        return services;
    }

    private static void AddLeadsContext<TContext>(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : LeadsDbContext
    {
        services.AddDbContextFactory<TContext>(configure);
        services.AddSingleton<IDbContextFactory<LeadsDbContext>, LeadsContextFactory<TContext>>();
        services.AddScoped<LeadsDbContext>(sp => sp.GetRequiredService<TContext>());
    }

    /// <summary>
    /// <c>Database:Provider</c> names the database. A deployment that names one LeadsBlazor does not know must fail at
    /// start with the reason, not run on a database it did not choose.
    /// </summary>
    internal static DatabaseProvider ProviderOf(string? provider) => provider?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"Database:Provider is '{provider}', which is not a database LeadsBlazor knows. Set it to 'Sqlite' or 'Postgres'."),
    };

    /// <summary>Resolves a relative data source against the content root and creates its folder when missing.</summary>
    internal static string SqliteConnectionString(string connectionString, string contentRoot, TimeSpan? busyTimeout = null)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } dataSource && dataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.IsPathRooted(dataSource) ? dataSource : Path.GetFullPath(Path.Combine(contentRoot, dataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        builder.DefaultTimeout = Math.Max(1, (int)(busyTimeout ?? SqlitePragmas.DefaultBusyTimeout).TotalSeconds);
        return builder.ToString();
    }
}

/// <summary>The two databases LeadsBlazor runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>One file beside the app: one instance, the default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: several instances on one database.</summary>
    Postgres,
}

/// <summary>The database this instance runs on, for what needs more than a context (the live relay, the copy command).</summary>
public sealed record LeadsDatabase(DatabaseProvider Provider, string ConnectionString);

/// <summary>Hands out the provider's own context as the model's: every use case asks for <see cref="LeadsDbContext"/>.</summary>
internal sealed class LeadsContextFactory<TContext>(IDbContextFactory<TContext> contexts) : IDbContextFactory<LeadsDbContext>
    where TContext : LeadsDbContext
{
    public LeadsDbContext CreateDbContext() => contexts.CreateDbContext();

    public async Task<LeadsDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await contexts.CreateDbContextAsync(cancellationToken);
}
