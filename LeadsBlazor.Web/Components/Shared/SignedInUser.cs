using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace LeadsBlazor.Web.Components.Shared;

public static class SignedInUser
{
    /// <summary>The signed-in user's id, which every use case is given as the one who acts; empty when no one is signed in.</summary>
    public static async Task<string> UserIdAsync(this Task<AuthenticationState> authenticationState)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        return (await authenticationState).User.UserId();
    }

    public static string UserId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
    }
}
