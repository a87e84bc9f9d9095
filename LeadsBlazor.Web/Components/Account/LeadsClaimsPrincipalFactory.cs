using System.Security.Claims;
using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LeadsBlazor.Web.Components.Account;

/// <summary>Adds the user's display name to the sign-in, so the app bar greets "Anna Berger", not an address.</summary>
internal sealed class LeadsClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    TimeProvider time)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    public const string DisplayNameClaim = "leads:display_name";

    /// <summary>When the sign-in ends (Unix seconds): the cookie knows it, an open circuit learns it from this claim.</summary>
    public const string SessionEndsClaim = "leads:session_ends";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        var ends = time.GetUtcNow() + IdentityServiceCollectionExtensions.SessionLifetime;
        identity.AddClaim(new Claim(SessionEndsClaim, ends.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        return identity;
    }

    public static DateTimeOffset? SessionEnds(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(SessionEndsClaim), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>A refreshed principal (security stamp check) keeps the session of the original sign-in: its end and its key.</summary>
    public static void KeepSession(ClaimsPrincipal current, ClaimsPrincipal refreshed)
    {
        if (refreshed.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        // The session's end and its key (see DatabaseTicketStore) belong to the session, not to the user: a refreshed principal keeps both.
        foreach (var type in new[] { SessionEndsClaim, Protection.DatabaseTicketStore.SessionClaim })
        {
            if (current.FindFirst(type) is { } kept)
            {
                foreach (var fresh in identity.FindAll(type).ToList())
                {
                    identity.RemoveClaim(fresh);
                }

                identity.AddClaim(new Claim(type, kept.Value, kept.ValueType));
            }
        }
    }
}
