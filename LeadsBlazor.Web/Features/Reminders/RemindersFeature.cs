namespace LeadsBlazor.Web.Features.Reminders;

public static class RemindersFeature
{
    /// <summary>Due leads (the badge), the reminder digests and the background service that sends them.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DueLeadsQuery>();
        services.AddScoped<UserReminderSetting>();
        services.AddScoped<ReminderLogQuery>();
        services.Configure<ReminderOptions>(configuration.GetSection(ReminderOptions.Section));
        services.AddScoped<ReminderScanner>();
        if (configuration.GetSection(ReminderOptions.Section).Get<ReminderOptions>() is not { BackgroundScan: false })
        {
            services.AddHostedService<ReminderService>();
        }

        return services;
    }
}
