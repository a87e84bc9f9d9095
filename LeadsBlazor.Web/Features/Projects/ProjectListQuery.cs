using System.Security.Claims;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Projects;
using LeadsBlazor.Web.Components.Shared;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Data.Configurations;
using LeadsBlazor.Web.Features.Customers;
using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Projects;

/// <summary>
/// What the project list shows: the statuses (none named: active and finished; archived ones no longer count), the leader,
/// one customer, the labels a project must all carry, and a search over number, name, lead and customer. The list and its
/// export apply the same filter.
/// </summary>
public sealed record ProjectFilter(
    IReadOnlyCollection<ProjectStatus>? Statuses = null,
    string? LeaderUserId = null,
    int? CompanyId = null,
    IReadOnlyCollection<int>? LabelIds = null,
    string? Search = null)
{
    /// <summary>The statuses shown when none are named.</summary>
    public static readonly IReadOnlyList<ProjectStatus> Default = [ProjectStatus.Active, ProjectStatus.Finished];

    public IReadOnlyCollection<ProjectStatus> ShownStatuses => Statuses is { Count: > 0 } named ? named : Default;

    public bool IsUnfiltered => Statuses is not { Count: > 0 } && LeaderUserId is null && CompanyId is null && LabelIds is not { Count: > 0 } && string.IsNullOrWhiteSpace(Search);

    public IQueryable<Project> Apply(IQueryable<Project> projects)
    {
        ArgumentNullException.ThrowIfNull(projects);
        var statuses = ShownStatuses.ToList();
        if (statuses.Count < Enum.GetValues<ProjectStatus>().Length)
        {
            projects = projects.Where(p => statuses.Contains(p.Status));
        }

        if (!string.IsNullOrEmpty(LeaderUserId))
        {
            projects = projects.Where(p => p.LeaderUserId == LeaderUserId);
        }

        if (CompanyId is { } companyId)
        {
            projects = projects.Where(p => p.CompanyId == companyId);
        }

        foreach (var labelId in LabelIds ?? [])
        {
            projects = projects.Where(p => p.Labels.Any(label => label.Id == labelId));
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            // The customer is searched by its name key, so "müller" and "MUELLER" find "Müller GmbH" (as the company and offer lists do).
            var key = "%" + LeadFilter.EscapeLike(CustomerName.Key(Search)) + "%";
            var text = "%" + LeadFilter.EscapeLike(Search.Trim()) + "%";
            projects = projects.Where(p =>
                TextSearch.Like(p.Number, text)
                || TextSearch.Like(p.Name, text)
                || (p.Lead != null && TextSearch.Like(p.Lead.Name, text))
                || (p.Company != null && (TextSearch.Like(p.Company.NameKey, key) || TextSearch.Like(p.Company.Name, text))));
        }

        return projects;
    }

    /// <summary>
    /// The filter as the list's URL (and its export's) names it. The leader is the app bar's responsible filter ("me", a user id,
    /// "all"), so "Ich" shows the projects the user leads as it shows the leads they are responsible for.
    /// </summary>
    public static ProjectFilter FromUrl(ClaimsPrincipal user, string? status, string? responsible, string? customer, string? labels, string? search) =>
        new(UrlEnums.Parse<ProjectStatus>(status),
            LeadViewParameters.Filter(user, responsible, null, null).ResponsibleUserId,
            int.TryParse(customer, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var companyId) && companyId > 0 ? companyId : null,
            LeadViewParameters.ParseLabels(labels),
            string.IsNullOrWhiteSpace(search) ? null : search.Trim());
}

/// <summary>One row of the project list; the amounts in the project's own currency.</summary>
public sealed record ProjectRow(
    int Id,
    string Number,
    string Name,
    int? CompanyId,
    string? Customer,
    int? LeadId,
    string? LeadName,
    string? Leader,
    string? CoLeader,
    ProjectBilling Billing,
    long? BudgetMinor,
    long? HourlyRateMinor,
    string CurrencyCode,
    DateOnly? StartOn,
    DateOnly? FinishOn,
    ProjectStatus Status)
{
    public Money? Budget => BudgetMinor is { } minor ? Money.FromMinorUnits(minor, Currency.Parse(CurrencyCode)) : null;

    public Money? HourlyRate => HourlyRateMinor is { } minor ? Money.FromMinorUnits(minor, Currency.Parse(CurrencyCode)) : null;
}

public sealed record ProjectListPage(IReadOnlyList<ProjectRow> Rows, int Total);

