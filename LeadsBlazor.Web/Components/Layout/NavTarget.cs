using Microsoft.AspNetCore.Components;

namespace LeadsBlazor.Web.Components.Layout;

/// <summary>Whether a navigation link leads to the page shown, as Blazor's <c>NavLink</c> decides it.</summary>
public static class NavTarget
{
    /// <summary>
    /// True when <paramref name="href"/> names the page at <paramref name="relativePath"/>: the same path for an exact
    /// link, the same path or one below it (after a <c>/</c>) otherwise, "offers" for "offers/12". As with NavLink, query
    /// and fragment do not count, so a view's link stays current whatever filters it carries, nor does case, nor a
    /// trailing slash. Links are the app's own relative addresses ("leads/all"), as the navigation writes them.
    /// </summary>
    /// <param name="relativePath">The current address relative to the app's base (<c>NavigationManager.ToBaseRelativePath</c>).</param>
    /// <param name="href">The link's relative address.</param>
    /// <param name="exact">Whether only the same path counts (<c>NavLinkMatch.All</c>).</param>
    public static bool IsCurrent(string relativePath, string href, bool exact)
    {
        var path = PathOf(relativePath).TrimEnd('/');
        var target = PathOf(href).TrimEnd('/');
        if (path.Equals(target, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return !exact && target.Length > 0 && path.StartsWith(target + "/", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The page an address of the app names: its path relative to the app's base, without query and fragment ("leads/all").</summary>
    /// <param name="navigation">The session's navigation manager.</param>
    /// <param name="address">An absolute address of the app; the one shown when null.</param>
    public static string PagePath(this NavigationManager navigation, string? address = null) =>
        PathOf(navigation.ToBaseRelativePath(address ?? navigation.Uri));

    private static string PathOf(string address)
    {
        var end = address.IndexOfAny(['?', '#']);
        return end < 0 ? address : address[..end];
    }
}
