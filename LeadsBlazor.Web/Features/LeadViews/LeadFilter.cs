using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>
/// What a lead view shows (Rule 10): the responsible user (null = everyone), the labels a lead must
/// all carry, a search over name, customer and contact, the status, and one customer (a company page's
/// leads). Board, lists, figures and export all apply the same filter.
/// </summary>
public sealed record LeadFilter(
    string? ResponsibleUserId = null,
    IReadOnlyCollection<int>? LabelIds = null,
    string? Search = null,
    LeadStatus? Status = null,
    int? CompanyId = null)
{
    /// <param name="leads">The leads to filter.</param>
    /// <param name="firstRows">
    /// The query reads only its first rows in an index's order (a column's page): a label is then checked lead by lead in the
    /// join table's key, which stops with the page. Without it a label's leads are listed once from that key, which serves
    /// sums and counts over all of them (checked lead by lead, they took twice as long at a million leads; listed for a page,
    /// every page paid for the whole list).
    /// </param>
    public IQueryable<Lead> Apply(IQueryable<Lead> leads, bool firstRows = false)
    {
        ArgumentNullException.ThrowIfNull(leads);
        if (Status is { } status)
        {
            leads = leads.Where(l => l.Status == status);
        }

        if (CompanyId is { } companyId)
        {
            leads = leads.Where(l => l.CompanyId == companyId);
        }

        if (!string.IsNullOrEmpty(ResponsibleUserId))
        {
            leads = leads.Where(l => l.ResponsibleUserId == ResponsibleUserId);
        }

        foreach (var labelId in LabelIds ?? [])
        {
            leads = firstRows ? LeadSearch.LabelledLeadByLead(leads, labelId) : LeadSearch.Labelled(leads, labelId);
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            leads = LeadSearch.Matching(leads, Search.Trim());
        }

        return leads;
    }

    /// <summary>Whether the user narrowed the view (responsible user, labels or search), so an empty view means "nothing matches".</summary>
    public bool Narrowed => !string.IsNullOrEmpty(ResponsibleUserId) || LabelIds is { Count: > 0 } || !string.IsNullOrWhiteSpace(Search);

    /// <summary>Whether two filters show the same leads: as a record with a collection it would compare the label lists by reference.</summary>
    public bool SameAs(LeadFilter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ResponsibleUserId == other.ResponsibleUserId && Search == other.Search && Status == other.Status && CompanyId == other.CompanyId
            && (LabelIds ?? []).SequenceEqual(other.LabelIds ?? []);
    }

    /// <summary>The user searches for text, not for LIKE wildcards: escapes them for a LIKE with the escape character \\.</summary>
    public static string EscapeLike(string text) =>
        (text ?? "").Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
