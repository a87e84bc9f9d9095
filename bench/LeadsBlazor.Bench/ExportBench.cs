using System.Diagnostics;
using LeadsBlazor.Web.Features.Excel;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace LeadsBlazor.Bench;

/// <summary>
/// Exporting 100,000 leads as the app does, through its HTTP pipeline (<c>GET /leads/export</c>, signed in, served in
/// memory: <see cref="LeadExport"/>'s streamed query, lookups, localized texts and typed cells, through
/// <see cref="WorkbookDownload"/>) against a bare MiniExcel write of the same rows read by one hand-written SQL query, in
/// the same run: the first byte (from the request's start to the first byte of the body the client reads; for the bare
/// write, to its first write to the file), the total (median of the rounds) and the peak working set of the process while
/// each one runs.
/// Usage: dotnet run -c Release --project bench/LeadsBlazor.Bench -- export [leads=100000 rounds=3]
/// </summary>
internal static class ExportBench
{
    public static async Task RunAsync(BenchApp app, string database, string folder, int leadCount, int rounds, string email, string password)
    {
        using var scope = app.Services.CreateScope();
        var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<LeadsBlazor.Web.SharedResource>>();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        await BoardBench.SignInAsync(client, email, password);
        var appFile = Path.Combine(folder, "app.xlsx");
        var bareFile = Path.Combine(folder, "bare.xlsx");

        // Rounds alternate between the two, so that the machine's drift (JIT tiers, caches, GC) falls on both alike.
        var (appRun, bareRun) = await MeasurePairAsync(
            rounds,
            async watch =>
            {
                using var response = await client.GetAsync("/leads/export", HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync();
                await using var file = File.Create(appFile);
                var buffer = new byte[81_920];
                var read = await body.ReadAsync(buffer);
                var firstByte = watch.Elapsed.TotalMilliseconds;
                while (read > 0)
                {
                    await file.WriteAsync(buffer.AsMemory(0, read));
                    read = await body.ReadAsync(buffer);
                }

                return firstByte;
            },
            async watch =>
            {
                await using var file = new FirstWrite(bareFile, watch);
                await file.SaveAsAsync(BareRows(database), excelType: ExcelType.XLSX, configuration: LeadExport.Configuration(text));
                return file.At;
            });

        var rows = new FileStream(appFile, FileMode.Open).Query(useHeaderRow: true, excelType: ExcelType.XLSX).Count();
        Console.WriteLine();
        Console.WriteLine($"| export of {leadCount:N0} leads (median of {rounds}) | first byte ms | total ms | peak working set MB | file MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine($"| app: GET /leads/export, streamed ({rows:N0} rows) | {appRun.FirstByte:F0} | {appRun.Total:F0} | {appRun.Peak / 1048576.0:F0} | {new FileInfo(appFile).Length / 1048576.0:F1} |");
        Console.WriteLine($"| bare: one SQL reader straight into MiniExcel, to a file | {bareRun.FirstByte:F0} | {bareRun.Total:F0} | {bareRun.Peak / 1048576.0:F0} | {new FileInfo(bareFile).Length / 1048576.0:F1} |");
        Console.WriteLine($"| ratio app / bare | | {appRun.Total / bareRun.Total:F2} | {(double)appRun.Peak / bareRun.Peak:F2} | |");
    }

    private static async Task<(Run First, Run Second)> MeasurePairAsync(int rounds, Func<Stopwatch, Task<double>> first, Func<Stopwatch, Task<double>> second)
    {
        await first(Stopwatch.StartNew());
        await second(Stopwatch.StartNew());
        var (firstRuns, secondRuns) = (new List<Run>(), new List<Run>());
        for (var i = 0; i < rounds; i++)
        {
            firstRuns.Add(await RunOnceAsync(first));
            secondRuns.Add(await RunOnceAsync(second));
        }

        return (Run.Median(firstRuns), Run.Median(secondRuns));
    }

    // The peak working set is sampled every 5 ms while the action runs, after a full collection before it.
    private static async Task<Run> RunOnceAsync(Func<Stopwatch, Task<double>> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(5);
            }
        });
        var watch = Stopwatch.StartNew();
        var firstByte = await action(watch);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        await sampling.CancelAsync();
        await sampler;
        return new Run(firstByte, elapsed, peak);
    }

    // Each figure's median on its own; the peak is the highest of all rounds.
    private sealed record Run(double FirstByte, double Total, long Peak)
    {
        public static Run Median(List<Run> runs) => new(
            runs.Select(r => r.FirstByte).Order().ElementAt(runs.Count / 2),
            runs.Select(r => r.Total).Order().ElementAt(runs.Count / 2),
            runs.Max(r => r.Peak));
    }

    // The file of the bare write, noting when its first byte was written.
    private sealed class FirstWrite(string path, Stopwatch watch) : FileStream(path, FileMode.Create)
    {
        public double At { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Note();
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Note();
            base.Write(buffer);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Note();
            return base.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Note();
            return base.WriteAsync(buffer, offset, count, cancellationToken);
        }

        private void Note()
        {
            if (At == 0)
            {
                At = watch.Elapsed.TotalMilliseconds;
            }
        }
    }

    private static IEnumerable<Dictionary<string, object?>> BareRows(string database)
    {
        using var connection = SqlCommands.OpenBare(database);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT l.Id, l.Name, l.Status, s.Name, s.ProbabilityPercent, l.RevenueMinor, l.RevenueCurrency, u.DisplayName, l.NextActionOn, l.NextAction,
                   c.Name, p.Name, (SELECT group_concat(x.Name, ', ') FROM LeadLabels ll JOIN Labels x ON x.Id = ll.LabelsId WHERE ll.LeadId = l.Id),
                   l.CreatedAt, l.ClosedOn, r.Name, l.Info
            FROM Leads l
            LEFT JOIN Stages s ON s.Id = l.StageId LEFT JOIN AspNetUsers u ON u.Id = l.ResponsibleUserId
            LEFT JOIN Companies c ON c.Id = l.CompanyId LEFT JOIN People p ON p.Id = l.ContactPersonId LEFT JOIN CloseReasons r ON r.Id = l.CloseReasonId
            ORDER BY l.Id
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var revenue = reader.GetInt64(5) / 100m;
            var probability = reader.IsDBNull(4) ? (int?)null : reader.GetInt32(4);
            DateTime? Date(int i) => reader.IsDBNull(i) ? null : DateTime.Parse(reader.GetString(i), System.Globalization.CultureInfo.InvariantCulture);
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            yield return new Dictionary<string, object?>
            {
                ["Id"] = reader.GetInt32(0),
                ["Name"] = reader.GetString(1),
                ["Status"] = reader.GetInt32(2).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Stage"] = Text(3),
                ["Probability"] = probability,
                ["Revenue"] = revenue,
                ["Currency"] = reader.GetString(6),
                ["RevenueInAccountCurrency"] = revenue,
                ["Weighted"] = probability is { } p ? revenue * p / 100m : null,
                ["Responsible"] = Text(7),
                ["NextActionOn"] = Date(8),
                ["NextAction"] = Text(9),
                ["Due"] = "nein",
                ["Customer"] = Text(10),
                ["Contact"] = Text(11),
                ["Labels"] = Text(12),
                ["Created"] = new DateTime((reader.GetInt64(13) >> 11) * 1000).Date,
                ["ClosedOn"] = Date(14),
                ["Reason"] = Text(15),
                ["Info"] = Text(16),
            };
        }
    }
}
