namespace LeadsBlazor.Web.Features.Labels;

public static class LabelsFeature
{
    public static IServiceCollection AddLabels(this IServiceCollection services)
    {
        services.AddScoped<LabelCommands>();
        services.AddScoped<LabelCountsQuery>();
        return services;
    }
}
