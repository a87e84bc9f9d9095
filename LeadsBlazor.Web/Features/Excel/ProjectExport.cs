using LeadsBlazor.Domain.Projects;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Projects;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace LeadsBlazor.Web.Features.Excel;

/// <summary>
/// Writes the project list as it is filtered and sorted on screen, every row, as an .xlsx sheet: headers in the user's language,
/// amounts as numbers in the project's own currency (named in its own column), dates as dates.
/// </summary>
public sealed class ProjectExport(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account, IStringLocalizer<SharedResource> text)
{
    /// <summary>The columns in the sheet's order; the headers are the project's field names.</summary>
    private static readonly ExportColumn[] Columns =
    [
        new("Number", "ProjectField.Number", 14),
        new("Name", "ProjectSheet.Name", 32),
        new("Customer", "ProjectField.Company", 28),
        new("Lead", "ProjectField.Lead", 28),
        new("Leader", "ProjectField.Leader", 22),
        new("CoLeader", "ProjectField.CoLeader", 22),
        new("Billing", "ProjectField.Billing", 14),
        new("Budget", "ProjectField.Budget", 14, LeadSheet.MoneyFormat),
        new("HourlyRate", "ProjectField.HourlyRate", 12, LeadSheet.MoneyFormat),
        new("Currency", "ProjectField.Currency", 10),
        new("StartOn", "ProjectField.StartOn", 12, LeadSheet.DateFormat),
        new("FinishOn", "ProjectField.FinishOn", 12, LeadSheet.DateFormat),
        new("Status", "ProjectField.Status", 14),
        new("Labels", "ProjectField.Labels", 24),
    ];

    /// <summary>The download's name, "projects-2026-12-01.xlsx", dated in the account's time zone; known before the first row.</summary>
    public async Task<string> FileNameAsync(CancellationToken cancellationToken = default) =>
        $"projects-{await account.TodayAsync(cancellationToken):yyyy-MM-dd}.xlsx";

    /// <summary>Writes the sheet.</summary>
    public async Task WriteAsync(ProjectFilter filter, string? sortBy, bool descending, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var statuses = Enum.GetValues<ProjectStatus>().ToDictionary(s => s, s => text[$"ProjectStatus.{s}"].Value);
        var billings = Enum.GetValues<ProjectBilling>().ToDictionary(b => b, b => text[$"ProjectBilling.{b}"].Value);
        var projects = filter.Apply(db.Projects.AsNoTracking());
        // A project carries a few labels: all of them for the filtered projects fit in memory, the rows themselves stream.
        var labels = (await projects.SelectMany(p => p.Labels, (p, l) => new { ProjectId = p.Id, l.Name }).ToListAsync(cancellationToken))
            .GroupBy(l => l.ProjectId)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(l => l.Name).Order(StringComparer.CurrentCultureIgnoreCase)));
        var rows = ProjectListQuery.Rows(db, ProjectListQuery.Sort(db, projects, sortBy, descending))
            .AsAsyncEnumerable()
            .Select(row => new Dictionary<string, object?>
            {
                ["Number"] = row.Number,
                ["Name"] = row.Name,
                ["Customer"] = row.Customer,
                ["Lead"] = row.LeadName,
                ["Leader"] = row.Leader,
                ["CoLeader"] = row.CoLeader,
                ["Billing"] = billings[row.Billing],
                ["Budget"] = row.Budget?.Amount,
                ["HourlyRate"] = row.HourlyRate?.Amount,
                ["Currency"] = row.CurrencyCode,
                ["StartOn"] = row.StartOn?.ToDateTime(TimeOnly.MinValue),
                ["FinishOn"] = row.FinishOn?.ToDateTime(TimeOnly.MinValue),
                ["Status"] = statuses[row.Status],
                ["Labels"] = labels.GetValueOrDefault(row.Id),
            });
        await output.SaveAsAsync(rows, sheetName: text["Page.Projects.Title"], excelType: ExcelType.XLSX, configuration: ExportSheet.Configuration(text, Columns), cancellationToken: cancellationToken);
    }
}
