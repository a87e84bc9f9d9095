using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LeadsBlazor.Web.Components.Account.Protection;

public static class AccountProtectionExtensions
{
    /// <summary>Server-side sessions checked on every request, sign-in that tells nothing, and rate limits on the anonymous account pages.</summary>
    public static IServiceCollection AddAccountProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountProtectionOptions>().Bind(configuration.GetSection(AccountProtectionOptions.Section));
        services.AddSingleton<ITicketStore, DatabaseTicketStore>();
        services.AddSingleton<UnknownAccountWork>();
        services.AddSingleton<AddressThrottles>();
        services.AddSingleton<PasswordResetMails>();
        services.AddHostedService(provider => provider.GetRequiredService<PasswordResetMails>());
        services.AddSingleton<UserSessions>();
        services.AddScoped<SignInGuard>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<ITicketStore>((cookie, store) =>
            {
                cookie.SessionStore = store;
                cookie.Events.OnValidatePrincipal = UserSessions.ValidatePrincipalAsync;
            });
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<IOptions<AccountProtectionOptions>>((limiter, limits) => AccountRateLimits.Configure(limiter, limits.Value));
        return services;
    }

    /// <summary>After request localization (the 429 page is in the user's language), before the pages.</summary>
    public static IApplicationBuilder UseAccountProtection(this IApplicationBuilder app)
    {
        app.Use(AccountRateLimits.ReadPostedAddressAsync);
        return app.UseRateLimiter();
    }
}
