using LeadsBlazor.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace LeadsBlazor.Web.Features.Forecast;

public sealed class ForecastOptions
{
    public const string Section = "Forecast";

    /// <summary>Whether this instance takes part in the daily snapshot in the background (on by default); with several, one of them takes it.</summary>
    public bool BackgroundSnapshots { get; set; } = true;

    /// <summary>How often the app looks whether today's pipeline snapshot is taken; the first look is at start.</summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Runs <see cref="PipelineSnapshots"/> at start and then every <see cref="ForecastOptions.SnapshotInterval"/> on the app's clock,
/// on the one instance that leads the snapshot (<see cref="JobLeadership"/>).
/// </summary>
public sealed class PipelineSnapshotService(
    JobLeadership leadership,
    IServiceScopeFactory scopes,
    IOptions<ForecastOptions> options,
    TimeProvider time,
    ILogger<PipelineSnapshotService> logger)
    : SingleJobService(SingleJob.PipelineSnapshot, options.Value.SnapshotInterval, leadership, scopes, time, logger)
{
    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<PipelineSnapshots>().TakeAsync(cancellationToken);
}
