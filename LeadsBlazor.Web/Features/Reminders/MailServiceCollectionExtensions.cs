using LeadsBlazor.Web.Components.Account;
using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LeadsBlazor.Web.Features.Reminders;

public static class MailServiceCollectionExtensions
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<PickupMailSender>();
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.Mode == MailMode.Smtp
            ? sp.GetRequiredService<SmtpMailSender>()
            : sp.GetRequiredService<PickupMailSender>());
        services.AddTransient<IEmailSender<ApplicationUser>, IdentityEmailSender>();
        return services;
    }
}
