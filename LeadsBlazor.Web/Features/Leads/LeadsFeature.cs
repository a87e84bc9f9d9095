namespace LeadsBlazor.Web.Features.Leads;

public static class LeadsFeature
{
    /// <summary>The lead use cases (every change to a lead goes through <see cref="LeadCommands"/>) and the lists and lead page.</summary>
    public static IServiceCollection AddLeads(this IServiceCollection services)
    {
        services.AddScoped<LeadCommands>();
        services.AddScoped<LeadDetailsQuery>();
        services.AddScoped<LeadListQuery>();
        services.AddScoped<LeadFormOptionsQuery>();
        services.AddScoped<LeadViews.ILabelAssignment, LabelAssignment>();
        return services;
    }
}
