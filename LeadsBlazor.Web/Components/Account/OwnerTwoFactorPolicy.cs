using System.Security.Claims;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace LeadsBlazor.Web.Components.Account;

/// <summary>
/// The owner's rule "owners sign in with a second factor": who must use it, and the middleware that sends
/// an owner without an authenticator to enrol before any other page.
/// </summary>
internal static class OwnerTwoFactorPolicy
{
    public const string EnrolPath = "/Account/Manage/EnableAuthenticator";

    /// <summary>Where an owner without an authenticator may still go: the account pages, the files they load, and the language switch.</summary>
    private static readonly string[] OpenPaths = ["/Account", "/_framework", "/_content", "/preferences", "/healthz", "/not-found", "/Error"];

    /// <summary>Whether this signed-in user must use a second factor (an owner while the owner switch is on).</summary>
    public static async Task<bool> IsRequiredAsync(ClaimsPrincipal user, AccountSettingsReader account) =>
        user.IsInRole(Roles.AccountOwner) && (await account.GetAsync()).OwnersRequireTwoFactor;

    public static IApplicationBuilder UseOwnerTwoFactorEnrolment(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true && !IsOpen(context)
                && await IsRequiredAsync(context.User, context.RequestServices.GetRequiredService<AccountSettingsReader>())
                && await context.RequestServices.GetRequiredService<UserManager<ApplicationUser>>().GetUserAsync(context.User) is { TwoFactorEnabled: false })
            {
                context.Response.Redirect(context.Request.PathBase + EnrolPath);
                return;
            }

            await next(context);
        });

    // The static files are served to everyone (MapStaticAssets allows anonymous); everything else waits for the enrolment.
    private static bool IsOpen(HttpContext context) =>
        OpenPaths.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase))
        || context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null;
}
