using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Board;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using LeadsBlazor.Web.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Bench;

/// <summary>
/// The app on a seeded database of any size, against bare baselines measured in the same run: the scenarios of issue 20
/// (<see cref="Scenarios"/>: each the app's own query beside the same SQL through bare Microsoft.Data.Sqlite), the fan-out
/// of one card move to N sessions (<see cref="FanOut"/>), a lead list page, and the whole /leads page (signed in,
/// server-rendered) vs. a bare request through the same pipeline (/healthz).
/// Usage: dotnet run -c Release --project bench/LeadsBlazor.Bench [-- leads=100000 rounds=10 sessions=1,10,50 moves=3 database=PATH]
/// (with <c>export</c>: the export's delivery, <see cref="ExportBench"/>; with <c>browsers</c>: real Chromium pages watching, <see cref="BrowserFanOut"/>)
/// </summary>
internal static class BoardBench
{
    public static async Task Main(string[] args)
    {
        var total = Stopwatch.StartNew();
        // SQLite's process-wide settings as the app sets them at start, before the bench's own first connection: the bare
        // baseline runs in this process too, under the same settings.
        SqliteProcessSettings.Apply();
        var options = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        int Option(string name, int fallback) => options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
        var exportBench = args.Contains("export");
        var browserBench = args.Contains("browsers");
        var leadCount = Option("leads", 100_000);
        var rounds = Option("rounds", exportBench ? 5 : 10);
        var sessions = options.TryGetValue("sessions", out var list) ? list.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList() : browserBench ? [1, 10, 20] : [1, 10, 50];
        var moves = Option("moves", 3);
        // database=PATH: a database an earlier run left (with seed or keep), used as it is and left in place; its lead count is the one it holds.
        var reused = options.GetValueOrDefault("database");
        var folder = reused is null ? Directory.CreateTempSubdirectory("leadsblazor-bench-").FullName : Path.GetDirectoryName(Path.GetFullPath(reused))!;
        var database = reused is null ? Path.Combine(folder, "leads.db") : Path.GetFullPath(reused);
        const string Email = "bench@example.com";
        const string Password = "Bench-Password-1";
        void CleanUp()
        {
            SqliteConnection.ClearAllPools();
            if (reused is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        TimeSpan? seeded = null;
        if (reused is null)
        {
            var seeding = Stopwatch.StartNew();
            IReadOnlyList<Company> companies;
            await using (var setup = new BenchApp(database, folder, Email, Password))
            {
                companies = await BulkSeeding.SeedPeopleAndCustomersAsync(setup.Services, leadCount, Email);
            }

            var byHand = seeding.Elapsed;
            SqliteConnection.ClearAllPools();
            var bulk = BulkSeeding.InsertLeads(database, leadCount, companies);
            seeded = seeding.Elapsed;
            Console.WriteLine($"Seeded {leadCount:N0} leads in {seeded.Value.TotalSeconds:F1} s (app start, migrations, users, currencies and labels through the app, companies built by the domain: {byHand.TotalSeconds:F1} s; companies, leads, labels and history in SQL: {bulk.TotalSeconds:F1} s) ({database}, {new FileInfo(database).Length / 1048576.0:N0} MB).");
        }
        else
        {
            await using var connection = new SqliteConnection($"Data Source={database};Pooling=false");
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM \"Leads\"";
            leadCount = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            Console.WriteLine($"Using {database} as it is ({leadCount:N0} leads).");
        }

        // The app starts again on the seeded database, as after a restart: nothing it read before the leads came is cached.
        var starting = Stopwatch.StartNew();
        await using var app = new BenchApp(database, folder, Email, Password);
        var address = browserBench ? app.StartKestrel() : null;
        _ = app.Services;
        Console.WriteLine($"App started on the seeded database in {starting.Elapsed.TotalSeconds:F1} s.");
        if (args.Contains("seed"))
        {
            Console.WriteLine($"Database left at {database}.");
            return;
        }

        if (exportBench)
        {
            await ExportBench.RunAsync(app, database, folder, leadCount, rounds, Email, Password);
            CleanUp();
            return;
        }

        var ownerId = app.Services.GetRequiredService<IDbContextFactory<LeadsDbContext>>().CreateDbContext().Users.Single(u => u.Email == Email).Id;
        if (address is not null)
        {
            Console.WriteLine($"Real browsers watching the board (one card move, median of {moves}):");
            var browsers = await BrowserFanOut.RunAsync(app, address, Email, Password, ownerId, sessions, moves);
            BrowserFanOut.Print(leadCount, moves, browsers);
            CleanUp();
            return;
        }

        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
        Console.WriteLine($"Scenarios ({leadCount:N0} leads, median of {rounds}):");
        var scenarios = await Scenarios.RunAsync(app, database, ownerId, rounds);
        Console.WriteLine($"Fan-out (one card move, median of {moves}):");
        var fanOut = await FanOut.RunAsync(app, ownerId, sessions, moves);

        var boardQuery = app.Services.CreateScope().ServiceProvider.GetRequiredService<BoardQuery>();
        var board = await boardQuery.LoadAsync(new LeadFilter());
        Console.WriteLine($"Board: {board.Columns.Count} columns, {board.Cards.Count} cards loaded, {board.Volume.Total.Count:N0} leads counted, weighted volume {board.Volume.Total.Weighted:N2} {board.Volume.Currency}.");

        var bareSql = await MeasureAsync(rounds, () => BareSqlAsync(database));
        var volumeQuery = app.Services.CreateScope().ServiceProvider.GetRequiredService<WeightedVolumeQuery>();
        var volumeOnly = await MeasureAsync(rounds, () => volumeQuery.GetAsync(new LeadFilter()));
        Console.WriteLine($"(weighted volume alone: {volumeOnly:F1} ms)");

        // A lead list: one page of 25, sorted by revenue (largest first) and by name deep in the list, plus the total.
        var lists = app.Services.CreateScope().ServiceProvider.GetRequiredService<LeadListQuery>();
        var gridPages = await MeasureAsync(rounds, async () =>
        {
            await lists.GetAsync(new LeadFilter(), "Revenue", descending: true, page: 0, pageSize: 25);
            await lists.GetAsync(new LeadFilter(), "Name", descending: false, page: 100, pageSize: 25);
        });
        var bareGrid = await MeasureAsync(rounds, () => BareGridAsync(database));

        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        await SignInAsync(client, Email, Password);
        var page = await client.GetAsync("/leads");
        if (page.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"/leads answered {(int)page.StatusCode}.");
        }

        var boardPage = await MeasureAsync(rounds, async () => (await client.GetAsync("/leads")).EnsureSuccessStatusCode());
        var bareRequest = await MeasureAsync(rounds, async () => (await client.GetAsync("/healthz")).EnsureSuccessStatusCode());

        Console.WriteLine();
        Console.WriteLine($"| measure ({leadCount:N0} running leads, median of {rounds}) | ms | baseline | baseline ms | ratio |");
        Console.WriteLine("|---|---:|---|---:|---:|");
        Console.WriteLine($"| lead list: two pages of 25 (by revenue; by name at page 100) with totals (EF) | {gridPages:F1} | hand-written SQL of an earlier version (not the app's), bare Microsoft.Data.Sqlite | {bareGrid:F1} | {gridPages / bareGrid:F2} |");
        Console.WriteLine($"| GET /leads, signed in, server-rendered page | {boardPage:F1} | GET /healthz through the same pipeline | {bareRequest:F1} | {boardPage / bareRequest:F2} |");
        GoalsTable.Print(leadCount, rounds, moves, seeded, scenarios, fanOut, bareSql);
        Console.WriteLine();
        Console.WriteLine($"Whole run: {total.Elapsed.TotalSeconds:F0} s.");
        if (args.Contains("keep"))
        {
            // For a look at the plans afterwards (sqlite3 with the scripts BENCH_SQL wrote), or another run with database=.
            SqliteConnection.ClearAllPools();
            Console.WriteLine($"Database left at {database}.");
            return;
        }

        CleanUp();
    }

    private static async Task<double> MeasureAsync(int rounds, Func<Task> action)
    {
        for (var i = 0; i < 3; i++)
        {
            await action();
        }

        var times = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    // What the board asks, written by hand: one grouped sum, then the first 50 cards of each stage with their labels and names.
    private static async Task BareSqlAsync(string database)
    {
        await using var connection = SqlCommands.OpenBare(database);
        await using (var sums = connection.CreateCommand())
        {
            sums.CommandText = "SELECT StageId, RevenueCurrency, RevenueMinor, COUNT(*) FROM Leads WHERE Status = 1 GROUP BY StageId, RevenueCurrency, RevenueMinor";
            await using var reader = await sums.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                _ = (reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt32(3));
            }
        }

        var stages = new List<int>();
        await using (var stageCommand = connection.CreateCommand())
        {
            stageCommand.CommandText = "SELECT Id FROM Stages ORDER BY Position";
            await using var reader = await stageCommand.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stages.Add(reader.GetInt32(0));
            }
        }

        foreach (var stage in stages)
        {
            await using var cards = connection.CreateCommand();
            cards.CommandText = """
                SELECT l.Id, l.Version, l.Name, c.Name, l.RevenueMinor, l.RevenueCurrency, u.DisplayName, l.NextActionOn,
                       (SELECT group_concat(x.Name || ':' || x.Color) FROM LeadLabels ll JOIN Labels x ON x.Id = ll.LabelsId WHERE ll.LeadId = l.Id)
                FROM Leads l LEFT JOIN Companies c ON c.Id = l.CompanyId LEFT JOIN AspNetUsers u ON u.Id = l.ResponsibleUserId
                WHERE l.Status = 1 AND l.StageId = $stage ORDER BY l.NextActionOn, l.Id LIMIT 50
                """;
            cards.Parameters.AddWithValue("$stage", stage);
            await using var reader = await cards.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                _ = (reader.GetInt32(0), reader.GetString(2));
            }
        }
    }

    private static async Task BareGridAsync(string database)
    {
        await using var connection = SqlCommands.OpenBare(database);
        foreach (var (order, offset) in new[] { ("l.RevenueMinor DESC, l.Id", 0), ("l.Name, l.Id", 2500) })
        {
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM Leads";
            _ = await count.ExecuteScalarAsync();
            await using var page = connection.CreateCommand();
            page.CommandText =
                "SELECT l.Id, l.Version, l.Name, c.Name, p.Name, l.ResponsibleUserId, l.RevenueMinor, l.RevenueCurrency, l.NextActionOn, l.Status, s.Name, s.ProbabilityPercent, l.ClosedOn " +
                "FROM Leads l LEFT JOIN Companies c ON c.Id = l.CompanyId LEFT JOIN People p ON p.Id = l.ContactPersonId LEFT JOIN Stages s ON s.Id = l.StageId " +
                $"ORDER BY {order} LIMIT 25 OFFSET {offset}";
            await using var reader = await page.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                _ = reader.GetInt32(0);
            }
        }
    }


    internal static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/Account/Login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("The bench could not sign in.");
        }
    }
}

