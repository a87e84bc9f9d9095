using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace LeadsBlazor.Web.Data.Sqlite;

/// <summary>
/// A row of SQLite's FTS5 table <c>LeadSearch</c>: one per lead (its rowid is the lead's id) with the lead's, its customer's and
/// its contact's name folded as the search folds them. The migration <c>LeadSearchIndex</c> creates the table and the triggers
/// that keep it; EF only reads it, as a view (so it neither creates nor copies it). See <see cref="LeadSearch"/>.
/// </summary>
public sealed class LeadSearchEntry
{
    public const string TableName = "LeadSearch";

    public int LeadId { get; private set; }

    public string? Name { get; private set; }

    public string? Customer { get; private set; }

    public string? Contact { get; private set; }

    /// <summary>FTS5's hidden column named after the table: MATCH on it searches every column.</summary>
    public string? Table { get; private set; }

    /// <summary>FTS5's <c>match(query, column)</c>, the function form of <c>column MATCH query</c>, which SQLite hands to the index as well.</summary>
    public static bool Match(string query, string? column) =>
        throw new InvalidOperationException($"{nameof(LeadSearchEntry)}.{nameof(Match)} runs only inside a database query.");

    internal static void Map(ModelBuilder builder, DbContext context)
    {
        builder.Entity<LeadSearchEntry>(entry =>
        {
            entry.HasNoKey().ToView(TableName);
            entry.Property(e => e.LeadId).HasColumnName("rowid");
            entry.Property(e => e.Table).HasColumnName(TableName);
        });

        var truth = context.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(bool))!;
        builder.HasDbFunction(typeof(LeadSearchEntry).GetMethod(nameof(Match))!)
            .HasTranslation(args => new SqlFunctionExpression("match", args, nullable: false, argumentsPropagateNullability: [false, false], typeof(bool), truth));
    }
}
