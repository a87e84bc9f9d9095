using LeadsBlazor.Domain.Forecasts;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Forecast;

/// <summary>A stage's calibration with its current names, for a page.</summary>
public sealed record StageCalibrationRow(string Name, string? EnglishName, StageCalibration Calibration)
{
    public string DisplayName(bool english) => english && EnglishName is not null ? EnglishName : Name;
}

/// <summary>
/// Are the probabilities real? (Rule 15) For each current stage, the leads that entered it in the last 12 months, counted
/// once per stage by their status now. The database counts from the history's stage passages; nothing is loaded per lead.
/// </summary>
public sealed class CalibrationQuery(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account, TimeProvider time)
{
    public const int WindowMonths = 12;

    public async Task<IReadOnlyList<StageCalibrationRow>> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await account.GetAsync(cancellationToken);
        // The last 12 months up to and including today, as the outcomes page counts them (today a year ago is not in it).
        var since = settings.StartOf(settings.Today(time).AddMonths(-WindowMonths).AddDays(1));
        var stages = await db.Stages.AsNoTracking().OrderBy(s => s.Position).ToListAsync(cancellationToken);

        var counts = await Passages(db, since).ToListAsync(cancellationToken);

        int Count(int stageId, params LeadStatus[] statuses) => counts.Where(c => c.StageId == stageId && statuses.Contains(c.Status)).Sum(c => c.Count);
        return
        [
            .. stages.Select(s => new StageCalibrationRow(s.Name, s.EnglishName, new StageCalibration(
                s.Id,
                s.Probability,
                Won: Count(s.Id, LeadStatus.Won),
                Lost: Count(s.Id, LeadStatus.Lost),
                Dropped: Count(s.Id, LeadStatus.Dropped),
                Open: Count(s.Id, LeadStatus.Running, LeadStatus.Potential)))),
        ];
    }

    /// <summary>
    /// How many leads entered each stage since <paramref name="since"/>, by their status now: each lead once per stage,
    /// from the history's stage passages (read from their own index, which holds only stage changes).
    /// </summary>
    internal static IQueryable<StagePassages> Passages(LeadsDbContext db, DateTimeOffset since) =>
        db.LeadEvents.AsNoTracking()
            .Where(e => e.Kind == LeadEventKind.StageChanged && e.StageId != null && e.At >= since)
            .Select(e => new { StageId = e.StageId!.Value, e.LeadId })
            .Distinct()
            .Join(db.Leads, passage => passage.LeadId, lead => lead.Id, (passage, lead) => new { passage.StageId, lead.Status })
            .GroupBy(p => new { p.StageId, p.Status })
            .Select(g => new StagePassages(g.Key.StageId, g.Key.Status, g.Count()));
}

/// <summary>How many leads of a status now entered a stage in the calibration's window.</summary>
internal sealed record StagePassages(int StageId, LeadStatus Status, int Count);
