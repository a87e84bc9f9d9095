using System.Globalization;
using System.Runtime.CompilerServices;
using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Pipeline;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Data.Configurations;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace LeadsBlazor.Web.Features.Excel;

/// <summary>
/// Writes the leads of a view as an .xlsx sheet (Rule 10), in the view's order. The leads stream from one ordered query
/// straight into MiniExcel, a chunk of <see cref="ChunkSize"/> at a time with their labels, so the first row goes out as soon
/// as the database has sorted, and memory stays nearly flat however many leads the account has; only the users, stages,
/// reasons and rates are held.
/// </summary>
public sealed class LeadExport(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public const int ChunkSize = 2_000;

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The download's name, "leads-2026-11-30.xlsx", dated in the account's time zone; known before the first row.</summary>
    public async Task<string> FileNameAsync(CancellationToken cancellationToken = default) =>
        $"leads-{await account.TodayAsync(cancellationToken):yyyy-MM-dd}.xlsx";

    /// <summary>Writes the sheet, named after the view, with the rows in the view's order.</summary>
    public async Task WriteAsync(LeadFilter filter, LeadView view, Stream output, CancellationToken cancellationToken = default, string? sortBy = null, bool descending = false)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The labels of each chunk are read on a second connection while the leads' reader stays open: PostgreSQL runs one
        // command at a time on a connection.
        await using var labelsDb = await contexts.CreateDbContextAsync(cancellationToken);
        var lookups = await SheetLookups.LoadAsync(db, await account.GetAsync(cancellationToken), time, cancellationToken);
        var texts = new SheetTexts(
            Enum.GetValues<LeadStatus>().ToDictionary(s => s, s => text[$"Status.{s}"].Value),
            text["Sheet.Yes"],
            text["Sheet.No"]);
        var rows = Rows(db, labelsDb, filter, sortBy, descending, lookups, texts, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true), cancellationToken);
        var (sheetName, configuration) = (SheetName(view, filter.Status), Configuration(text));
        await ExportSheet.WriteInvariantAsync(() => output.SaveAsAsync(rows, sheetName: sheetName, excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: cancellationToken));
    }

    /// <summary>The sheet's columns with their headers in the user's language, widths and formats; frozen bold header row with a filter.</summary>
    public static OpenXmlConfiguration Configuration(IStringLocalizer text) => new()
    {
        AutoFilter = true,
        FreezeRowCount = 1,
        TableStyles = TableStyles.Default,
        DynamicColumns = [.. LeadSheet.Columns.Select(c => new DynamicExcelColumn(c.Key.ToString()) { Name = text[c.HeaderKey], Width = c.Width, Format = c.Format })],
    };

    /// <summary>The view's name in the user's language ("Alle Leads – Verloren"), as a sheet name may be: at most 31 characters, none of []:*?/\.</summary>
    public string SheetName(LeadView view, LeadStatus? status)
    {
        var name = view switch
        {
            LeadView.Board => text["Page.Board.Title"].Value,
            LeadView.Potential => text["Page.Potential.Title"].Value,
            _ when status is { } shown => $"{text["Page.AllLeads.Title"]} – {text[$"Status.{shown}"]}",
            _ => text["Page.AllLeads.Title"].Value,
        };
        var allowed = new string([.. name.Where(c => !"[]:*?/\\".Contains(c))]).Trim();
        return allowed.Length > 31 ? allowed[..31].TrimEnd() : allowed;
    }

    // The rows in the order the view shows its leads: the list's sort from its URL, else the default (the board's: next action, then id).
    // One ordered query streams the leads; each chunk's labels come from the join table by the chunk's ids, which its LeadId index
    // serves. The ids go into the SQL as a list of constants: as a parameter (json_each) SQLite scanned the join table once per chunk.
    private static async IAsyncEnumerable<Dictionary<string, object?>> Rows(
        LeadsDbContext db, LeadsDbContext labelsDb, LeadFilter filter, string? sortBy, bool descending, SheetLookups lookups, SheetTexts texts, StringComparer labelOrder, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var leads = LeadListQuery.Sort(filter.Apply(db.Leads.AsNoTracking()), sortBy, descending)
            .Select(l => new ExportedLead(
                l.Id,
                l.Name,
                l.Status,
                l.StageId,
                EF.Property<long>(l, LeadConfiguration.RevenueMinor),
                EF.Property<string>(l, LeadConfiguration.RevenueCurrency),
                l.ResponsibleUserId,
                l.NextActionOn,
                l.NextAction,
                l.Company != null ? l.Company.Name : null,
                l.ContactPerson != null ? l.ContactPerson.Name : null,
                l.CreatedAt,
                l.ClosedOn,
                l.CloseReasonId,
                l.CloseReasonText,
                l.Info,
                l.ServiceFrom,
                l.ServiceTo))
            .AsAsyncEnumerable();
        await foreach (var chunk in leads.Chunk(ChunkSize).WithCancellation(cancellationToken))
        {
            var ids = chunk.Select(l => l.Id).ToArray();
            var labels = (await labelsDb.Set<Dictionary<string, object>>("LeadLabels")
                    .Where(x => EF.Constant(ids).Contains(EF.Property<int>(x, "LeadId")))
                    .Join(labelsDb.Labels, x => EF.Property<int>(x, "LabelsId"), label => label.Id, (x, label) => new { LeadId = EF.Property<int>(x, "LeadId"), label.Name })
                    .ToListAsync(cancellationToken))
                .GroupBy(x => x.LeadId)
                .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(x => x.Name).Order(labelOrder)));
            foreach (var lead in chunk)
            {
                yield return Row(lead, labels.GetValueOrDefault(lead.Id), lookups, texts);
            }
        }
    }

    // Every text goes in as a string cell, never a formula: a lead named =HYPERLINK(…) or +49 … stays text in
    // Excel and LibreOffice (OWASP's formula-injection advice; a test reads the cells and the sheet XML back).
    private static Dictionary<string, object?> Row(ExportedLead lead, string? labels, SheetLookups lookups, SheetTexts texts)
    {
        var revenue = Money.FromMinorUnits(lead.Cents, Currency.Parse(lead.Currency));
        var stage = lead.StageId is { } id ? lookups.Stages.GetValueOrDefault(id) : null;
        var running = lead.Status == LeadStatus.Running && stage is not null;
        return new Dictionary<string, object?>
        {
            [nameof(LeadColumn.Id)] = lead.Id,
            [nameof(LeadColumn.Name)] = lead.Name,
            [nameof(LeadColumn.Status)] = texts.Statuses[lead.Status],
            [nameof(LeadColumn.Stage)] = running ? stage!.Name : null,
            [nameof(LeadColumn.Probability)] = running ? stage!.Probability.Percent : null,
            [nameof(LeadColumn.Revenue)] = revenue.Amount,
            [nameof(LeadColumn.Currency)] = lead.Currency,
            [nameof(LeadColumn.RevenueInAccountCurrency)] = lookups.Account.InAccountCurrency(revenue).Amount,
            [nameof(LeadColumn.Weighted)] = running ? WeightedRevenue.Of(revenue, stage!.Probability, lookups.Account).Amount : null,
            [nameof(LeadColumn.Responsible)] = lookups.UserNames.GetValueOrDefault(lead.ResponsibleUserId, lead.ResponsibleUserId),
            [nameof(LeadColumn.NextActionOn)] = lead.NextActionOn?.ToDateTime(TimeOnly.MinValue),
            [nameof(LeadColumn.NextAction)] = lead.NextAction,
            [nameof(LeadColumn.Due)] = lead.Status.IsOpen() && lead.NextActionOn <= lookups.Today ? texts.Yes : texts.No,
            [nameof(LeadColumn.Customer)] = lead.Customer,
            [nameof(LeadColumn.Contact)] = lead.Contact,
            [nameof(LeadColumn.Labels)] = labels,
            [nameof(LeadColumn.ServiceFrom)] = lead.ServiceFrom?.ToDateTime(TimeOnly.MinValue),
            [nameof(LeadColumn.ServiceTo)] = lead.ServiceTo?.ToDateTime(TimeOnly.MinValue),
            [nameof(LeadColumn.Created)] = TimeZoneInfo.ConvertTime(lead.CreatedAt, lookups.TimeZone).Date,
            [nameof(LeadColumn.ClosedOn)] = lead.ClosedOn?.ToDateTime(TimeOnly.MinValue),
            [nameof(LeadColumn.Reason)] = lead.CloseReasonId is { } reasonId ? lookups.Reasons.GetValueOrDefault(reasonId) : null,
            [nameof(LeadColumn.Explanation)] = lead.CloseReasonText,
            [nameof(LeadColumn.Info)] = lead.Info,
        };
    }

    // The few texts every row repeats, looked up once per sheet rather than once per row.
    private sealed record SheetTexts(IReadOnlyDictionary<LeadStatus, string> Statuses, string Yes, string No);

    private sealed record ExportedLead(
        int Id, string Name, LeadStatus Status, int? StageId, long Cents, string Currency, string ResponsibleUserId, DateOnly? NextActionOn,
        string? NextAction, string? Customer, string? Contact, DateTimeOffset CreatedAt, DateOnly? ClosedOn, int? CloseReasonId, string? CloseReasonText, string? Info,
        DateOnly? ServiceFrom, DateOnly? ServiceTo);
}

/// <summary>The few things every row refers to by id, read once per sheet.</summary>
public sealed record SheetLookups(
    IReadOnlyDictionary<string, string> UserNames,
    IReadOnlyDictionary<int, Stage> Stages,
    IReadOnlyDictionary<int, string> Reasons,
    AccountSettings Account,
    DateOnly Today,
    TimeZoneInfo TimeZone)
{
    public static async Task<SheetLookups> LoadAsync(LeadsDbContext db, AccountSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(settings);
        return new SheetLookups(
            await db.UserNamesAsync(cancellationToken),
            await db.Stages.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken),
            await db.CloseReasons.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken),
            settings,
            settings.Today(time),
            settings.TimeZone);
    }
}
