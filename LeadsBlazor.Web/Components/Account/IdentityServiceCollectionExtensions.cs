using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace LeadsBlazor.Web.Components.Account;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>How long a sign-in lasts at most, remembered or not.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    /// <summary>How often a signed-in request refreshes its claims (display name) from the user; the stamp itself is checked on every request.</summary>
    public static readonly TimeSpan SecurityStampInterval = TimeSpan.FromMinutes(1);

    /// <summary>How often an open circuit checks that its session may go on (it is also told at once on this instance).</summary>
    public static readonly TimeSpan CircuitCheckInterval = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddLeadsIdentity(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<FirstRun>();
        services.AddTransient<IEmailSender<ApplicationUser>, IdentityEmailSender>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);

                // Length over composition rules (NIST SP 800-63B); the upper bound is PasswordLengthValidator's.
                options.Password.RequiredLength = PasswordLengthValidator.MinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<LeadsDbContext>()
            .AddClaimsPrincipalFactory<LeadsClaimsPrincipalFactory>()
            .AddSignInManager<ActiveUserSignInManager>()
            .AddPasswordValidator<PasswordLengthValidator>()
            .AddDefaultTokenProviders();

        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = SecurityStampInterval;
            options.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal is not null && context.NewPrincipal is not null)
                {
                    LeadsClaimsPrincipalFactory.KeepSession(context.CurrentPrincipal, context.NewPrincipal);
                }

                return Task.CompletedTask;
            };
        });
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.ExpireTimeSpan = SessionLifetime;
            options.SlidingExpiration = false;
            options.Cookie.Name = "leads.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        // Everything needs a signed-in user unless it says otherwise: a new endpoint is never public by accident.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.AccountOwner, policy => policy.RequireRole(Roles.AccountOwner));
        return services;
    }
}

/// <summary>Passwords of 8 to 128 characters.</summary>
internal sealed class PasswordLengthValidator : IPasswordValidator<ApplicationUser>
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is { Length: > MaxLength }
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"Passwords must be at most {MaxLength} characters." })
            : IdentityResult.Success);
}
