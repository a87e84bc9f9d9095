using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LeadsBlazor.Web.Data.Sqlite;

/// <summary>The app's model on SQLite, the embedded default; its migrations live in <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteLeadsDbContext(DbContextOptions<SqliteLeadsDbContext> options) : LeadsDbContext(options);

/// <summary>For <c>dotnet ef migrations add … --context SqliteLeadsDbContext</c>: the tools need a context, not a database.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLeadsDbContext>
{
    public SqliteLeadsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLeadsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
