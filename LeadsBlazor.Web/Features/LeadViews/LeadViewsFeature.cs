namespace LeadsBlazor.Web.Features.LeadViews;

public static class LeadViewsFeature
{
    /// <summary>The queries every lead view shares: the weighted volume, the close reasons, the labels to pick from and the users the responsible filter offers.</summary>
    public static IServiceCollection AddLeadViews(this IServiceCollection services)
    {
        services.AddScoped<WeightedVolumeQuery>();
        services.AddScoped<CloseReasonsQuery>();
        services.AddScoped<LabelListQuery>();
        services.AddScoped<ResponsibleUsersQuery>();
        return services;
    }
}
