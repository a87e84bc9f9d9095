using System.Globalization;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Data.Copy;
using LeadsBlazor.Web.Features.Board;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Xunit.Abstractions;

namespace LeadsBlazor.Tests.Features.Data;

/// <summary>
/// Moving from SQLite to PostgreSQL with the app's <c>copy-database</c> command (Issue 19, acceptance 5): the demo database
/// and a 50,000-lead database arrive with every row and the same weighted volume, and the app then runs on the copy.
/// </summary>
public sealed class DatabaseCopyTests(ITestOutputHelper log)
{
    // The source app stands still while it is copied, as the operator stops it: no reminder scan, no snapshot job writes.
    private static readonly Dictionary<string, string?> Quiet = new()
    {
        ["Reminders:BackgroundScan"] = "false",
        ["Forecast:BackgroundSnapshots"] = "false",
    };

    private static Dictionary<string, string?> DemoSettings => new(Quiet) { ["Demo:Seed"] = "true" };

    [Fact]
    public async Task The_demo_database_moves_to_PostgreSQL_with_every_row_and_the_app_runs_on_it()
    {
        using var sqlite = new LeadsAppFactory(settings: DemoSettings, provider: DatabaseProvider.Sqlite);
        _ = sqlite.Services;
        var target = PostgresServer.Instance.CreateEmptyDatabase();

        // The operator's command line: the built app with the command instead of the web host.
        var (exitCode, output) = await AppProcess.RunCommandAsync(
            ["copy-database", "--from", $"Data Source={SourceFile(sqlite)}", "--to", target], TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, output);
        Assert.Contains("the counts and the weighted volume agree, and the copy is committed", output, StringComparison.Ordinal);
        using var postgres = LeadsAppFactory.OnDatabase(DatabaseProvider.Postgres, target, Quiet);
        Assert.Equal(await TableCountsAsync(sqlite), await TableCountsAsync(postgres));
        Assert.Equal(await BoardAsync(sqlite), await BoardAsync(postgres));
        await ChangeALeadAsync(sqlite, postgres);
    }

    [Fact]
    public async Task A_database_of_50000_leads_moves_with_equal_counts_and_weighted_volume()
    {
        using var sqlite = new LeadsAppFactory(settings: DemoSettings, provider: DatabaseProvider.Sqlite);
        _ = sqlite.Services;
        SqliteLeadGrowth.GrowTo(SourceFile(sqlite), 50_000);
        var target = PostgresServer.Instance.CreateEmptyDatabase();

        // The source from the app's own configuration, resolved against its content root, as on a server.
        var (exitCode, output, errors) = await RunCommandAsync(sqlite.Folder, ["copy-database", "--to", target],
            new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["ConnectionStrings:Leads"] = "Data Source=leads.db" });

