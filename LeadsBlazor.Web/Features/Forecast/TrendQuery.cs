using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Forecast;

/// <summary>One week of the trend: the last snapshot taken in it, the weighted volume per stage id and in total (account currency).</summary>
public sealed record TrendPoint(DateOnly Day, IReadOnlyDictionary<int, decimal> ByStage, decimal Total);

/// <summary>A stage as the trend names it: by its name now, or, once deleted, by its name on its last snapshot.</summary>
public sealed record TrendStage(int StageId, string Name, string? EnglishName)
{
    public string DisplayName(bool english) => english && EnglishName is not null ? EnglishName : Name;
}

public sealed record TrendView(IReadOnlyList<TrendStage> Stages, IReadOnlyList<TrendPoint> Points, string Currency);

/// <summary>The pipeline's trend (Rule 15): one point per week of the last <see cref="Weeks"/> weeks, from the daily snapshots.</summary>
public sealed class TrendQuery(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account, TimeProvider time)
{
    public const int Weeks = 26;

    public async Task<TrendView> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await account.GetAsync(cancellationToken);
        var today = settings.Today(time);
        var since = today.AddDays(-7 * Weeks);
        var snapshots = await db.PipelineSnapshots.AsNoTracking()
            .Where(s => s.Day > since)
            .OrderBy(s => s.Day)
            .ToListAsync(cancellationToken);
        var current = await db.Stages.AsNoTracking().OrderBy(s => s.Position).ToListAsync(cancellationToken);

        // A week is counted back from today, so the last point is today's snapshot and every point is seven days apart.
        var points = snapshots
            .GroupBy(s => (today.DayNumber - s.Day.DayNumber) / 7)
            .OrderByDescending(week => week.Key)
            .Select(week => week.MaxBy(s => s.Day)!)
            .Select(s => new TrendPoint(s.Day, s.Stages.ToDictionary(stage => stage.StageId, stage => stage.WeightedCents / 100m), s.TotalWeightedCents / 100m))
            .ToList();
        var gone = snapshots
            .SelectMany(s => s.Stages)
            .Where(s => current.All(c => c.Id != s.StageId))
            .GroupBy(s => s.StageId)
            .Select(g => new TrendStage(g.Key, g.Last().Name, null));
        return new TrendView([.. current.Select(s => new TrendStage(s.Id, s.Name, s.EnglishName)), .. gone], points, settings.CurrencyCode);
    }
}
