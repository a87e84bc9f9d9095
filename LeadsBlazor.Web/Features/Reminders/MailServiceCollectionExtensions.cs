using LeadsBlazor.Web.Components.Account;
using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LeadsBlazor.Web.Features.Reminders;

public static class MailServiceCollectionExtensions
{
    /// <summary>The mail sender and the reminder digests it carries.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<PickupMailSender>();
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.Mode == MailMode.Smtp
            ? sp.GetRequiredService<SmtpMailSender>()
            : sp.GetRequiredService<PickupMailSender>());
        services.AddTransient<IEmailSender<ApplicationUser>, IdentityEmailSender>();

        services.Configure<ReminderOptions>(configuration.GetSection(ReminderOptions.Section));
        services.AddScoped<ReminderMailRenderer>();
        services.AddScoped<ReminderScanner>();
        if (configuration.GetSection(ReminderOptions.Section).Get<ReminderOptions>() is not { BackgroundScan: false })
        {
            services.AddHostedService<ReminderService>();
        }
        return services;
    }
}
