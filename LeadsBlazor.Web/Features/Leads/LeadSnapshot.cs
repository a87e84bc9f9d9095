using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;

namespace LeadsBlazor.Web.Features.Leads;

/// <summary>A lead's values at one version: what a conflict reports and what the lead form starts from (company, contact, info, service period and labels included).</summary>
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
    public string? Company { get; init; }

    public int? CompanyId { get; init; }

    public string? ContactPerson { get; init; }

    public int? ContactPersonId { get; init; }

    /// <summary>The company the contact person belongs to (none for a private client).</summary>
    public int? ContactCompanyId { get; init; }

    public string? Info { get; init; }

    public DateOnly? ServiceFrom { get; init; }

    public DateOnly? ServiceTo { get; init; }

    public IReadOnlyCollection<int> LabelIds { get; init; } = [];

    /// <summary>The lead with its company, contact and labels loaded.</summary>
    public static LeadSnapshot Of(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return new(lead.Id, lead.Version, lead.Name, lead.Status, lead.StageId, lead.Revenue, lead.NextActionOn, lead.NextAction, lead.ResponsibleUserId, lead.ClosedOn)
        {
            Company = lead.Company?.Name,
            CompanyId = lead.CompanyId,
            ContactPerson = lead.ContactPerson?.Name,
            ContactPersonId = lead.ContactPersonId,
            ContactCompanyId = lead.ContactPerson?.CompanyId,
            Info = lead.Info,
            ServiceFrom = lead.ServiceFrom,
            ServiceTo = lead.ServiceTo,
            LabelIds = [.. lead.Labels.Select(l => l.Id)],
        };
    }
}
