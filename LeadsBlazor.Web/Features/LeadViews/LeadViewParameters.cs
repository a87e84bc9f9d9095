using System.Globalization;
using System.Security.Claims;
using LeadsBlazor.Web.Components.Shared;
using Microsoft.AspNetCore.WebUtilities;

namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>The view filters every lead page reads from its URL (?responsible=me&amp;labels=1,2&amp;q=text), so a view can be bookmarked and shared.</summary>
public static class LeadViewParameters
{
    public static LeadFilter Filter(ClaimsPrincipal user, string? responsible, string? labels, string? search)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.UserId();
        return new LeadFilter(
            ResponsibleUserId: responsible == "me" ? userId : string.IsNullOrEmpty(responsible) || responsible == "all" ? null : responsible,
            LabelIds: ParseLabels(labels),
            Search: search);
    }

    /// <summary>The query keys of the view filters, which every lead view shares (the list's tab is not one of them).</summary>
    public static readonly IReadOnlyList<string> FilterKeys = ["responsible", "labels", "q"];

    /// <summary>The pages that show leads through these filters: a label chosen in the navigation filters such a page in place.</summary>
    public static readonly IReadOnlySet<string> FilteredPages = new HashSet<string>(StringComparer.Ordinal)
    {
        "leads", "leads/potential", "leads/all", "leads/attention", "leads/forecast", "leads/outcomes",
    };

    /// <summary><paramref name="path"/> with the view filters of <paramref name="currentUri"/>: switching views keeps what the user filters by.</summary>
    public static string KeepFilters(string path, string currentUri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(currentUri).Query);
        return QueryHelpers.AddQueryString(path, [.. FilterKeys
            .Where(key => query.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value))
            .Select(key => KeyValuePair.Create(key, (string?)query[key].ToString()))]);
    }

    /// <summary>The responsible filter's value in <paramref name="uri"/>: "me", a user id, or null for all.</summary>
    public static string? Responsible(string uri) =>
        QueryHelpers.ParseQuery(new Uri(uri).Query).TryGetValue("responsible", out var value) && !string.IsNullOrEmpty(value) && value != "all" ? value.ToString() : null;

    /// <summary>
    /// The most labels one filter names. Each is one more condition in the query, and a thousand of them
    /// nest deeper than SQLite parses; nobody picks more than a handful by hand.
    /// </summary>
    public const int MaxLabels = 20;

    /// <summary>Whether the URL names more labels than a filter takes; an endpoint answers it with 400, a page reads the first <see cref="MaxLabels"/>.</summary>
    public static bool TooManyLabels(string? labels) => (labels ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Length > MaxLabels;

    public static IReadOnlyCollection<int> ParseLabels(string? labels) =>
        [.. (labels ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(n => n > 0).Distinct().Take(MaxLabels)];
}
