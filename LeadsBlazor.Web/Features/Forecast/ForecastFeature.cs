namespace LeadsBlazor.Web.Features.Forecast;

public static class ForecastFeature
{
    /// <summary>The forecast, the calibration of the stage probabilities, and the pipeline's trend with its daily snapshot.</summary>
    public static IServiceCollection AddForecast(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ForecastOptions>().Bind(configuration.GetSection(ForecastOptions.Section));
        services.AddScoped<ForecastQuery>();
        services.AddScoped<CalibrationQuery>();
        services.AddScoped<TrendQuery>();
        services.AddScoped<PipelineSnapshots>();
        if (configuration.GetSection(ForecastOptions.Section).Get<ForecastOptions>() is not { BackgroundSnapshots: false })
        {
            services.AddHostedService<PipelineSnapshotService>();
        }

        return services;
    }
}
