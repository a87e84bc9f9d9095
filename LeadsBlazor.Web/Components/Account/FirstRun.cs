using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Components.Account;

/// <summary>
/// The first-run page's one write: the account's first user, made its owner. The look for an existing user and the creation
/// run in one write transaction on the context Identity saves through (the request's), so two first-run posts, on one instance
/// or on two behind a load balancer, cannot both create an owner: the second finds the first.
/// </summary>
public sealed class FirstRun(LeadsDbContext db, UserManager<ApplicationUser> users)
{
    /// <summary>Null when the account has a user already (nothing is written); otherwise Identity's result, and a refusal writes nothing.</summary>
    public async Task<IdentityResult?> CreateOwnerAsync(ApplicationUser owner, string password, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        if (await users.Users.AnyAsync(cancellationToken))
        {
            return null;
        }

        var created = await users.CreateAsync(owner, password);
        var result = created.Succeeded ? await users.AddToRoleAsync(owner, Roles.AccountOwner) : created;
        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }
}
