using System.Security.Claims;
using System.Security.Cryptography;
using LeadsBlazor.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Components.Account.Protection;

/// <summary>
/// The sign-in cookie's tickets, kept in the database: the cookie carries only a random key. Signing out
/// removes the row, so a copy of the cookie taken before is worthless at once; the database (not memory)
/// lets several app instances share the sessions.
/// </summary>
internal sealed class DatabaseTicketStore(IDbContextFactory<LeadsDbContext> contexts, TimeProvider time) : ITicketStore
{
    /// <summary>The session's key, also inside the ticket: an open circuit checks that its session still exists.</summary>
    public const string SessionClaim = "leads:session";

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(UserSession.KeyLength / 2));
        await using var db = await contexts.CreateDbContextAsync();
        var now = time.GetUtcNow();

        // Expired rows go with the next sign-in; no background job needed.
        await db.UserSessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync();
        db.UserSessions.Add(Row(key, ticket));
        await db.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var row = Row(key, ticket);

        // Only a session that still exists is renewed: a request racing its own sign-out must not bring it back.
        await db.UserSessions.Where(s => s.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Ticket, row.Ticket).SetProperty(r => r.ExpiresAt, row.ExpiresAt).SetProperty(r => r.UserId, row.UserId));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var row = await db.UserSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Key == key);
        return row is null || row.ExpiresAt <= time.GetUtcNow() ? null : TicketSerializer.Default.Deserialize(row.Ticket);
    }

    public async Task RemoveAsync(string key)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.UserSessions.Where(s => s.Key == key).ExecuteDeleteAsync();
    }

    public static string? KeyOf(ClaimsPrincipal principal) => principal.FindFirstValue(SessionClaim);

    private UserSession Row(string key, AuthenticationTicket ticket)
    {
        if (ticket.Principal.Identity is ClaimsIdentity identity)
        {
            foreach (var old in identity.FindAll(SessionClaim).ToList())
            {
                identity.RemoveClaim(old);
            }

            identity.AddClaim(new Claim(SessionClaim, key));
        }

        return new UserSession
        {
            Key = key,
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            Ticket = TicketSerializer.Default.Serialize(ticket),
            ExpiresAt = ticket.Properties.ExpiresUtc ?? time.GetUtcNow() + IdentityServiceCollectionExtensions.SessionLifetime,
        };
    }
}
