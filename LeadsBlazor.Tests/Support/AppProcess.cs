using System.Diagnostics;
using System.Text;

namespace LeadsBlazor.Tests.Support;

/// <summary>
/// The built app started as its own process, configured only through environment variables, as an
/// operator would run it. Used where the test is about start-up itself (bootstrap owner, demo data,
/// the start banner) or about processes (an instance killed mid-run).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private const string Banner = "LeadsBlazor is running on ";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _folder;
    private readonly TaskCompletionSource<Uri> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    /// <summary>Where the app answers, as its start banner says.</summary>
    public Uri Address { get; private set; } = default!;

    /// <summary>What the app printed to the console so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<AppProcess> StartAsync(IDictionary<string, string> environment)
    {
        var folder = Directory.CreateTempSubdirectory("leadsblazor-process-").FullName;
        var start = new ProcessStartInfo("dotnet", [WebAssemblyPath(), "--contentRoot", WebProjectDirectory()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__Leads"] = $"Data Source={Path.Combine(folder, "leads.db")}";
        start.Environment["Mail__PickupDirectory"] = Path.Combine(folder, "mail");
        start.Environment["AccountProtection__PostsPerIp"] = LeadsAppFactory.GenerousLimit;
        start.Environment["AccountProtection__PostsPerAddress"] = LeadsAppFactory.GenerousLimit;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        var app = new AppProcess(process, folder);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.Exited += (_, _) => app._started.TrySetException(new InvalidOperationException($"The app exited:\n{app.Output}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // The banner comes after the app took its port and seeded its database: it is ready then.
            app.Address = await app._started.Task.WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            await app.DisposeAsync();
            throw new TimeoutException($"The app printed no start banner within 90 s:\n{app.Output}");
        }

        return app;
    }

    /// <summary>Runs the app's command line (<c>dotnet LeadsBlazor.Web.dll copy-database …</c>) to its end: its exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet", [WebAssemblyPath(), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = WebProjectDirectory(),
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The command did not end within {timeout}:\n{await output}\n{await errors}");
        }

        return (process.ExitCode, await output + await errors);
    }

    /// <summary>Waits until the app printed <paramref name="text"/> (a log line), or fails after <paramref name="timeout"/> with what it printed.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            while (!Output.Contains(text, StringComparison.Ordinal))
            {
                await Task.Delay(50, cancellation.Token);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The app did not print \"{text}\" within {timeout.TotalSeconds} s:\n{Output}");
        }
    }

    /// <summary>Ends the app at once, as a crash or a lost machine would: no shutdown, nothing flushed, its connections cut.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleanup.
        }
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line?.StartsWith(Banner, StringComparison.Ordinal) == true)
        {
            _started.TrySetResult(new Uri(line[Banner.Length..].Split(',')[0].Trim().TrimEnd('/') + "/"));
        }
    }

    private static string WebProjectDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LeadsBlazor.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("LeadsBlazor.sln not found above the test output."), "LeadsBlazor.Web");
    }

    // The Web project's own build output, in the configuration the tests were built in.
    private static string WebAssemblyPath()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(WebProjectDirectory(), "bin", configuration, "net10.0", "LeadsBlazor.Web.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first.", path);
    }
}
