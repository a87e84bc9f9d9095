namespace LeadsBlazor.Web.Features.Customers;

public static class CustomersFeature
{
    /// <summary>The customer directory's use cases (companies and their contact persons), its list, its form and the company page.</summary>
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.AddScoped<CompanyCommands>();
        services.AddScoped<CompanyDetailsQuery>();
        services.AddScoped<CompanyListQuery>();
        services.AddScoped<CompanyFormQuery>();
        services.AddScoped<CustomerSearchQuery>();
        services.AddScoped<CompanyProjectsQuery>();
        return services;
    }
}
