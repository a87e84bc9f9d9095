namespace LeadsBlazor.Web.Features.Excel;

public static class ExcelFeature
{
    /// <summary>Export and import; an uploaded file waits in memory between preview and confirm; the import's limits come from the <c>Import</c> section.</summary>
    public static IServiceCollection AddExcel(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section);
        services.AddScoped<LeadExport>();
        services.AddScoped<ImportSheet>();
        services.AddScoped<LeadImport>();
        services.AddScoped<CompanyExport>();
        services.AddScoped<CompanyImport>();
        services.AddScoped<OfferExport>();
        services.AddScoped<ProjectExport>();
        services.AddScoped<ForecastExport>();
        services.AddScoped<OutcomeExport>();
        services.AddMemoryCache();
        services.AddSingleton<ImportFiles>();
        return services;
    }
}
