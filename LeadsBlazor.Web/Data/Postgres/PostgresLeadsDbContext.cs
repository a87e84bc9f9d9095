using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LeadsBlazor.Web.Data.Postgres;

/// <summary>The app's model on PostgreSQL, for several instances on one database; its migrations live in <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresLeadsDbContext(DbContextOptions<PostgresLeadsDbContext> options) : LeadsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // TextSearch folds accents with unaccent(), and the lead search's indexes are pg_trgm's (contrib extensions that a
        // database owner may create).
        builder.HasPostgresExtension("unaccent");
        builder.HasPostgresExtension("pg_trgm");
    }
}

/// <summary>For <c>dotnet ef migrations add … --context PostgresLeadsDbContext</c>: the tools need a context, not a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresLeadsDbContext>
{
    public PostgresLeadsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLeadsDbContext>().UseNpgsql("Host=localhost;Database=leads").Options);
}
