using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LeadsBlazor.Web.Data.Copy;

/// <summary>
/// <c>LeadsBlazor.Web copy-database --to "Host=…;Database=…;Username=…;Password=…" [--from "Data Source=…"]</c>: the operator's way
/// from SQLite to PostgreSQL. The source is <c>--from</c>, else the app's own <c>ConnectionStrings:Leads</c> on SQLite. Prints
/// the rows of every table and the weighted volume on both sides; the exit code is 0 only when they agree and the copy
/// was committed.
/// </summary>
public static class CopyDatabaseCommand
{
    public const string Name = "copy-database";

    private const string Usage = """
        Usage: LeadsBlazor.Web copy-database --to "Host=…;Database=…;Username=…;Password=…" [--from "Data Source=…"]
          --to    the PostgreSQL database to fill: it must be empty (a new database); the command creates the schema.
          --from  the SQLite database to copy; by default ConnectionStrings:Leads when Database:Provider is Sqlite.
        Stop the app before copying, so that nothing is written to SQLite after the copy.
        """;

    /// <summary>Whether the command line asks for this command rather than the web app.</summary>
    public static bool IsRequested(string[] args) => args is [Name, ..];

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, IHostEnvironment environment, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var options = Options(args[1..]);
        if (options is null || !options.TryGetValue("--to", out var to))
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }

        try
        {
            var from = SourceOf(options.GetValueOrDefault("--from"), configuration, environment);
            var target = new NpgsqlConnectionStringBuilder(to);
            await output.WriteLineAsync($"Copying {new SqliteConnectionStringBuilder(from).DataSource} to the PostgreSQL database {target.Database} on {target.Host}:{target.Port} …");
            var report = await DatabaseCopy.RunAsync(from, to, cancellationToken);
            await output.WriteAsync(Describe(report));
            return report.Agrees ? 0 : 1;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever stopped the copy, the operator gets its reason and exit code 1, not a stack trace; the target's
            // transaction was rolled back. No message here carries a connection string.
            await errors.WriteLineAsync($"copy-database: {e.Message}");
            return 1;
        }
    }

    /// <summary>The rows per table and the weighted volume of both sides, one line each, and the verdict.</summary>
    public static string Describe(DatabaseCopyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var invariant = CultureInfo.InvariantCulture;
        var width = Math.Max("weighted volume".Length, report.Tables.Max(t => t.Table.Length));
        var lines = new List<string> { $"{"table".PadRight(width)}  {"SQLite",15}  {"PostgreSQL",15}" };
        lines.AddRange(report.Tables.Select(t =>
            $"{t.Table.PadRight(width)}  {t.Sqlite.ToString("N0", invariant),15}  {t.Postgres.ToString("N0", invariant),15}{(t.Agrees ? "" : "  <- differs")}"));
        if (report.SqliteVolume is { } sqlite)
        {
            lines.Add($"{"running leads".PadRight(width)}  {sqlite.Total.Count.ToString("N0", invariant),15}  {report.PostgresVolume?.Total.Count.ToString("N0", invariant),15}");
            lines.Add($"{("weighted volume").PadRight(width)}  {sqlite.Total.Weighted.ToString("N2", invariant),15}  {report.PostgresVolume?.Total.Weighted.ToString("N2", invariant),15}  {sqlite.Currency}{(report.VolumeAgrees ? "" : "  <- differs")}");
        }

        var rows = report.Tables.Sum(t => t.Sqlite);
        lines.Add(report.Agrees
            ? $"Copied {report.Tables.Count} tables, {rows.ToString("N0", invariant)} rows: the counts and the weighted volume agree, and the copy is committed."
            : "The copy differs from the source: it was rolled back, and PostgreSQL holds the empty schema only.");
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    // "--to value" and "--to=value"; anything else is a mistake worth the usage text.
    private static Dictionary<string, string>? Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var (name, value) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], i + 1 < args.Length ? args[++i] : null);
            if (name is not ("--to" or "--from") || string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            options[name] = value;
        }

        return options;
    }

    // The app's own database by default, resolved as the app resolves it; never created: copying an empty new file helps no one.
    private static string SourceOf(string? from, IConfiguration configuration, IHostEnvironment environment)
    {
        if (from is null && DatabaseServiceCollectionExtensions.ProviderOf(configuration["Database:Provider"]) != DatabaseProvider.Sqlite)
        {
            throw new DatabaseCopyRefusedException("Database:Provider is not Sqlite, so ConnectionStrings:Leads is not an SQLite database to copy from. Name it with --from \"Data Source=…\".");
        }

        var source = new SqliteConnectionStringBuilder(from ?? configuration.GetConnectionString("Leads") ?? DatabaseServiceCollectionExtensions.DefaultConnectionString);
        var path = Path.IsPathRooted(source.DataSource) ? source.DataSource : Path.GetFullPath(Path.Combine(environment.ContentRootPath, source.DataSource));
        if (!File.Exists(path))
        {
            throw new DatabaseCopyRefusedException($"There is no SQLite database at {path}.");
        }

        source.DataSource = path;
        source.Mode = SqliteOpenMode.ReadWrite;
        return source.ToString();
    }
}
