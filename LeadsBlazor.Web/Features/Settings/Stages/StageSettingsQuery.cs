using LeadsBlazor.Domain.Forecasts;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Forecast;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Settings.Stages;

/// <summary>
/// A stage as the settings page lists it: the running leads it holds and their figures, after how many days without change
/// its leads are idle (null: never), and how its probability compares with what its leads did (null for a stage just added).
/// </summary>
public sealed record StageRow(int Id, string Name, string? EnglishName, int Percent, int Position, StageFigures Figures, int? IdleDays = null, StageCalibration? Calibration = null);

public sealed record StageSettings(IReadOnlyList<StageRow> Stages, WeightedVolume Volume);

public sealed class StageSettingsQuery(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account, CalibrationQuery calibration)
{
    public async Task<StageSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await account.GetAsync(cancellationToken);
        var stages = await db.Stages.AsNoTracking().OrderBy(s => s.Position).ToListAsync(cancellationToken);
        var volume = await WeightedVolumeQuery.GetAsync(db, new LeadFilter(), settings, stages, cancellationToken);
        var calibrations = (await calibration.GetAsync(cancellationToken)).ToDictionary(c => c.Calibration.StageId, c => c.Calibration);
        return new StageSettings(
            [.. stages.Select(s => new StageRow(s.Id, s.Name, s.EnglishName, s.Probability.Percent, s.Position, volume.For(s.Id), s.IdleDays, calibrations.GetValueOrDefault(s.Id)))],
            volume);
    }
}
