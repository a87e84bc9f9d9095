using LeadsBlazor.Web.Features.Board;
using LeadsBlazor.Web.Features.Labels;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.Live;
using LeadsBlazor.Web.Features.Reminders;
using LeadsBlazor.Web.Features.Settings;

namespace LeadsBlazor.Web.Features;

public static class FeatureServiceCollectionExtensions
{
    /// <summary>The pipeline's use cases and queries, and the one event bus they publish to.</summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services)
    {
        services.AddSingleton<IEventBus, InProcessEventBus>();
        services.AddScoped<LeadCommands>();
        services.AddScoped<StageCommands>();
        services.AddScoped<LabelCommands>();
        services.AddScoped<LabelCountsQuery>();
        services.AddScoped<WeightedVolumeQuery>();
        services.AddScoped<BoardQuery>();
        services.AddScoped<LeadDetailsQuery>();
        services.AddScoped<LeadListQuery>();
        services.AddScoped<LeadFormOptionsQuery>();
        services.AddScoped<DueLeadsQuery>();
        services.AddScoped<UserReminderSetting>();
        services.AddScoped<ReminderLogQuery>();
        services.AddScoped<ReminderSettingsCommands>();
        services.AddScoped<SettingsLogQuery>();
        services.AddScoped<StageSettingsQuery>();
        services.AddScoped<UsersQuery>();
        services.AddScoped<CloseReasonCommands>();
        services.AddScoped<CurrencyCommands>();
        services.AddScoped<Excel.LeadExport>();
        services.AddScoped<Excel.ImportSheet>();
        services.AddScoped<Excel.LeadImport>();
        services.AddMemoryCache();
        services.AddSingleton<Excel.ImportFiles>();
        services.AddScoped<UserCommands>();
        services.AddHostedService<DayChangeService>();
        return services;
    }
}
