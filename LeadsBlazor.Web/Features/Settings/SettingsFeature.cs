using LeadsBlazor.Web.Features.Settings.Shared;

namespace LeadsBlazor.Web.Features.Settings;

public static class SettingsFeature
{
    /// <summary>The owner's settings areas, each with its own use cases, and the shared change log.</summary>
    public static IServiceCollection AddSettings(this IServiceCollection services)
    {
        services.AddScoped<SettingsLogQuery>();
        services.AddScoped<Stages.StageSettingsQuery>();
        services.AddScoped<Stages.StageCommands>();
        services.AddScoped<Reminders.ReminderSettingsCommands>();
        services.AddScoped<Currencies.CurrencyCommands>();
        services.AddScoped<LostReasons.CloseReasonCommands>();
        services.AddScoped<Users.UsersQuery>();
        services.AddScoped<Users.UserCommands>();
        services.AddScoped<Users.TwoFactorPolicyCommands>();
        services.AddScoped<NumberRanges.NumberRangeCommands>();
        services.AddScoped<Offers.OfferSettingsCommands>();
        return services;
    }
}
