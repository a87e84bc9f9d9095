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

    /// <summary>A refreshed principal (security stamp check) keeps the end of the original sign-in.</summary>
    public static void KeepSessionEnd(ClaimsPrincipal current, ClaimsPrincipal refreshed)
    {
        if (current.FindFirst(SessionEndsClaim) is { } ends && refreshed.Identity is ClaimsIdentity identity)
        {
            if (identity.FindFirst(SessionEndsClaim) is { } fresh)
            {
                identity.RemoveClaim(fresh);
            }

            identity.AddClaim(new Claim(SessionEndsClaim, ends.Value, ClaimValueTypes.Integer64));
        }
    }
}
