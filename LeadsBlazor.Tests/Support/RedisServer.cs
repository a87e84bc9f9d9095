using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LeadsBlazor.Tests.Support;

/// <summary>
/// A real Redis for the tests of the Redis relay, found like <see cref="PostgresServer"/>: the configuration string in
/// <c>LEADS_TEST_REDIS</c> (a server you run), else <c>redis-server</c> on the PATH started as a throwaway server on a
/// free loopback port (no persistence), stopped when the test process ends. Without either, the tests that need it
/// fail and say how to get one.
/// </summary>
public sealed class RedisServer
{
    public const string EnvironmentVariable = "LEADS_TEST_REDIS";

    private static readonly Lazy<RedisServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private RedisServer(string configuration) => Configuration = configuration;

    /// <summary>The run's server, started on first use.</summary>
    public static RedisServer Instance => Shared.Value;

    /// <summary>A StackExchange.Redis configuration string of the server, e.g. <c>127.0.0.1:6390</c>.</summary>
    public string Configuration { get; }

    private static RedisServer Start()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            return new RedisServer(given);
        }

        var program = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "redis-server")).FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
                $"The Redis relay tests need a Redis server: set {EnvironmentVariable} to the configuration string of one (e.g. 127.0.0.1:6379), " +
                "or install Redis (Debian/Ubuntu: apt-get install redis-server) so that redis-server is on the PATH.");
        var folder = Directory.CreateTempSubdirectory("leadsblazor-redis-").FullName;
        var port = PostgresServer.FreePort();
        var pidFile = Path.Combine(folder, "redis.pid");
        PostgresServer.Run(program,
        [
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--daemonize", "yes", "--pidfile", pidFile, "--dir", folder, "--logfile", Path.Combine(folder, "log"),
        ]);
        WaitUntilAnswering(port, pidFile);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(pidFile, folder);
        return new RedisServer($"127.0.0.1:{port}");
    }

    // Daemonized, it forks and returns before it listens: the server is there once it wrote its pid and takes a connection.
    private static void WaitUntilAnswering(int port, string pidFile)
    {
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(10); Thread.Sleep(50))
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                if (File.Exists(pidFile))
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Still starting.
            }
        }

        throw new InvalidOperationException($"redis-server did not answer on port {port} within 10 s.");
    }

    private static void Stop(string pidFile, string folder)
    {
        try
        {
            // No waiting: the test host has little time to exit, and the PostgreSQL cluster's stop comes after this.
            using var server = Process.GetProcessById(int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture));
            server.Kill();
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or FormatException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            // The run is over either way; a server already gone or a left-over folder is the OS's to clean.
        }
    }
}
