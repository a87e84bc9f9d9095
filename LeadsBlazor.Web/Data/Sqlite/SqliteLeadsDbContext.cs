using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LeadsBlazor.Web.Data.Sqlite;

/// <summary>The app's model on SQLite, the embedded default; its migrations live in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteLeadsDbContext(DbContextOptions<SqliteLeadsDbContext> options) : LeadsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // The lead search's FTS5 table, which only SQLite has (PostgreSQL searches with trigram indexes on the tables themselves).
        LeadSearchEntry.Map(builder, this);
    }
}

/// <summary>For <c>dotnet ef migrations add … --context SqliteLeadsDbContext</c>: the tools need a context, not a database.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLeadsDbContext>
{
    // With the app's connection settings: the migration LeadSearchIndex and its triggers call leads_fold (dotnet ef database update).
    public SqliteLeadsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLeadsDbContext>().UseSqlite("Data Source=design-time.db")
            .AddInterceptors(new SqlitePragmas(SqlitePragmas.DefaultBusyTimeout)).Options);
}
