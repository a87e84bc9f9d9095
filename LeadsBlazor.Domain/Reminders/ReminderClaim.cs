namespace LeadsBlazor.Domain.Reminders;

/// <summary>
/// Rule 6: the reminder log's row "this lead, this next-action date, this user". It is written, under a
/// unique key, before the digest that carries it is sent, so the lead is reminded once for its date
/// however many scanners run. A scanner takes pending claims under a lease; a send that fails is
/// retried later with back-off, and the row keeps the attempts and the last error.
/// </summary>
public sealed class ReminderClaim
{
    /// <summary>How long a scanner may hold claims while it sends; after that a crashed scanner's claims are free again.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>After this many failed attempts the claim gives up; the badge still shows the lead.</summary>
    public const int MaxAttempts = 8;

    public const int ErrorMaxLength = 500;

    private ReminderClaim()
    {
        UserId = "";
    }

    public ReminderClaim(int leadId, DateOnly nextActionOn, string userId, DateOnly digestOn, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        LeadId = leadId;
        NextActionOn = nextActionOn;
        UserId = userId;
        DigestOn = digestOn;
        ClaimedAt = now;
        NextAttemptAt = now;
        State = ReminderState.Pending;
    }

    public long Id { get; private set; }

    public int LeadId { get; private set; }

    /// <summary>The next-action date the reminder is for: a new date is a new reminder.</summary>
    public DateOnly NextActionOn { get; private set; }

    public string UserId { get; private set; }

    /// <summary>The day (account time zone) whose digest the claim belongs to: one digest per user and day.</summary>
    public DateOnly DigestOn { get; private set; }

    public DateTimeOffset ClaimedAt { get; private set; }

    public ReminderState State { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public string? LeasedBy { get; private set; }

    public DateTimeOffset? LeasedUntil { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The wait before the next attempt: 1, 2, 4 … minutes, at most six hours.</summary>
    public static TimeSpan BackOff(int failedAttempts) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Max(0, failedAttempts - 1)), TimeSpan.FromHours(6).TotalMinutes));

    public void Take(string scanner, DateTimeOffset now)
    {
        if (State != ReminderState.Pending || NextAttemptAt > now || LeasedUntil > now)
        {
            throw new InvalidOperationException($"Reminder claim {Id} is not free to take.");
        }

        LeasedBy = scanner;
        LeasedUntil = now + Lease;
    }

    /// <summary>
    /// Takes a claim that another runner holds, without waiting for its lease: for the runner that leads the background
    /// jobs, whose predecessor lost the lead (stopped, killed, or cut off from the database) and sends nothing more that
    /// it had not already begun. Its own lease it waits out like any other, as two of its scans may run side by side.
    /// </summary>
    public void TakeOver(string scanner, DateTimeOffset now)
    {
        if (State != ReminderState.Pending || NextAttemptAt > now || (LeasedBy == scanner && LeasedUntil > now))
        {
            throw new InvalidOperationException($"Reminder claim {Id} is not free to take over.");
        }

        LeasedBy = scanner;
        LeasedUntil = now + Lease;
    }

    /// <summary>Before sending, the scanner that holds the claim renews its lease, so a slow send never lets a second scanner take it.</summary>
    public void RenewLease(string scanner, DateTimeOffset now)
    {
        if (State != ReminderState.Pending || LeasedBy != scanner)
        {
            throw new InvalidOperationException($"Reminder claim {Id} is not leased to {scanner}.");
        }

        LeasedUntil = now + Lease;
    }

    public void MarkSent(DateTimeOffset now)
    {
        Attempts++;
        State = ReminderState.Sent;
        SentAt = now;
        Release();
    }

    public void MarkFailed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        NextAttemptAt = now + BackOff(Attempts);
        if (Attempts >= MaxAttempts)
        {
            State = ReminderState.GaveUp;
        }

        Release();
    }

    /// <summary>The lead is no longer due for this user (closed, redated, reassigned) or reminders were switched off: nothing to send.</summary>
    public void Drop()
    {
        State = ReminderState.Dropped;
        Release();
    }

    private void Release()
    {
        LeasedBy = null;
        LeasedUntil = null;
    }
}

public enum ReminderState
{
    Pending = 0,
    Sent = 1,
    Dropped = 2,
    GaveUp = 3,
}
