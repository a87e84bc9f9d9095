using System.Globalization;
using LeadsBlazor.Domain.Leads;

namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>
/// A <see cref="LeadFilter"/> as a key that compares by value: two sessions whose filters show the same leads get equal
/// keys, so they share one computation of the view (<see cref="Infrastructure.Live.SharedViews"/>). The labels are a set
/// (a lead must carry all of them), so their order does not count.
/// </summary>
public sealed record FilterKey(string? ResponsibleUserId, string LabelIds, string? Search, LeadStatus? Status, int? CompanyId)
{
    public static FilterKey Of(LeadFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var labels = string.Join(',', (filter.LabelIds ?? []).Distinct().Order().Select(id => id.ToString(CultureInfo.InvariantCulture)));
        return new FilterKey(
            string.IsNullOrEmpty(filter.ResponsibleUserId) ? null : filter.ResponsibleUserId,
            labels,
            string.IsNullOrWhiteSpace(filter.Search) ? null : filter.Search.Trim(),
            filter.Status,
            filter.CompanyId);
    }
}
