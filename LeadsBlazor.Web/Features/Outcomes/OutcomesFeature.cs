namespace LeadsBlazor.Web.Features.Outcomes;

public static class OutcomesFeature
{
    /// <summary>Why leads are lost: the closed leads of a period by reason, stage and responsible user.</summary>
    public static IServiceCollection AddOutcomes(this IServiceCollection services)
    {
        services.AddScoped<OutcomeQuery>();
        return services;
    }
}
