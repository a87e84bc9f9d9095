using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace LeadsBlazor.Web.Data;

/// <summary>
/// The search boxes' text match, the same on both databases: what a user types finds a name whatever its case and
/// however its umlauts are spelt, as German users write them: "müller", "MÜLLER" and "Mueller" all find "Müller", and
/// "cafe" finds "Café". Both sides of the LIKE are folded the way <see cref="Fold"/> folds, by the database function
/// <c>leads_fold</c>: on SQLite that very method (registered on every connection), on PostgreSQL the same steps in SQL
/// (composed, umlauts written out, then <c>unaccent</c> and <c>lower</c>; created by the migration <c>LeadSearchIndex</c>,
/// which indexes it). The lead views' search reaches the same results through an index: see <see cref="LeadSearch"/>.
/// </summary>
public static class TextSearch
{
    /// <summary>The escape character of every pattern (<see cref="Features.LeadViews.LeadFilter.EscapeLike"/> escapes with it).</summary>
    public const string Escape = "\\";

    /// <summary>The name of <see cref="Fold"/> as a database function (both databases).</summary>
    public const string FoldFunction = "leads_fold";

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

        // Most names are plain ASCII: one lower-casing, no per-letter work. SQLite calls this for every name a lead, company or
        // person gets (the search index's triggers), so filling the index for a million leads costs three million of these.
        if (Ascii.IsValid(text))
        {
            return text.ToLowerInvariant();
        }

        // Composed first: text from a Mac spells "ü" as "u" plus a combining mark.
        var composed = text.Normalize(NormalizationForm.FormC);
        var folded = new StringBuilder(composed.Length + 4);
        foreach (var c in composed)
        {
            if (char.IsAscii(c))
            {
                folded.Append(char.ToLowerInvariant(c));
            }
            else if (WrittenOut(c) is { } written)
            {
                folded.Append(written);
            }
            else
            {
                foreach (var part in c.ToString().Normalize(NormalizationForm.FormD))
                {
                    if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
                    {
                        folded.Append(char.ToLowerInvariant(part));
                    }
                }
            }
        }

        return folded.ToString();
    }

    // How German writes an umlaut or ß without it.
    private static string? WrittenOut(char letter) => letter switch
    {
        'ä' or 'Ä' => "ae",
        'ö' or 'Ö' => "oe",
        'ü' or 'Ü' => "ue",
        'ß' or 'ẞ' => "ss",
        _ => null,
    };

    /// <summary>
    /// Makes <c>leads_fold</c> known to an SQLite connection. The app's own connections get it as they open (SqlitePragmas);
    /// a connection opened by hand that writes leads, companies or people needs it too, as the lead search's triggers call it.
    /// </summary>
    public static void AddTo(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.CreateFunction<string?, string?>(FoldFunction, Fold, isDeterministic: true);
    }

    internal static void Register(ModelBuilder builder, DbContext context)
    {
        var types = context.GetService<IRelationalTypeMappingSource>();
        var text = types.FindMapping(typeof(string))!;
        var truth = types.FindMapping(typeof(bool))!;
        var escape = new SqlConstantExpression(Escape, text);
        // The same function name on both databases: on SQLite the app registers Fold on every connection, on PostgreSQL the
        // migration LeadSearchIndex creates it (IMMUTABLE, so the trigram indexes can be built on it).
        SqlExpression Fold(SqlExpression value) => Function(FoldFunction, value, text);
        builder.HasDbFunction(typeof(TextSearch).GetMethod(nameof(Like))!)
            .HasTranslation(args => new LikeExpression(Fold(args[0]), Fold(args[1]), escape, truth));
    }

    private static SqlFunctionExpression Function(string name, SqlExpression argument, RelationalTypeMapping text) =>
        new(name, [argument], nullable: true, argumentsPropagateNullability: [true], typeof(string), text);
}
