using Microsoft.Extensions.Options;

namespace LeadsBlazor.Web.Infrastructure.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>The mail room: the sender the configuration picks (pickup folder or SMTP) and the Razor renderer every mail goes through.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<PickupMailSender>();
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.Mode == MailMode.Smtp
            ? sp.GetRequiredService<SmtpMailSender>()
            : sp.GetRequiredService<PickupMailSender>());
        services.AddScoped<MailRenderer>();
        return services;
    }
}
