using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace LeadsBlazor.Web.Infrastructure.Live;

public static class LiveServiceCollectionExtensions
{
    /// <summary>
    /// The one event bus every use case publishes to after a commit, the clock that announces a new day on it, and the
    /// views' data that sessions share until an event touches it (<see cref="SharedViews"/>). With
    /// <c>Live:Redis</c> set, events reach the other instances through Redis pub/sub; on PostgreSQL without it, through
    /// the database's LISTEN/NOTIFY; on SQLite (one instance) they stay in the process. Each circuit tracks whether its
    /// browser is connected (<see cref="CircuitConnection"/>).
    /// </summary>
    public static IServiceCollection AddLive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<InProcessEventBus>();
        var redis = configuration["Live:Redis"];
        Func<IServiceProvider, IRelayTransport>? relay =
            !string.IsNullOrWhiteSpace(redis) ? _ => new RedisPubSubRelay(redis)
            : DatabaseServiceCollectionExtensions.ProviderOf(configuration["Database:Provider"]) == DatabaseProvider.Postgres
                ? sp => new PostgresNotifyRelay(sp.GetRequiredService<LeadsDatabase>().ConnectionString)
                : null;
        if (relay is null)
        {
            services.AddSingleton<IEventBus>(sp => sp.GetRequiredService<InProcessEventBus>());
        }
        else
        {
            services.AddSingleton(relay);
            services.AddSingleton<RelayedEventBus>();
            services.AddSingleton<IEventBus>(sp => sp.GetRequiredService<RelayedEventBus>());
            services.AddHostedService(sp => sp.GetRequiredService<RelayedEventBus>());
        }

        // What sessions showing the same view share: computed once per change, not once per session.
        services.AddSingleton<SharedViews>();
        services.AddHostedService<DayChangeService>();

        // One per circuit: the views of a session whose browser is away pause (LiveRefresh).
        services.AddScoped<CircuitConnection>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<CircuitConnection>());
        return services;
    }
}
