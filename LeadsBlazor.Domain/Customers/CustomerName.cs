using System.Globalization;
using System.Text;

namespace LeadsBlazor.Domain.Customers;

/// <summary>
/// How customer names compare: "Müller GmbH", "MÜLLER gmbh" and "Mueller  GmbH" are one company, as German spelling
/// has it. The key folds case, writes umlauts and ß out (ä → ae, ß → ss), drops other accents (é → e) and collapses
/// spaces; the
/// database keeps it beside the name, so uniqueness and lookups need no collation of their own.
/// </summary>
public static class CustomerName
{
    public static string Key(string? name)
    {
        var folded = new StringBuilder(name?.Length ?? 0);
        var space = false;
        // Composed first: text from macOS or a Mac-made sheet spells "ü" as "u" plus a combining mark.
        foreach (var c in (name ?? "").Normalize(NormalizationForm.FormC).Trim().ToLowerInvariant())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && folded.Length > 0)
            {
                folded.Append(' ');
            }

            space = false;
            folded.Append(c switch
            {
                'ä' => "ae",
                'ö' => "oe",
                'ü' => "ue",
                'ß' => "ss",
                _ => RemoveAccents(c),
            });
        }

        return folded.ToString();
    }

    private static string RemoveAccents(char c)
    {
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark).ToArray();
        return new string(kept).Normalize(NormalizationForm.FormC);
    }
}
