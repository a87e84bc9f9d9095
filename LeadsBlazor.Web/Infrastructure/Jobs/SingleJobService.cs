namespace LeadsBlazor.Web.Infrastructure.Jobs;

/// <summary>
/// A background job that runs on one instance at a time: at start and then on every tick of <paramref name="interval"/> on
/// the app's <see cref="TimeProvider"/>, each run in its own DI scope, on the instance that leads the job
/// (<see cref="JobLeadership"/>). The other instances ask again on each of their ticks, so one of them takes over within one
/// interval of the runner's end. A failed run is logged and the next tick comes.
/// </summary>
public abstract class SingleJobService(
    SingleJob job,
    TimeSpan interval,
    JobLeadership leadership,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger logger) : BackgroundService
{
    protected ILogger Logger => logger;

    /// <summary>One run of the job, with the services of its own scope.</summary>
    protected abstract Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
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
            if (!await leadership.LeadsAsync(job, stoppingToken))
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            await RunAsync(scope.ServiceProvider, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "The background job {Job} failed; the next tick tries again.", job);
        }
    }
}
