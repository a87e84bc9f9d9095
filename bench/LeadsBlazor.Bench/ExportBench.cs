using System.Diagnostics;
using LeadsBlazor.Web.Features.Excel;
using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace LeadsBlazor.Bench;

/// <summary>
/// Exporting 100,000 leads as the app does (<see cref="LeadExport"/>: EF in chunks, lookups, localized texts,
/// typed cells) against a bare MiniExcel write of the same rows read by one hand-written SQL query, in the same
/// run: time (median of the rounds) and the peak working set of the process while each one runs.
/// Usage: dotnet run -c Release --project bench/LeadsBlazor.Bench -- export [leads=100000 rounds=3]
/// </summary>
internal static class ExportBench
{
    public static async Task RunAsync(BenchApp app, string database, string folder, int leadCount, int rounds)
    {
        using var scope = app.Services.CreateScope();
        var export = scope.ServiceProvider.GetRequiredService<LeadExport>();
        var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<LeadsBlazor.Web.SharedResource>>();
        var appFile = Path.Combine(folder, "app.xlsx");
        var bareFile = Path.Combine(folder, "bare.xlsx");

        // Rounds alternate between the two, so that the machine's drift (JIT tiers, caches, GC) falls on both alike.
        var (appRun, bareRun) = await MeasurePairAsync(
            rounds,
            async () =>
            {
                await using var file = File.Create(appFile);
                await export.WriteAsync(new LeadFilter(), LeadView.All, file);
            },
            async () =>
            {
                await using var file = File.Create(bareFile);
                await file.SaveAsAsync(BareRows(database), excelType: ExcelType.XLSX, configuration: LeadExport.Configuration(text));
            });
        var ((appMs, appPeak), (bareMs, barePeak)) = (appRun, bareRun);

        var rows = new FileStream(appFile, FileMode.Open).Query(useHeaderRow: true, excelType: ExcelType.XLSX).Count();
        Console.WriteLine();
        Console.WriteLine($"| export of {leadCount:N0} leads (median of {rounds}) | ms | peak working set MB | file MB |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine($"| app: GET /leads/export's writer ({rows:N0} rows) | {appMs:F0} | {appPeak / 1048576.0:F0} | {new FileInfo(appFile).Length / 1048576.0:F1} |");
        Console.WriteLine($"| bare: one SQL reader straight into MiniExcel | {bareMs:F0} | {barePeak / 1048576.0:F0} | {new FileInfo(bareFile).Length / 1048576.0:F1} |");
        Console.WriteLine($"| ratio app / bare | {appMs / bareMs:F2} | {(double)appPeak / barePeak:F2} | |");
    }

    private static async Task<((double Median, long Peak) First, (double Median, long Peak) Second)> MeasurePairAsync(int rounds, Func<Task> first, Func<Task> second)
    {
        await first();
        await second();
        var (firstTimes, secondTimes) = (new List<double>(), new List<double>());
        var (firstPeak, secondPeak) = (0L, 0L);
        for (var i = 0; i < rounds; i++)
        {
            var (time, peak) = await RunOnceAsync(first);
            firstTimes.Add(time);
            firstPeak = Math.Max(firstPeak, peak);
            (time, peak) = await RunOnceAsync(second);
            secondTimes.Add(time);
            secondPeak = Math.Max(secondPeak, peak);
        }

        firstTimes.Sort();
        secondTimes.Sort();
        return ((firstTimes[rounds / 2], firstPeak), (secondTimes[rounds / 2], secondPeak));
    }

    // The peak working set is sampled every 5 ms while the action runs, after a full collection before it.
    private static async Task<(double Milliseconds, long Peak)> RunOnceAsync(Func<Task> action)
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
        await action();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        await sampling.CancelAsync();
        await sampler;
        return (elapsed, peak);
    }

    private static IEnumerable<Dictionary<string, object?>> BareRows(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
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
