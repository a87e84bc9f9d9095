namespace LeadsBlazor.Web.Features.LeadViews;

public static class LeadViewsFeature
{
    /// <summary>The queries every lead view shares: the weighted volume and the close reasons.</summary>
    public static IServiceCollection AddLeadViews(this IServiceCollection services)
    {
        services.AddScoped<WeightedVolumeQuery>();
        services.AddScoped<CloseReasonsQuery>();
        return services;
    }
}
