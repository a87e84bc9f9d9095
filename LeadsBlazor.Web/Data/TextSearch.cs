using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace LeadsBlazor.Web.Data;

/// <summary>
/// The search boxes' text match, the same on both databases: what a user types finds a name whatever its case, and on
/// PostgreSQL whatever its accents. SQLite's LIKE folds ASCII case by itself; PostgreSQL's LIKE folds nothing, so there
/// both sides go through <c>lower(unaccent(…))</c> ("mueller" still needs the company's name key, see CustomerName).
/// </summary>
public static class TextSearch
{
    /// <summary>The escape character of every pattern (<see cref="Features.LeadViews.LeadFilter.EscapeLike"/> escapes with it).</summary>
    public const string Escape = "\\";

    /// <summary>Whether <paramref name="value"/> matches the LIKE <paramref name="pattern"/> (escaped with <see cref="Escape"/>), in a query only.</summary>
    public static bool Like(string? value, string pattern) =>
        throw new InvalidOperationException($"{nameof(TextSearch)}.{nameof(Like)} runs only inside a database query.");

    internal static void Register(ModelBuilder builder, DbContext context)
    {
        var types = context.GetService<IRelationalTypeMappingSource>();
        var text = types.FindMapping(typeof(string))!;
        var truth = types.FindMapping(typeof(bool))!;
        var escape = new SqlConstantExpression(Escape, text);
        var folds = context.Database.IsNpgsql();
        builder.HasDbFunction(typeof(TextSearch).GetMethod(nameof(Like))!)
            .HasTranslation(args => folds
                ? new LikeExpression(Fold(args[0], text), Fold(args[1], text), escape, truth)
                : new LikeExpression(args[0], args[1], escape, truth));
    }

    private static SqlFunctionExpression Fold(SqlExpression value, RelationalTypeMapping text) =>
        Function("lower", Function("unaccent", value, text), text);

    private static SqlFunctionExpression Function(string name, SqlExpression argument, RelationalTypeMapping text) =>
        new(name, [argument], nullable: true, argumentsPropagateNullability: [true], typeof(string), text);
}
