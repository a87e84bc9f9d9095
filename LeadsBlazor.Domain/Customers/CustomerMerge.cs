using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Projects;

namespace LeadsBlazor.Domain.Customers;

/// <summary>
/// Merges a duplicate company into the one that stays: its leads, projects, contact persons and history move over, each
/// lead and project records its new customer, and the surviving company records the merge. The caller deletes the source afterwards.
/// </summary>
public static class CustomerMerge
{
    public static void Merge(Company source, Company target, IEnumerable<Lead> leadsOfSource, IEnumerable<Project> projectsOfSource, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(projectsOfSource);
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

        foreach (var project in projectsOfSource)
        {
            project.MoveToCompany(source, target, actor);
        }
    }
}
