namespace LeadsBlazor.Web.Features.Projects;

public static class ProjectsFeature
{
    /// <summary>Projects from won leads or on their own: their use cases, queries and pages.</summary>
    public static IServiceCollection AddProjects(this IServiceCollection services)
    {
        services.AddScoped<ProjectCommands>();
        services.AddScoped<NewProjectQuery>();
        services.AddScoped<ProjectDetailsQuery>();
        services.AddScoped<ProjectFormQuery>();
        services.AddScoped<LeadProjectsQuery>();
        services.AddScoped<ProjectListQuery>();
        return services;
    }
}
