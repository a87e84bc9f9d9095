namespace LeadsBlazor.Web.Components.Shared;

/// <summary>A set of enum values as a list's URL writes it ("draft,sent"), so the offer and project lists read their status filters alike.</summary>
public static class UrlEnums
{
    /// <summary>The values the URL names, in their order; unknown names and numbers are left out.</summary>
    public static IReadOnlyCollection<T> Parse<T>(string? values) where T : struct, Enum =>
        [.. (values ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => Enum.TryParse<T>(name, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(name, out _) ? value : (T?)null)
            .OfType<T>().Distinct().Order()];

    /// <summary>The values as the URL writes them; null when none or exactly the list's <paramref name="defaults"/> are chosen.</summary>
    public static string? Format<T>(IEnumerable<T> values, IReadOnlyList<T> defaults) where T : struct, Enum
    {
        var chosen = values.Distinct().Order().ToList();
        return chosen.Count == 0 || chosen.SequenceEqual(defaults.Order()) ? null : string.Join(',', chosen.Select(s => s.ToString().ToLowerInvariant()));
    }
}
