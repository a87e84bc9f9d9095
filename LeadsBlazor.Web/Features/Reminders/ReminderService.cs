using Microsoft.Extensions.Options;

namespace LeadsBlazor.Web.Features.Reminders;

/// <summary>
/// Runs <see cref="ReminderScanner"/> at start and then every <c>Reminders:ScanInterval</c> on the app's
/// <see cref="TimeProvider"/>. Each tick has its own DI scope; a failed tick is logged and the next one comes.
/// </summary>
public sealed class ReminderService(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider time, ILogger<ReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval, time);
        try
        {
            do
            {
                await TickAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ReminderScanner>().ScanAsync(stoppingToken);
            if (result.DigestsSent + result.DigestsFailed + result.RemindersDropped > 0)
            {
                logger.LogInformation("Reminder scan: {Sent} digests sent, {Failed} failed, {Dropped} reminders dropped.", result.DigestsSent, result.DigestsFailed, result.RemindersDropped);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "A reminder scan failed; the next tick tries again.");
        }
    }
}
