namespace LeadsBlazor.Web.Infrastructure.Live;

public static class LiveServiceCollectionExtensions
{
    /// <summary>The one event bus every use case publishes to after a commit, and the clock that announces a new day on it.</summary>
    public static IServiceCollection AddLive(this IServiceCollection services)
    {
        services.AddSingleton<IEventBus, InProcessEventBus>();
        services.AddHostedService<DayChangeService>();
        return services;
    }
}
