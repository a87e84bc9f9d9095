using Microsoft.Extensions.Options;

namespace LeadsBlazor.Web.Features.Forecast;

public sealed class ForecastOptions
{
    public const string Section = "Forecast";

    /// <summary>Whether this instance takes the daily snapshot in the background (on by default; several instances may all run it).</summary>
    public bool BackgroundSnapshots { get; set; } = true;

    /// <summary>How often the app looks whether today's pipeline snapshot is taken; the first look is at start.</summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Runs <see cref="PipelineSnapshots"/> at start and then every <see cref="ForecastOptions.SnapshotInterval"/> on the app's clock.</summary>
public sealed class PipelineSnapshotService(IServiceScopeFactory scopes, IOptions<ForecastOptions> options, TimeProvider time, ILogger<PipelineSnapshotService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SnapshotInterval, time);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<PipelineSnapshots>().TakeAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "Taking the pipeline snapshot failed; the next tick tries again.");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }
}
