using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;

namespace LeadsBlazor.Web.Features.Leads;

/// <summary>A lead's main values at one version: what a conflict reports and what a form starts from.</summary>
public sealed record LeadSnapshot(
    int Id,
    long Version,
    string Name,
    LeadStatus Status,
    int? StageId,
    Money Revenue,
    DateOnly? NextActionOn,
    string? NextAction,
    string ResponsibleUserId,
    DateOnly? ClosedOn)
{
    public static LeadSnapshot Of(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return new(lead.Id, lead.Version, lead.Name, lead.Status, lead.StageId, lead.Revenue, lead.NextActionOn, lead.NextAction, lead.ResponsibleUserId, lead.ClosedOn);
    }
}
