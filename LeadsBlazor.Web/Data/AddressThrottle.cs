namespace LeadsBlazor.Web.Data;

/// <summary>
/// What the sign-in and forgot-password pages remember about an address, whether or not an account has it:
/// failed sign-ins of unknown addresses lock out like a known account's, and reset mails go out at most once
/// per interval. Kept in the database (not in memory) so that several app instances count together; a row
/// untouched for <see cref="KeptFor"/> is forgotten, so a flood of made-up addresses does not fill the table.
/// </summary>
public sealed class AddressThrottle
{
    private AddressThrottle()
    {
    }

    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    public AddressThrottle(string addressHash) => AddressHash = addressHash;

    /// <summary>A hash of the normalized address: the table keeps no address anyone typed.</summary>
    public string AddressHash { get; private set; } = "";

    public int FailedSignIns { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset? LastResetMailAt { get; private set; }

    /// <summary>When a sign-in or a reset mail last counted here.</summary>
    public DateTimeOffset LastChangedAt { get; private set; }

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil > now;

    /// <summary>Counts a failed sign-in; the one that reaches <paramref name="maxFailures"/> locks the address, as Identity locks an account.</summary>
    public void SignInFailed(DateTimeOffset now, int maxFailures, TimeSpan lockout)
    {
        if (IsLockedOut(now))
        {
            return;
        }

        LastChangedAt = now;
        FailedSignIns++;
        if (FailedSignIns >= maxFailures)
        {
            LockedUntil = now + lockout;
            FailedSignIns = 0;
        }
    }

    /// <summary>Whether a reset mail may go now; if so, it counts as sent.</summary>
    public bool TryTakeResetMail(DateTimeOffset now, TimeSpan interval)
    {
        if (LastResetMailAt is { } last && now - last < interval)
        {
            return false;
        }

        LastResetMailAt = LastChangedAt = now;
        return true;
    }
}
