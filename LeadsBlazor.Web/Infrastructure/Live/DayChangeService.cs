using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Infrastructure.Live;

/// <summary>
/// Announces each new day in the account's time zone on the event bus: at midnight the leads dated
/// today become due, and every open badge and list must learn it without anyone changing a lead.
/// </summary>
public sealed class DayChangeService(IDbContextFactory<LeadsDbContext> contexts, IEventBus events, TimeProvider time, ILogger<DayChangeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Domain.Accounts.AccountSettings settings;
                await using (var db = await contexts.CreateDbContextAsync(stoppingToken))
                {
                    settings = await db.AccountSettings.AsNoTracking().SingleAsync(stoppingToken);
                }

                var zone = settings.TimeZone;
                var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);
                var midnight = new DateTimeOffset(now.Date.AddDays(1), zone.GetUtcOffset(now.Date.AddDays(1)));
                await Task.Delay(midnight - now + TimeSpan.FromSeconds(1), time, stoppingToken);
                events.Publish(new DayChanged(settings.Today(time)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
            {
                // The database was briefly away: try again in a minute rather than stop announcing days.
                logger.LogWarning(e, "Could not compute the next day change; retrying in a minute.");
                await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
            }
        }
    }
}
