namespace LeadsBlazor.Web.Components.Layout;

/// <summary>Whether a navigation link leads to the page shown, by the rules of Blazor's <c>NavLink</c>.</summary>
public static class NavTarget
{
    /// <summary>
    /// True when <paramref name="href"/> names the page at <paramref name="relativePath"/>: the same path for an exact
    /// link, the same path or one below it otherwise ("offers" for "offers/12"). Query and fragment do not count, so a
    /// view's link stays current whatever filters it carries; case does not count, as in URLs the app serves.
    /// </summary>
    /// <param name="relativePath">The current address relative to the app's base (<c>NavigationManager.ToBaseRelativePath</c>).</param>
    /// <param name="href">The link's relative address.</param>
    /// <param name="exact">Whether only the same path counts (<c>NavLinkMatch.All</c>).</param>
    public static bool IsCurrent(string relativePath, string href, bool exact)
    {
        var path = PathOf(relativePath);
        var target = PathOf(href).TrimEnd('/');
        if (path.Equals(target, StringComparison.OrdinalIgnoreCase) || path.Equals(target + "/", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return !exact && target.Length > 0 && path.StartsWith(target + "/", StringComparison.OrdinalIgnoreCase);
    }

    private static string PathOf(string address)
    {
        var end = address.IndexOfAny(['?', '#']);
        return end < 0 ? address : address[..end];
    }
}
