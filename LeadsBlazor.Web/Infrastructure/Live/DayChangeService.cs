using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Infrastructure.Live;

/// <summary>
/// Announces each new day in the account's time zone on the event bus: at midnight the leads dated
/// today become due, and every open badge and list must learn it without anyone changing a lead.
/// When the owner moves the account to another time zone, the wait starts again from that zone's midnight.
/// </summary>
public sealed class DayChangeService(IDbContextFactory<LeadsDbContext> contexts, IEventBus events, TimeProvider time, ILogger<DayChangeService> logger) : BackgroundService
{
    private CancellationTokenSource? _wait;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = events.Subscribe(OnEvent);
        while (!stoppingToken.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            Volatile.Write(ref _wait, wait);
            try
            {
                AccountSettings settings;
                await using (var db = await contexts.CreateDbContextAsync(wait.Token))
                {
                    settings = await db.AccountSettings.AsNoTracking().SingleAsync(wait.Token);
                }

                var zone = settings.TimeZone;
                var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);
                var midnight = new DateTimeOffset(now.Date.AddDays(1), zone.GetUtcOffset(now.Date.AddDays(1)));
                await Task.Delay(midnight - now + TimeSpan.FromSeconds(1), time, wait.Token);
                events.Publish(new DayChanged(settings.Today(time)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException)
            {
                // The settings changed while waiting: read the time zone again.
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database was briefly away: try again in a minute rather than stop announcing days.
                logger.LogWarning(e, "Could not compute the next day change; retrying in a minute.");
                await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
            }
        }
    }

    private Task OnEvent(PipelineEvent pipelineEvent)
    {
        // After a gap in the relay the owner may have moved the time zone on another instance unheard: read it again too.
        if (pipelineEvent is AccountSettingsChanged { Affects: var affects } && affects.HasFlag(LiveTopic.Day) || pipelineEvent is RelayReconnected)
        {
            try
            {
                Volatile.Read(ref _wait)?.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The wait ended on its own a moment ago; the next one reads the new zone anyway.
            }
        }

        return Task.CompletedTask;
    }
}
