using LeadsBlazor.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeadsBlazor.Web.Infrastructure;

public static class HealthChecks
{
    public static IServiceCollection AddLeadsHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary><c>/healthz</c>: 200 when the database answers, 503 when not. Open to load balancers, so anonymous.</summary>
    public static IEndpointRouteBuilder MapLeadsHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz").AllowAnonymous();
        return endpoints;
    }

    private sealed class DatabaseHealthCheck(IDbContextFactory<LeadsDbContext> contexts) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database does not answer.");
        }
    }
}
