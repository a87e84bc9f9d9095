using System.Security.Claims;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadsBlazor.Web.Components.Account.Protection;

/// <summary>Ends sessions on the server, and checks on each request and circuit that a session still may run.</summary>
public sealed class UserSessions(IDbContextFactory<LeadsDbContext> contexts, IEventBus events, IOptions<IdentityOptions> identity, TimeProvider time)
{
    /// <summary>Ends every session of the user (but <paramref name="exceptKey"/>), on every device and instance; their open circuits are told.</summary>
    public async Task EndAllAsync(string userId, string? exceptKey = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.UserSessions.Where(s => s.UserId == userId && s.Key != exceptKey).ExecuteDeleteAsync(cancellationToken);
        events.Publish(new UserSessionsEnded(userId));
    }

    /// <summary>
    /// Whether the session may go on: it still exists (not signed out), has not run past its 12 hours, and its
    /// user is active with the same security stamp as at sign-in (no new password or role since).
    /// </summary>
    public async Task<bool> IsValidAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (LeadsClaimsPrincipalFactory.SessionEnds(principal) is not { } ends || ends <= time.GetUtcNow())
        {
            return false;
        }

        var userId = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var session = DatabaseTicketStore.KeyOf(principal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(u => u.Id == userId && u.IsActive && u.SecurityStamp == stamp, cancellationToken)
            && session is not null && await db.UserSessions.AnyAsync(s => s.Key == session, cancellationToken);
    }

    /// <summary>
    /// The cookie's check on every request (Identity's own runs once a minute): a session whose stamp changed
    /// is refused and removed at once; a valid one goes on to Identity's periodic refresh of its claims.
    /// </summary>
    internal static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        if (context.Principal is null || !await sessions.IsValidAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
