using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Identity;
using LeadsBlazor.Web.Data.Postgres;
using LeadsBlazor.Web.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Features.Data;

/// <summary>The start on each database: schema, defaults, demo data and the append-only history, the same on both.</summary>
public abstract class DatabaseStartTests(DatabaseProvider provider)
{
    private static async Task<T> QueryAsync<T>(LeadsAppFactory app, Func<LeadsDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<LeadsDbContext>());
    }

    [Fact]
    public async Task A_fresh_database_gets_the_schema_and_the_account_defaults()
    {
        using var app = new LeadsAppFactory(provider: provider);

        var (stages, reasons, currency) = await QueryAsync(app, async db =>
            (await db.Stages.OrderBy(s => s.Position).Select(s => s.Name).ToListAsync(),
                await db.CloseReasons.CountAsync(),
                (await db.AccountSettings.SingleAsync()).CurrencyCode));

        Assert.Equal(["Erstkontakt", "Vorstellung", "Angebot", "Verhandlungen"], stages);
        Assert.True(reasons > 0);
        Assert.Equal("EUR", currency);
        Assert.Empty(await QueryAsync(app, db => db.Database.GetPendingMigrationsAsync()));
    }

    [Fact]
    public async Task Demo_data_fills_an_empty_database_beside_the_bootstrap_owner()
    {
        using var app = new LeadsAppFactory(provider: provider, settings: new Dictionary<string, string?> { ["Demo:Seed"] = "true" });

        var leads = await QueryAsync(app, db => db.Leads.Include(l => l.Labels).ToListAsync());
        var users = await QueryAsync(app, db => db.Users.Select(u => u.Email).ToListAsync());

        Assert.InRange(leads.Count(l => l.IsOpen), 25, 35);
        Assert.InRange(leads.Count, 100, 120);
        Assert.Equal(Enum.GetValues<LeadStatus>().ToHashSet(), leads.Select(l => l.Status).ToHashSet());
        Assert.Equal(["CHF", "EUR"], leads.Select(l => l.Revenue.Currency.Code).Distinct().Order());
        Assert.All(leads, l => Assert.NotEmpty(l.Labels));
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        Assert.Contains(leads, l => l.IsDue(today));
        Assert.Contains(leads, l => l.IsOpen && !l.IsDue(today));
        Assert.Equal([DemoData.OwnerEmail, DemoData.MemberEmail, LeadsAppFactory.OwnerEmail], users.Order());

        using var scope = app.Services.CreateScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True(await userManager.IsInRoleAsync((await userManager.FindByEmailAsync(DemoData.OwnerEmail))!, Roles.AccountOwner));
        Assert.False(await userManager.IsInRoleAsync((await userManager.FindByEmailAsync(DemoData.MemberEmail))!, Roles.AccountOwner));
    }

    [Fact]
    public async Task Production_never_seeds_demo_data()
    {
        using var app = new LeadsAppFactory("Production", new Dictionary<string, string?> { ["Demo:Seed"] = "true" }, provider);

        Assert.Equal(0, await QueryAsync(app, db => db.Leads.CountAsync()));
        Assert.Equal(1, await QueryAsync(app, db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task The_history_of_a_lead_is_append_only()
    {
        using var app = new LeadsAppFactory(provider: provider, settings: new Dictionary<string, string?> { ["Demo:Seed"] = "true" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => QueryAsync(app, async db =>
        {
            var entry = await db.LeadEvents.FirstAsync();
            db.Entry(entry).Property(e => e.NewValue).CurrentValue = "rewritten";
            return await db.SaveChangesAsync();
        }));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_even_a_bulk_update_or_delete_rewrites_the_history()
    {
        using var app = new LeadsAppFactory(provider: provider, settings: new Dictionary<string, string?> { ["Demo:Seed"] = "true" });

        var update = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            QueryAsync(app, db => db.LeadEvents.ExecuteUpdateAsync(e => e.SetProperty(x => x.NewValue, "rewritten"))));
        var delete = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            QueryAsync(app, db => db.LeadEvents.ExecuteDeleteAsync()));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await QueryAsync(app, db => db.LeadEvents.Select(e => e.NewValue).ToListAsync()), v => v == "rewritten");
    }

    [Fact]
    public async Task The_history_of_a_project_is_append_only_too()
    {
        using var app = new LeadsAppFactory(provider: provider, settings: new Dictionary<string, string?> { ["Demo:Seed"] = "true" });

        var tracked = await Assert.ThrowsAsync<InvalidOperationException>(() => QueryAsync(app, async db =>
        {
            var entry = await db.ProjectEvents.FirstAsync();
            db.Entry(entry).Property(e => e.NewValue).CurrentValue = "rewritten";
            return await db.SaveChangesAsync();
        }));
        var update = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            QueryAsync(app, db => db.ProjectEvents.ExecuteUpdateAsync(e => e.SetProperty(x => x.NewValue, "rewritten"))));
        var delete = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            QueryAsync(app, db => db.ProjectEvents.ExecuteDeleteAsync()));

        Assert.All(new Exception[] { tracked, update, delete }, e => Assert.Contains("append-only", e.Message, StringComparison.Ordinal));
        Assert.NotEmpty(await QueryAsync(app, db => db.ProjectEvents.ToListAsync()));
    }

    [Fact]
    public async Task The_model_and_the_migrations_agree()
    {
        using var app = new LeadsAppFactory(provider: provider);

        Assert.False(await QueryAsync(app, db => Task.FromResult(db.Database.HasPendingModelChanges())));
        Assert.Equal(
            await QueryAsync(app, db => Task.FromResult(db.Database.GetMigrations().ToList())),
            await QueryAsync(app, async db => (await db.Database.GetAppliedMigrationsAsync()).ToList()));
    }

    [Fact]
    public async Task Both_migration_sets_build_the_same_model()
    {
        // Each provider keeps its own migrations; a model change migrated for one only leaves the other with pending changes.
        await using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        await using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges(), "The SQLite migrations lag behind the model: dotnet ef migrations add <Name> --context SqliteLeadsDbContext");
        Assert.False(postgres.Database.HasPendingModelChanges(), "The PostgreSQL migrations lag behind the model: dotnet ef migrations add <Name> --context PostgresLeadsDbContext --output-dir Data/Migrations/Postgres");
        Assert.Equal(Tables(sqlite), Tables(postgres));
    }

    private static List<string> Tables(LeadsDbContext db) =>
        [.. db.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables
            .SelectMany(t => t.Columns.Select(c => $"{t.Name}.{c.Name}{(c.IsNullable ? "?" : "")}")).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("Oracle", "not a database LeadsBlazor knows")]
    [InlineData("Postgres", "ConnectionStrings:Leads is empty")]
    public void A_provider_it_cannot_run_on_stops_the_start_with_the_reason(string provider, string reason)
    {
        using var app = new LeadsAppFactory(settings: new Dictionary<string, string?> { ["Database:Provider"] = provider, ["ConnectionStrings:Leads"] = "" });

        var error = Assert.Throws<InvalidOperationException>(() => app.Services);

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("Database:Provider", error.Message, StringComparison.Ordinal);
    }
}

