using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;

namespace LeadsBlazor.Domain.Customers;

/// <summary>
/// Merges a duplicate company into the one that stays: its leads, contact persons and history move over, each lead
/// records its new customer, and the surviving company records the merge. The caller deletes the source afterwards.
/// </summary>
public static class CustomerMerge
{
    public static void Merge(Company source, Company target, IEnumerable<Lead> leadsOfSource, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(leadsOfSource);
        target.Absorb(source, actor);
        foreach (var lead in leadsOfSource)
        {
            if (!ReferenceEquals(lead.Company, source) && (source.Id == 0 || lead.CompanyId != source.Id))
            {
                throw new InvalidOperationException($"Lead {lead.Id} is not a lead of {source.Name}.");
            }

            lead.MoveToCompany(target, actor);
        }
    }
}
