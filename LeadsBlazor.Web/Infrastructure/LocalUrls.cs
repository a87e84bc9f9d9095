namespace LeadsBlazor.Web.Infrastructure;

public static class LocalUrls
{
    /// <summary>
    /// A path inside this app ("leads", "/leads?x=1"), not another site ("//evil", "/\evil", "https://…")
    /// and without control characters, which browsers strip before they resolve a URL.
    /// </summary>
    public static bool IsLocal(string? url) =>
        url is not null
        && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(c => char.IsControl(c) || c == '\\')
        && !url.Contains("%09", StringComparison.OrdinalIgnoreCase) && !url.Contains("%0a", StringComparison.OrdinalIgnoreCase) && !url.Contains("%0d", StringComparison.OrdinalIgnoreCase)
        && Uri.IsWellFormedUriString(url, UriKind.Relative);
}
