using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Components.Shared;

/// <summary>
/// A text with a count in it, in the singular when the count is one ("1 Lead", "enthält 1 laufenden Lead")
/// and in the plural otherwise ("0 Leads", "3 Leads"): German and English both have just these two forms.
/// </summary>
public static class Plurals
{
    public static string Plural(this IStringLocalizer text, long count, string oneKey, string manyKey, params object[] values)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[count == 1 ? oneKey : manyKey, values];
    }
}
