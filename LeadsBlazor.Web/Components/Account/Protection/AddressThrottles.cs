using System.Security.Cryptography;
using System.Text;
using LeadsBlazor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Components.Account.Protection;

/// <summary>Reads and changes an address's <see cref="AddressThrottle"/> in one write transaction, so parallel posts count once each.</summary>
public sealed class AddressThrottles(IDbContextFactory<LeadsDbContext> contexts, TimeProvider time)
{
    public async Task<T> ChangeAsync<T>(string address, Func<AddressThrottle, T> change, CancellationToken cancellationToken = default)
    {
        var hash = HashOf(address);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var forgotten = time.GetUtcNow() - AddressThrottle.KeptFor;
        await db.AddressThrottles.Where(t => t.LastChangedAt < forgotten).ExecuteDeleteAsync(cancellationToken);
        var throttle = await db.AddressThrottles.SingleOrDefaultAsync(t => t.AddressHash == hash, cancellationToken);
        if (throttle is null)
        {
            throttle = new AddressThrottle(hash);
            db.AddressThrottles.Add(throttle);
        }

        var result = change(throttle);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task<AddressThrottle?> FindAsync(string address, CancellationToken cancellationToken = default)
    {
        var hash = HashOf(address);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AddressThrottles.AsNoTracking().SingleOrDefaultAsync(t => t.AddressHash == hash, cancellationToken);
    }

    // Case and surrounding space do not make another address.
    internal static string HashOf(string address) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(address.Trim().ToUpperInvariant())));
}
