using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Projects;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Data.Configurations;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Customers;

/// <summary>A project for the company, as its page lists it, with the lead it came from (none for a project on its own).</summary>
public sealed record CompanyProject(int Id, string Number, string Name, int? LeadId, string? LeadName, ProjectStatus Status, Money? Budget);

/// <summary>
/// The company's projects, newest first: the customer's page asks the database itself, since the customer directory does
/// not depend on the projects feature (projects depend on customers).
/// </summary>
public sealed class CompanyProjectsQuery(IDbContextFactory<LeadsDbContext> contexts)
{
    public async Task<IReadOnlyList<CompanyProject>> GetAsync(int companyId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Projects.AsNoTracking().Where(p => p.CompanyId == companyId).OrderByDescending(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Number, p.Name, p.LeadId, LeadName = p.Lead == null ? null : p.Lead.Name, p.Status, p.CurrencyCode,
                Budget = EF.Property<long?>(p, ProjectConfiguration.BudgetMinor),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(p => new CompanyProject(p.Id, p.Number, p.Name, p.LeadId, p.LeadName, p.Status,
            p.Budget is { } minor ? Money.FromMinorUnits(minor, Currency.Parse(p.CurrencyCode)) : null))];
    }
}