/// <summary>The list of all projects: filter, sort and page in the database, so a long list costs one page of rows and one count.</summary>
public sealed class ProjectListQuery(IDbContextFactory<LeadsDbContext> contexts)
{
    public async Task<ProjectListPage> GetAsync(ProjectFilter filter, string? sortBy, bool descending, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projects = filter.Apply(db.Projects.AsNoTracking());
        var total = await projects.CountAsync(cancellationToken);
        var rows = await Rows(db, Sort(db, projects, sortBy, descending).Skip(Math.Max(0, page) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return new ProjectListPage(rows, total);
    }

    /// <summary>The customer the list is filtered by, as the filter's picker shows it; null when it no longer exists.</summary>
    public async Task<CompanyOption?> CustomerAsync(int companyId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Companies.AsNoTracking().Where(c => c.Id == companyId)
            .Select(c => new CompanyOption(c.Id, c.Name, c.Number, c.City, c.DefaultCurrencyCode)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The rows of <paramref name="projects"/> in their order, for the list and the export.</summary>
    public static IQueryable<ProjectRow> Rows(LeadsDbContext db, IQueryable<Project> projects)
    {
        ArgumentNullException.ThrowIfNull(db);
        return projects.Select(p => new ProjectRow(
            p.Id,
            p.Number,
            p.Name,
            p.CompanyId,
            p.Company != null ? p.Company.Name : null,
            p.LeadId,
            p.Lead != null ? p.Lead.Name : null,
            db.Users.Where(u => u.Id == p.LeaderUserId).Select(u => u.DisplayName).FirstOrDefault(),
            db.Users.Where(u => u.Id == p.CoLeaderUserId).Select(u => u.DisplayName).FirstOrDefault(),
            p.Billing,
            EF.Property<long?>(p, ProjectConfiguration.BudgetMinor),
            EF.Property<long?>(p, ProjectConfiguration.HourlyRateMinor),
            p.CurrencyCode,
            p.StartOn,
            p.FinishOn,
            p.Status));
    }

    /// <summary>
    /// The grid's sort by column name; none (or an unknown one) shows the newest number first. The budget sorts by its stored
    /// cents, whatever the currency: the list shows each project in its own currency and converts none. The period sorts by its start.
    /// An empty customer, lead, budget or start sorts as the smallest on both databases (<see cref="EmptyFirst"/>).
    /// </summary>
    public static IQueryable<Project> Sort(LeadsDbContext db, IQueryable<Project> projects, string? sortBy, bool descending)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (sortBy, descending) switch
        {
            (nameof(ProjectRow.Number), false) => projects.OrderBy(p => p.Number),
            (nameof(ProjectRow.Name), false) => projects.OrderBy(p => p.Name).ThenBy(p => p.Number),
            (nameof(ProjectRow.Name), true) => projects.OrderByDescending(p => p.Name).ThenBy(p => p.Number),
            (nameof(ProjectRow.Customer), var desc) => projects.OrderByEmptyFirst(p => p.Company != null ? p.Company.NameKey : null, desc).ThenBy(p => p.Number),
            (nameof(ProjectRow.LeadName), var desc) => projects.OrderByEmptyFirst(p => p.Lead != null ? p.Lead.Name : null, desc).ThenBy(p => p.Number),
            (nameof(ProjectRow.Leader), false) => projects.OrderBy(p => db.Users.Where(u => u.Id == p.LeaderUserId).Select(u => u.DisplayName).FirstOrDefault()).ThenBy(p => p.Number),
            (nameof(ProjectRow.Leader), true) => projects.OrderByDescending(p => db.Users.Where(u => u.Id == p.LeaderUserId).Select(u => u.DisplayName).FirstOrDefault()).ThenBy(p => p.Number),
            (nameof(ProjectRow.Budget), var desc) => projects.OrderByEmptyFirst(p => EF.Property<long?>(p, ProjectConfiguration.BudgetMinor), desc).ThenBy(p => p.Number),
            (nameof(ProjectRow.StartOn), var desc) => projects.OrderByEmptyFirst(p => p.StartOn, desc).ThenBy(p => p.Number),
            (nameof(ProjectRow.Status), false) => projects.OrderBy(p => p.Status).ThenBy(p => p.Number),
            (nameof(ProjectRow.Status), true) => projects.OrderByDescending(p => p.Status).ThenBy(p => p.Number),
            _ => projects.OrderByDescending(p => p.Number),
        };
    }
}
