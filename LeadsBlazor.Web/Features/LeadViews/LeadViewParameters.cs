using System.Globalization;
using System.Security.Claims;
using LeadsBlazor.Web.Components.Shared;

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

    public static IReadOnlyCollection<int> ParseLabels(string? labels) =>
        [.. (labels ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(n => n > 0).Distinct()];
}
