using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace LeadsBlazor.Web.Data;

/// <summary>
/// The search boxes' text match, the same on both databases: what a user types finds a name whatever its case and
/// however its umlauts are spelt, as German users write them: "müller", "MÜLLER" and "Mueller" all find "Müller", and
/// "cafe" finds "Café". Both sides of the LIKE are folded the way <see cref="Fold"/> folds: on SQLite by that very method
/// (registered as the function <c>leads_fold</c> on every connection), on PostgreSQL by the same steps in SQL
/// (composed, umlauts written out, then <c>unaccent</c> and <c>lower</c>).
/// </summary>
public static class TextSearch
{
    /// <summary>The escape character of every pattern (<see cref="Features.LeadViews.LeadFilter.EscapeLike"/> escapes with it).</summary>
    public const string Escape = "\\";

    /// <summary>The name of <see cref="Fold"/> as an SQLite function.</summary>
    public const string SqliteFunction = "leads_fold";

    private static readonly (string Letter, string Written)[] Umlauts =
        [("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("Ä", "ae"), ("Ö", "oe"), ("Ü", "ue"), ("ẞ", "ss")];

    /// <summary>Whether <paramref name="value"/> matches the LIKE <paramref name="pattern"/> (escaped with <see cref="Escape"/>), in a query only.</summary>
    public static bool Like(string? value, string pattern) =>
        throw new InvalidOperationException($"{nameof(TextSearch)}.{nameof(Like)} runs only inside a database query.");

    /// <summary>Text as the search compares it: umlauts written out (ä → ae, ß → ss), other accents dropped, lower case.</summary>
    public static string? Fold(string? text)
    {
        if (text is null)
        {
            return null;
        }

        // Composed first: text from a Mac spells "ü" as "u" plus a combining mark.
        var folded = new StringBuilder(text.Length + 4);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            var umlaut = Array.FindIndex(Umlauts, u => u.Letter[0] == c);
            if (umlaut >= 0)
            {
                folded.Append(Umlauts[umlaut].Written);
                continue;
            }

            foreach (var part in c.ToString().Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
                {
                    folded.Append(char.ToLowerInvariant(part));
                }
            }
        }

        return folded.ToString();
    }

    internal static void Register(ModelBuilder builder, DbContext context)
    {
        var types = context.GetService<IRelationalTypeMappingSource>();
        var text = types.FindMapping(typeof(string))!;
        var truth = types.FindMapping(typeof(bool))!;
        var escape = new SqlConstantExpression(Escape, text);
        Func<SqlExpression, SqlExpression> fold = context.Database.IsNpgsql()
            ? value => Function("lower", Function("unaccent", Umlauts.Aggregate(Composed(value, text), (folded, u) => Replace(folded, u, text)), text), text)
            : value => Function(SqliteFunction, value, text);
        builder.HasDbFunction(typeof(TextSearch).GetMethod(nameof(Like))!)
            .HasTranslation(args => new LikeExpression(fold(args[0]), fold(args[1]), escape, truth));
    }

    // Composed first, as Fold does: text from a Mac spells "ü" as "u" plus a combining mark (needs a UTF-8 database).
    private static SqlFunctionExpression Composed(SqlExpression value, RelationalTypeMapping text) =>
        new("normalize", [value, new SqlFragmentExpression("NFC")], nullable: true, argumentsPropagateNullability: [true, false], typeof(string), text);

    private static SqlFunctionExpression Replace(SqlExpression value, (string Letter, string Written) umlaut, RelationalTypeMapping text) =>
        new("replace", [value, new SqlConstantExpression(umlaut.Letter, text), new SqlConstantExpression(umlaut.Written, text)],
            nullable: true, argumentsPropagateNullability: [true, false, false], typeof(string), text);

    private static SqlFunctionExpression Function(string name, SqlExpression argument, RelationalTypeMapping text) =>
        new(name, [argument], nullable: true, argumentsPropagateNullability: [true], typeof(string), text);
}
