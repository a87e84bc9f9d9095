using LeadsBlazor.Domain.Projects;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Customers;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Projects;

/// <summary>A user the project form offers as leader or co-leader.</summary>
public sealed record ProjectUserOption(string Id, string Name);

/// <summary>
/// What the project form offers: the active users (a project led by someone who left reminds no one), the labels, the
/// account's currencies (the account's own first) and the customer and contact person the input names, as the pickers show them.
/// </summary>
public sealed record ProjectFormOptions(
    IReadOnlyList<ProjectUserOption> Users,
    IReadOnlyList<LabelChip> Labels,
    IReadOnlyList<string> Currencies,
    CompanyOption? Company,
    PersonOption? Contact);

/// <summary>A project's details as the edit dialog starts from them, at the version the user saw.</summary>
public sealed record StoredProjectInput(ProjectInput Input, long Version, int? LeadId);

public sealed class ProjectFormQuery(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account, CustomerSearchQuery directory)
{
    public async Task<ProjectFormOptions> OptionsAsync(ProjectInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await account.GetAsync(cancellationToken);
        var (company, contact) = await directory.ChosenAsync(input.CompanyId, input.ContactPersonId, cancellationToken);
        return new ProjectFormOptions(
            await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName).Select(u => new ProjectUserOption(u.Id, u.DisplayName)).ToListAsync(cancellationToken),
            await LabelListQuery.Chips(db).ToListAsync(cancellationToken),
            [.. settings.Currencies.Select(c => c.Code).OrderBy(code => code != settings.CurrencyCode).ThenBy(code => code, StringComparer.Ordinal)],
            company,
            contact);
    }

    /// <summary>The project's details as saved now; null when there is no such project.</summary>
    public async Task<StoredProjectInput?> GetAsync(int projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var project = await db.Projects.AsNoTracking().Include(p => p.Labels).SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        return project is null ? null : new StoredProjectInput(InputOf(project), project.Version, project.LeadId);
    }

    private static ProjectInput InputOf(Project project) => new()
    {
        Name = project.Name,
        CompanyId = project.CompanyId,
        ContactPersonId = project.ContactPersonId,
        LeaderUserId = project.LeaderUserId,
        CoLeaderUserId = project.CoLeaderUserId,
        CurrencyCode = project.CurrencyCode,
        Billing = project.Billing,
        Budget = project.Budget?.Amount,
        HourlyRate = project.HourlyRate?.Amount,
        StartOn = project.StartOn,
        FinishOn = project.FinishOn,
        LabelIds = [.. project.Labels.Select(l => l.Id).Order()],
        Info = project.Info,
    };
}
