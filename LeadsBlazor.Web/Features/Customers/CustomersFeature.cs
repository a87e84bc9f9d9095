namespace LeadsBlazor.Web.Features.Customers;

public static class CustomersFeature
{
    /// <summary>The customer directory's use cases: companies and their contact persons.</summary>
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.AddScoped<CompanyCommands>();
        services.AddScoped<CustomerSearchQuery>();
        return services;
    }
}
