using LeadsBlazor.Domain.Forecasts;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Forecast;

/// <summary>
/// Takes the day's snapshot of the pipeline (Rule 15, trend): the weighted volume per stage of all running leads. Idempotent
/// per day: a second run on the same day, on this instance or another, finds the day taken, and two instances racing to
/// write it meet at the unique day, where the loser's insert fails and is let go.
/// </summary>
public sealed class PipelineSnapshots(IDbContextFactory<LeadsDbContext> contexts, IEventBus events, TimeProvider time, ILogger<PipelineSnapshots> logger)
{
    /// <summary>Writes today's snapshot unless it exists; true when this call wrote it.</summary>
    public async Task<bool> TakeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await db.AccountSettings.AsNoTracking().Include(a => a.Currencies).SingleAsync(cancellationToken);
        var today = settings.Today(time);
        if (await db.PipelineSnapshots.AnyAsync(s => s.Day == today, cancellationToken))
        {
            return false;
        }

        var stages = await db.Stages.AsNoTracking().OrderBy(s => s.Position).ToListAsync(cancellationToken);
        var volume = await WeightedVolumeQuery.GetAsync(db, new LeadFilter(), settings, stages, cancellationToken);
        db.PipelineSnapshots.Add(new PipelineSnapshot(
            today,
            time.GetUtcNow(),
            settings.CurrencyCode,
            stages.Select(s => new StageSnapshot(s.Id, s.Name, volume.For(s.Id).Count, (long)(volume.For(s.Id).Weighted * 100m)))));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Took the pipeline snapshot of {Day}.", today);
            events.Publish(new PipelineSnapshotTaken(today));
            return true;
        }
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            // Another instance wrote the day between the look and the insert; anything else is a real failure.
            if (await DayTakenAsync(today, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    private async Task<bool> DayTakenAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PipelineSnapshots.AnyAsync(s => s.Day == day, cancellationToken);
    }
}
