using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Projects;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Data.Configurations;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Projects;

/// <summary>A project as its lead's page lists it.</summary>
public sealed record LeadProject(int Id, string Number, string Name, string LeaderName, Money? Budget, DateOnly? StartOn, DateOnly? FinishOn, ProjectStatus Status);

/// <summary>The projects made from a lead (several per lead, Rule 11), oldest first, and whether the lead is won (only then it makes more).</summary>
public sealed record LeadProjectList(IReadOnlyList<LeadProject> Projects, bool LeadIsWon);

public sealed class LeadProjectsQuery(IDbContextFactory<LeadsDbContext> contexts)
{
    /// <summary>The lead's projects; null when there is no such lead.</summary>
    public async Task<LeadProjectList?> GetAsync(int leadId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var status = await db.Leads.AsNoTracking().Where(l => l.Id == leadId).Select(l => (LeadStatus?)l.Status).SingleOrDefaultAsync(cancellationToken);
        if (status is null)
        {
            return null;
        }

        var rows = await db.Projects.AsNoTracking().Where(p => p.LeadId == leadId).OrderBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Number, p.Name, p.StartOn, p.FinishOn, p.Status, p.CurrencyCode,
                Leader = db.Users.Where(u => u.Id == p.LeaderUserId).Select(u => u.DisplayName).FirstOrDefault(),
                Budget = EF.Property<long?>(p, ProjectConfiguration.BudgetMinor),
            })
            .ToListAsync(cancellationToken);
        return new LeadProjectList(
            [.. rows.Select(p => new LeadProject(p.Id, p.Number, p.Name, p.Leader ?? "", p.Budget is { } minor ? Money.FromMinorUnits(minor, Currency.Parse(p.CurrencyCode)) : null,
                p.StartOn, p.FinishOn, p.Status))],
            status == LeadStatus.Won);
    }

    /// <summary>How many projects were made from the lead (reopening it asks first when there are any).</summary>
    public async Task<int> CountAsync(int leadId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Projects.CountAsync(p => p.LeadId == leadId, cancellationToken);
    }
}