public sealed class DatabaseStartTestsOnSqlite() : DatabaseStartTests(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task A_fresh_sqlite_database_runs_in_wal_mode()
    {
        using var app = new LeadsAppFactory();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadsDbContext>();

        Assert.Equal("wal", await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS \"Value\" FROM pragma_journal_mode()").SingleAsync());
    }
}

/// <summary>SQLite serves one instance per database file (a second would run its own jobs and miss the first one's live changes).</summary>
public sealed class SqliteGuardTests
{
    private static async Task<bool> KnowsMemberAsync(LeadsAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(LeadsAppFactory.MemberEmail) is not null;
    }

    [Fact]
    public async Task A_second_instance_on_the_same_sqlite_file_refuses_to_start_and_starts_once_the_first_has_stopped()
    {
        // The file lies outside the first app's own folder, which goes with it.
        var folder = Directory.CreateTempSubdirectory("leadsblazor-guard-").FullName;
        var file = Path.Combine(folder, "leads.db");
        var first = new LeadsAppFactory(provider: DatabaseProvider.Sqlite, settings: new Dictionary<string, string?> { ["ConnectionStrings:Leads"] = $"Data Source={file}" });
        try
        {
            await first.CreateMemberAsync();

            using (var second = LeadsAppFactory.SecondInstanceOf(first))
            {
                var error = Assert.Throws<InvalidOperationException>(() => second.Services);

                Assert.Contains($"Another LeadsBlazor instance is running on the SQLite database '{file}'", error.Message, StringComparison.Ordinal);
                Assert.Contains("Database:Provider = Postgres", error.Message, StringComparison.Ordinal);
            }

            Assert.True(await KnowsMemberAsync(first), "The first instance runs on.");
            first.Dispose();

            using var next = LeadsAppFactory.SecondInstanceOf(first);
            Assert.True(await KnowsMemberAsync(next), "The next instance starts on the same file.");
        }
        finally
        {
            first.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class DatabaseStartTestsOnPostgres() : DatabaseStartTests(DatabaseProvider.Postgres);
