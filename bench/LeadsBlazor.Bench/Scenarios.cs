using System.Diagnostics;
using LeadsBlazor.Web.Features.Board;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Features.Reminders;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Bench;

/// <summary>One scenario's medians: the app's call, the same SQL bare, and how many SQL commands one app call ran.</summary>
internal sealed record ScenarioResult(string Name, double AppMs, double BareMs, double Commands, string Shows)
{
    public double Ratio => BareMs > 0 ? AppMs / BareMs : double.NaN;
}

/// <summary>
/// What people do most on a large pipeline, each through the app's public query, beside a bare baseline measured in the
/// same run: the SQL commands one app call ran (captured by the EF interceptor), run again through bare
/// Microsoft.Data.Sqlite with every row read. The ratio is what the app adds on top of its own SQL (EF, mapping, the
/// money rule); the absolute times say whether the SQL itself is fast enough.
/// </summary>
internal static class Scenarios
{
    public static async Task<List<ScenarioResult>> RunAsync(BenchApp app, string database, string ownerId, int rounds)
    {
        using var scope = app.Services.CreateScope();
        var boards = scope.ServiceProvider.GetRequiredService<BoardQuery>();
        var due = scope.ServiceProvider.GetRequiredService<DueLeadsQuery>();
        var (labelId, firstStage) = Ids(database);
        var events = app.Services.GetRequiredService<IEventBus>();
        var changed = new LeadChanged(1, ownerId);

        // Views may be kept between changes and shared (computed once per change): each round is "the first load after a
        // change", as for the sessions that watch. The bench publishes a change that touches every scenario's view (the
        // shared views drop it inside Publish) and waits until the bus has handed it to the bench's own subscriber too.
        async Task ChangeAsync()
        {
            var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var subscription = events.Subscribe(e =>
            {
                if (ReferenceEquals(e, changed))
                {
                    heard.TrySetResult();
                }

                return Task.CompletedTask;
            });
            events.Publish(changed);
            await heard.Task;
        }

        // The searched boards' facts in memory (LeadFacts): read once per app, in the background on the first search; here
        // before the rounds, so that they measure the search as every search after the first one.
        var loading = Stopwatch.StartNew();
        await app.Services.GetRequiredService<LeadFacts>().LoadedAsync();
        Console.WriteLine($"  the lead facts for searched boards, read once per app: {loading.Elapsed.TotalMilliseconds:F0} ms");

        var results = new List<ScenarioResult>
        {
            await MeasureAsync(app, database, rounds, ChangeAsync, "board open: figures + first page of each column", async () => Shows(await boards.LoadAsync(new LeadFilter()))),
            await MeasureAsync(app, database, rounds, ChangeAsync, "column next page: the board with one column at 100 cards", async () => Shows(await boards.LoadAsync(new LeadFilter(), new Dictionary<int, int> { [firstStage] = 2 * BoardQuery.PageSize }))),
            await MeasureAsync(app, database, rounds, ChangeAsync, $"search: the board with q={BulkSeeding.SearchText}", async () => Shows(await boards.LoadAsync(new LeadFilter(Search: BulkSeeding.SearchText)))),
            await MeasureAsync(app, database, rounds, ChangeAsync, $"one-label board: labels={labelId} ({BulkSeeding.FilterLabel})", async () => Shows(await boards.LoadAsync(new LeadFilter(LabelIds: [labelId])))),
            await MeasureAsync(app, database, rounds, ChangeAsync, "due badge: the signed-in user's due count", async () => $"{await due.CountForUserAsync(ownerId):N0} due"),
        };
        return results;
    }

    private static string Shows(BoardData board) => $"{board.Cards.Count} cards of {board.Volume.Total.Count:N0} leads";

    private static async Task<ScenarioResult> MeasureAsync(BenchApp app, string database, int rounds, Func<Task> change, string name, Func<Task<string>> action)
    {
        // Warm-up, and the SQL this call runs after a change, for the bare baseline.
        await change();
        await action();
        await change();
        var shows = "";
        var commands = await SqlCommands.CaptureAsync(async () => shows = await action());
        await SqlCommands.ReplayAsync(database, commands);

        // Rounds alternate between the two, so that the machine's drift falls on both alike.
        var (appTimes, bareTimes, counts) = (new List<double>(), new List<double>(), new List<double>());
        for (var i = 0; i < rounds; i++)
        {
            await change();
            var before = app.Sql.Executed;
            var watch = Stopwatch.StartNew();
            await action();
            appTimes.Add(watch.Elapsed.TotalMilliseconds);
            counts.Add(app.Sql.Executed - before);
            watch.Restart();
            await SqlCommands.ReplayAsync(database, commands);
            bareTimes.Add(watch.Elapsed.TotalMilliseconds);
        }

        var result = new ScenarioResult(name, Median(appTimes), commands.Count == 0 ? 0 : Median(bareTimes), Median(counts), shows);
        Console.WriteLine($"  {name}: app {result.AppMs:F1} ms, bare {result.BareMs:F1} ms ({commands.Count} commands captured, {result.Commands} per call measured), {shows}");
        await PrintSlowestAsync(database, name, commands);
        return result;
    }

    // Where a scenario's time goes: its slowest command, bare; with BENCH_SQL set, every command as a sqlite3 script there.
    private static async Task PrintSlowestAsync(string database, string name, List<CapturedCommand> commands)
    {
        var times = new List<(CapturedCommand Command, TimeSpan Took)>();
        await SqlCommands.ReplayAsync(database, commands, (command, took) => times.Add((command, took)));
        if (times.Count == 0)
        {
            return;
        }

        var slowest = times.MaxBy(t => t.Took);
        var text = string.Join(' ', slowest.Command.Text.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Console.WriteLine($"    slowest command {slowest.Took.TotalMilliseconds:F1} ms: {text[..Math.Min(text.Length, 160)]}");
        if (Environment.GetEnvironmentVariable("BENCH_SQL") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, string.Concat(name.TakeWhile(c => c != ':').Select(c => char.IsLetterOrDigit(c) ? c : '-')) + ".sql");
            await File.WriteAllLinesAsync(file, times.Select(t => $"-- {t.Took.TotalMilliseconds:F1} ms\n{SqlCommands.ToScript(t.Command)}\n.parameter clear"));
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static (int LabelId, int FirstStage) Ids(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT Id FROM Labels WHERE Name = $label), (SELECT Id FROM Stages ORDER BY Position LIMIT 1)";
        command.Parameters.AddWithValue("$label", BulkSeeding.FilterLabel);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt32(0), reader.GetInt32(1));
    }
}
