using LeadsBlazor.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace LeadsBlazor.Web.Features.Reminders;

/// <summary>
/// Runs <see cref="ReminderScanner"/> at start and then every <c>Reminders:ScanInterval</c> on the app's
/// <see cref="TimeProvider"/>, on the one instance that leads the reminders (<see cref="JobLeadership"/>).
/// </summary>
public sealed class ReminderService(
    JobLeadership leadership,
    IServiceScopeFactory scopes,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderService> logger)
    : SingleJobService(SingleJob.Reminders, options.Value.ScanInterval, leadership, scopes, time, logger)
{
    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var result = await services.GetRequiredService<ReminderScanner>().ScanAsync(cancellationToken);
        if (result.DigestsSent + result.DigestsFailed + result.RemindersDropped > 0)
        {
            Logger.LogInformation("Reminder scan: {Sent} digests sent, {Failed} failed, {Dropped} reminders dropped.", result.DigestsSent, result.DigestsFailed, result.RemindersDropped);
        }
    }
}
