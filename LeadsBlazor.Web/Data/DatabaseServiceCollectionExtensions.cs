using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string DefaultConnectionString = "Data Source=App_Data/leads.db";

    /// <summary>
    /// Registers the database. Components take a context per unit of work from the factory: a scoped
    /// context would live as long as the circuit. Identity's stores use the scoped one.
    /// </summary>
    public static IServiceCollection AddLeadsDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        RequireSqlite(configuration["Database:Provider"]);
        var busyTimeout = configuration.GetValue("Database:BusyTimeout", SqlitePragmas.DefaultBusyTimeout);
        var connectionString = SqliteConnectionString(configuration.GetConnectionString("Leads") ?? DefaultConnectionString, environment.ContentRootPath, busyTimeout);
        services.AddDbContextFactory<LeadsDbContext>(options => options
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmas(busyTimeout)));
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoData>();
        services.AddSingleton<UserPreferences>();
        return services;
    }

    /// <summary>
    /// <c>Database:Provider</c> names the database. SQLite is the one this version ships migrations for; a
    /// deployment that asks for another must fail at start with the reason, not run on a database it did not choose.
    /// </summary>
    internal static void RequireSqlite(string? provider)
    {
        if (string.IsNullOrWhiteSpace(provider) || string.Equals(provider.Trim(), "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        throw new InvalidOperationException(string.Equals(provider.Trim(), "Postgres", StringComparison.OrdinalIgnoreCase)
            ? "Database:Provider is 'Postgres', which this version does not support yet. Set Database:Provider to 'Sqlite'."
            : $"Database:Provider is '{provider}', which is not a database LeadsBlazor knows. Set it to 'Sqlite'.");
    }

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
