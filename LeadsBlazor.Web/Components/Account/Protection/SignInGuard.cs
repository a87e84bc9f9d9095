using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LeadsBlazor.Web.Components.Account.Protection;

/// <summary>
/// Password sign-in that tells nothing about which addresses have an account: an unknown address costs the
/// same password hashing as a known one and locks out after the same number of failures, with the same result.
/// </summary>
public sealed class SignInGuard(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    AddressThrottles throttles,
    UnknownAccountWork unknownAccount,
    IOptions<IdentityOptions> identity,
    TimeProvider time)
{
    public async Task<SignInResult> PasswordSignInAsync(string email, string password, bool rememberMe)
    {
        var user = await users.FindByNameAsync(email);
        if (user is null)
        {
            return await FailUnknownAsync(email, password);
        }

        // Identity counts a known account's failures and locks it (5 attempts, 15 minutes).
        var result = await signIn.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: true);
        // A deactivated account is refused before its password is checked: it answers like an unknown address, with
        // the same hashing work and the same lockout, so neither time nor lockout tells that it exists.
        return result.IsNotAllowed ? await FailUnknownAsync(email, password) : result;
    }

    private async Task<SignInResult> FailUnknownAsync(string email, string password)
    {
        var lockout = identity.Value.Lockout;
        var now = time.GetUtcNow();
        if ((await throttles.FindAsync(email))?.IsLockedOut(now) == true)
        {
            return SignInResult.LockedOut;
        }

        unknownAccount.HashPassword(password);
        return await throttles.ChangeAsync(email, throttle =>
        {
            throttle.SignInFailed(now, lockout.MaxFailedAccessAttempts, lockout.DefaultLockoutTimeSpan);
            return throttle.IsLockedOut(now) ? SignInResult.LockedOut : SignInResult.Failed;
        });
    }
}

/// <summary>The password check of an account that does not exist: the same hashing work as a real one, against a hash of a random password.</summary>
public sealed class UnknownAccountWork(IOptions<PasswordHasherOptions> options)
{
    private static readonly ApplicationUser Nobody = new();
    private readonly PasswordHasher<ApplicationUser> _hasher = new(options);
    private readonly Lazy<string> _hash = new(() => new PasswordHasher<ApplicationUser>(options).HashPassword(Nobody, Guid.NewGuid().ToString()));

    public void HashPassword(string password) => _hasher.VerifyHashedPassword(Nobody, _hash.Value, password);
}
