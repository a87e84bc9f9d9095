using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LeadsBlazor.Web.Data.Postgres;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LeadsBlazor.Tests.Support;

/// <summary>
/// A real PostgreSQL server for the tests, found the way the browser tests find Chromium, so <c>dotnet test</c> needs no
/// set-up step: the connection string in <c>LEADS_TEST_POSTGRES</c> (a server you run), else the local binaries
/// (<c>pg_ctl</c> on PATH or under <c>/usr/lib/postgresql</c>) started as a throwaway cluster on a free loopback port.
/// Without either, the tests that need it fail and say how to get one. One server serves the whole run; each test app
/// gets its own database, copied from a migrated template (a copy takes milliseconds, a migration about a second).
/// </summary>
public sealed class PostgresServer
{
    public const string EnvironmentVariable = "LEADS_TEST_POSTGRES";
    private const string Template = "leads_template";

    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _adminConnectionString;
    private readonly string? _clusterFolder;
    private readonly string? _binFolder;

    private PostgresServer(string adminConnectionString, string? clusterFolder, string? binFolder)
    {
        _adminConnectionString = adminConnectionString;
        _clusterFolder = clusterFolder;
        _binFolder = binFolder;
    }

    /// <summary>The run's server, started on first use and stopped when the test process ends.</summary>
    public static PostgresServer Instance => Shared.Value;

    /// <summary>A connection string to <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = database }.ConnectionString;

    /// <summary>A new database with the app's schema (no data): the app's start then only adds its defaults.</summary>
    public string CreateDatabase()
    {
        var name = "leads_" + Guid.NewGuid().ToString("N")[..16];
        Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{Template}\"");
        return ConnectionString(name);
    }

    /// <summary>A new empty database, for what must run the migrations itself (the copy command, the start-up tests).</summary>
    public string CreateEmptyDatabase()
    {
        var name = "leads_" + Guid.NewGuid().ToString("N")[..16];
        Execute($"CREATE DATABASE \"{name}\"");
        return ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing what still holds it.</summary>
    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_adminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static PostgresServer Start()
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given
            ? new PostgresServer(new NpgsqlConnectionStringBuilder(given) { Database = "postgres", Pooling = false }.ConnectionString, null, null)
            : StartCluster();
        server.CreateTemplate();
        return server;
    }

    private void CreateTemplate()
    {
        Execute($"DROP DATABASE IF EXISTS \"{Template}\" WITH (FORCE)");
        Execute($"CREATE DATABASE \"{Template}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionString(Template)) { Pooling = false }.ConnectionString;
        using (var db = new PostgresLeadsDbContext(new DbContextOptionsBuilder<PostgresLeadsDbContext>().UseNpgsql(connectionString).Options))
        {
            db.Database.Migrate();
        }
    }

    private static PostgresServer StartCluster()
    {
        var bin = FindBinFolder() ?? throw new InvalidOperationException(
            $"The PostgreSQL tests need a server: set {EnvironmentVariable} to a connection string of a server the tests may create databases on, " +
            "or install PostgreSQL (Debian/Ubuntu: apt-get install postgresql) so that pg_ctl is on the PATH or under /usr/lib/postgresql.");
        var folder = Directory.CreateTempSubdirectory("leadsblazor-postgres-").FullName;
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
            Run("chown", ["postgres", folder]);
        }

        var data = Path.Combine(folder, "data");
        RunAs(asRoot, Path.Combine(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "leads", "-E", "UTF8", "--locale=C.UTF-8"]);
        var port = FreePort();
        RunAs(asRoot, Path.Combine(bin, "pg_ctl"),
        [
            "-D", data, "-l", Path.Combine(folder, "log"), "-w", "start",
            "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400",
        ]);
        var server = new PostgresServer($"Host=127.0.0.1;Port={port};Username=leads;Database=postgres;Pooling=false", folder, bin);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopCluster(asRoot);
        return server;
    }

    private void StopCluster(bool asRoot)
    {
        try
        {
            RunAs(asRoot, Path.Combine(_binFolder!, "pg_ctl"), ["-D", Path.Combine(_clusterFolder!, "data"), "-m", "immediate", "stop"]);
            Directory.Delete(_clusterFolder!, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // The run is over either way; a left-over folder is the OS's temp cleanup's.
        }
    }

    private static string? FindBinFolder()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "pg_ctl")) && File.Exists(Path.Combine(folder, "initdb")));
        if (onPath is not null)
        {
            return onPath;
        }

        const string debian = "/usr/lib/postgresql";
        return Directory.Exists(debian)
            ? Directory.GetDirectories(debian).Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var major) ? major : 0).FirstOrDefault()
            : null;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The server outlives this call: it must not inherit what the test run holds open (a `flock` around `dotnet test`
    // would otherwise stay locked until the cluster stops), so every descriptor above stderr is closed before the exec.
    private const string WithoutInheritedFiles = "for fd in /proc/$$/fd/*; do n=${fd##*/}; if [ \"$n\" -gt 2 ]; then eval \"exec $n>&-\"; fi; done; exec \"$@\"";

    private static void RunAs(bool asRoot, string program, string[] arguments)
    {
        string[] command = asRoot ? ["runuser", "-u", "postgres", "--", program, .. arguments] : [program, .. arguments];
        Run("bash", ["-c", WithoutInheritedFiles, "bash", .. command]);
    }

    /// <summary>Runs a program to its end; throws with its output when it fails.</summary>
    internal static void Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
        }
    }
}