/// <summary>The app as in production (no demo data), on the bench's own database, served in memory, its SQL commands counted.</summary>
internal sealed class BenchApp(string database, string folder, string email, string password) : WebApplicationFactory<Program>
{
    public SqlCommands Sql { get; } = new();

    /// <summary>
    /// Serves the app over real Kestrel on a free loopback port, for real browsers; call before the app starts. Over HTTPS,
    /// as in production (whose cookies and antiforgery want it), with a self-signed certificate made for this run.
    /// </summary>
    public Uri StartKestrel()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certificate = X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), password: null);
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        StartServer();
        var address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new Uri($"https://localhost:{address.Port}/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureTestServices(services => services.ConfigureDbContext<SqliteLeadsDbContext>(options => options.AddInterceptors(Sql)));
        builder.UseEnvironment("Production");

        // Not published: the browser's scripts and styles come from the projects' static web assets, as in development.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Leads", $"Data Source={database}");
        builder.UseSetting("Bootstrap:OwnerEmail", email);
        builder.UseSetting("Bootstrap:OwnerPassword", password);
        builder.UseSetting("Mail:PickupDirectory", Path.Combine(folder, "mail"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // No reminder scan or snapshot over the whole pipeline while the bench measures: they would run at random moments.
        builder.UseSetting("Reminders:BackgroundScan", "false");
        builder.UseSetting("Forecast:BackgroundSnapshots", "false");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", Environment.GetEnvironmentVariable("BENCH_SQL") is null ? "Warning" : "Information");
    }
}