        log.WriteLine(output);
        Assert.True(exitCode == 0, output + errors);
        using var postgres = LeadsAppFactory.OnDatabase(DatabaseProvider.Postgres, target, Quiet);
        var counts = await TableCountsAsync(postgres);
        Assert.Equal(50_000, counts["Leads"]);
        Assert.Equal(await TableCountsAsync(sqlite), counts);
        var volume = await VolumeAsync(postgres);
        Assert.Equal(Figures(await VolumeAsync(sqlite)), Figures(volume));
        Assert.True(volume.Total.Count > 5_000, $"Only {volume.Total.Count} running leads.");
        Assert.Contains(volume.Total.Weighted.ToString("N2", CultureInfo.InvariantCulture), output, StringComparison.Ordinal);
        Assert.Equal(await BoardAsync(sqlite), await BoardAsync(postgres));
        await ChangeALeadAsync(sqlite, postgres);
    }

    [Fact]
    public async Task A_target_that_already_holds_data_is_refused_and_left_as_it_was()
    {
        using var sqlite = new LeadsAppFactory(settings: DemoSettings, provider: DatabaseProvider.Sqlite);
        _ = sqlite.Services;
        using var running = new LeadsAppFactory(settings: Quiet, provider: DatabaseProvider.Postgres);
        var owner = await running.UserIdAsync(LeadsAppFactory.OwnerEmail);
        await running.CreateLeadAsync("Schon da", 1_000m, owner, (await running.StagesAsync())[0].Id);
        var before = await TableCountsAsync(running);

        var (exitCode, output, errors) = await RunCommandAsync(sqlite.Folder,
            ["copy-database", "--from", $"Data Source={SourceFile(sqlite)}", "--to", running.ConnectionString], []);

        Assert.Equal(1, exitCode);
        Assert.Contains("already holds data", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("committed", output, StringComparison.Ordinal);
        Assert.Equal(before, await TableCountsAsync(running));
    }

    [Theory]
    [InlineData("copy-database")]
    [InlineData("copy-database|--from|Data Source=leads.db")]
    [InlineData("copy-database|--to")]
    [InlineData("copy-database|--into|Host=db")]
    public async Task Without_a_target_the_command_prints_its_usage(string commandLine)
    {
        var (exitCode, _, errors) = await RunCommandAsync(Path.GetTempPath(), commandLine.Split('|'), []);

        Assert.Equal(2, exitCode);
        Assert.Contains("Usage: LeadsBlazor.Web copy-database --to", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_source_file_is_named_and_never_created()
    {
        var folder = Directory.CreateTempSubdirectory("leadsblazor-copy-").FullName;

        var (exitCode, _, errors) = await RunCommandAsync(folder, ["copy-database", "--to", "Host=127.0.0.1;Database=unused"],
            new Dictionary<string, string?> { ["ConnectionStrings:Leads"] = "Data Source=App_Data/leads.db" });

        Assert.Equal(1, exitCode);
        Assert.Contains($"There is no SQLite database at {Path.Combine(folder, "App_Data", "leads.db")}", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "App_Data", "leads.db")));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task On_a_PostgreSQL_configuration_the_source_must_be_named()
    {
        var (exitCode, _, errors) = await RunCommandAsync(Path.GetTempPath(), ["copy-database", "--to", "Host=127.0.0.1;Database=unused"],
            new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:Leads"] = "Host=db;Database=leads" });

        Assert.Equal(1, exitCode);
        Assert.Contains("--from \"Data Source=…\"", errors, StringComparison.Ordinal);
    }

    private static string SourceFile(LeadsAppFactory sqlite) => Path.Combine(sqlite.Folder, "leads.db");

    private static async Task<(int ExitCode, string Output, string Errors)> RunCommandAsync(string contentRoot, string[] args, Dictionary<string, string?> settings)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var environment = new HostingEnvironment { ContentRootPath = contentRoot, EnvironmentName = "Production" };
        var exitCode = await CopyDatabaseCommand.RunAsync(args, configuration, environment, output, errors);
        return (exitCode, output.ToString(), errors.ToString());
    }

    // Every table of the model, counted by the app's own context on its own database.
    private static async Task<SortedDictionary<string, long>> TableCountsAsync(LeadsAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadsDbContext>();
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in db.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables)
        {
            // Table names from the model, not from input; quoted the same way on both databases.
            var count = "SELECT COUNT(*) AS \"Value\" FROM \"" + table.Name + "\"";
            counts[table.Name] = await db.Database.SqlQueryRaw<long>(count).SingleAsync();
        }

        return counts;
    }

    private static async Task<WeightedVolume> VolumeAsync(LeadsAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WeightedVolumeQuery>().GetAsync(new LeadFilter());
    }

    private static List<string> Figures(WeightedVolume volume) =>
        [$"{volume.Currency} {volume.Total}", .. volume.Stages.OrderBy(s => s.StageId).Select(s => s.ToString())];

    // What the board shows, line by line: each column with its figures, each card with what it displays.
    private static async Task<List<string>> BoardAsync(LeadsAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        var board = await scope.ServiceProvider.GetRequiredService<BoardQuery>().LoadAsync(new LeadFilter());
        return
        [
            $"total {board.Volume.Total}",
            .. board.Columns.Select(c => $"{c.Name} {c.Probability.Percent} % {c.Figures} {c.LoadedCards} cards"),
            .. board.Cards.Select(c => $"{c.Zone} #{c.Id} v{c.Version} {c.Name} | {c.Customer} | {c.Revenue} | {c.ResponsibleName} | {c.NextActionOn} due={c.IsDue} idle={c.IdleDays} | {string.Join(", ", c.Labels.Select(l => l.Name))}"),
        ];
    }

    // The copy set every identity past the highest id: a move writes a history row, a new lead gets an id, both after the copied ones.
    private static async Task ChangeALeadAsync(LeadsAppFactory sqlite, LeadsAppFactory postgres)
    {
        var owner = await postgres.UserIdAsync(LeadsAppFactory.OwnerEmail);
        var stages = await postgres.StagesAsync();
        var board = await LoadBoardAsync(postgres);
        var card = board.Cards.First(c => c.Zone != board.Columns[^1].Zone);
        var lastEvent = await MaxAsync(sqlite, db => db.LeadEvents.MaxAsync(e => e.Id));
        var lastLead = await MaxAsync(sqlite, db => db.Leads.MaxAsync(l => (long)l.Id));

        using (var scope = postgres.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<LeadCommands>().MoveToStageAsync(card.Id, card.Version, stages[^1].Id, owner);
        }

        var created = await postgres.CreateLeadAsync("Nach dem Umzug", 2_500m, owner, stages[0].Id);

        var moved = await postgres.LeadAsync(card.Id);
        Assert.Equal(stages[^1].Id, moved.StageId);
        Assert.Equal(card.Version + 1, moved.Version);
        Assert.Contains(moved.History, e => e.Kind == LeadEventKind.StageChanged && e.Id > lastEvent);
        Assert.True(created > lastLead, $"The new lead got id {created}, not one after the copied {lastLead}.");
        Assert.Equal("Nach dem Umzug", (await postgres.LeadAsync(created)).Name);
        Assert.Equal(board.Volume.Total.Count + 1, (await LoadBoardAsync(postgres)).Volume.Total.Count);
    }

    private static async Task<BoardData> LoadBoardAsync(LeadsAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BoardQuery>().LoadAsync(new LeadFilter());
    }

    private static async Task<long> MaxAsync(LeadsAppFactory app, Func<LeadsDbContext, Task<long>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<LeadsDbContext>());
    }
}
