using LeadsBlazor.Domain.Leads;

namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>
/// Rule 1 and 5 as query filters the database runs: <see cref="LeadStatusExtensions.IsOpen"/> and
/// <see cref="Lead.IsDue"/> cannot be translated to SQL, so their one SQL form lives here.
/// </summary>
public static class LeadQueries
{
    public static IQueryable<Lead> Open(this IQueryable<Lead> leads) =>
        leads.Where(l => l.Status == LeadStatus.Potential || l.Status == LeadStatus.Running);

    /// <summary>Open leads whose next action is <paramref name="today"/> or earlier (in the account's time zone).</summary>
    public static IQueryable<Lead> Due(this IQueryable<Lead> leads, DateOnly today) =>
        leads.Open().Where(l => l.NextActionOn <= today);
}
