using LeadsBlazor.Domain.Reminders;

namespace LeadsBlazor.Tests.Domain;

/// <summary>Rule 6's reminder log row: leased while sent, retried with back-off, given up at last.</summary>
public sealed class ReminderClaimTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private static ReminderClaim NewClaim() => new(7, new DateOnly(2026, 11, 30), "user-1", new DateOnly(2026, 11, 30), Now);

    [Fact]
    public void A_taken_claim_cannot_be_taken_again_until_its_lease_runs_out()
    {
        var claim = NewClaim();
        claim.Take("scanner-a", Now);

        Assert.Throws<InvalidOperationException>(() => claim.Take("scanner-b", Now.AddMinutes(1)));
        claim.Take("scanner-b", Now + ReminderClaim.Lease);
        Assert.Equal("scanner-b", claim.LeasedBy);
    }

    [Fact]
    public void The_leading_runner_takes_over_another_runners_claim_at_once_but_waits_out_its_own_lease()
    {
        var claim = NewClaim();
        claim.Take("runner-a", Now);

        Assert.Throws<InvalidOperationException>(() => claim.TakeOver("runner-a", Now.AddMinutes(1)));
        claim.TakeOver("runner-b", Now.AddMinutes(1));
        Assert.Equal(("runner-b", Now.AddMinutes(1) + ReminderClaim.Lease), (claim.LeasedBy, claim.LeasedUntil));

        claim.MarkSent(Now.AddMinutes(2));
        Assert.Throws<InvalidOperationException>(() => claim.TakeOver("runner-c", Now.AddMinutes(3)));
    }

    [Fact]
    public void A_failure_counts_the_attempt_keeps_the_error_and_waits_longer_each_time()
    {
        var claim = NewClaim();
        claim.Take("scanner-a", Now);
        claim.MarkFailed("SmtpCommandException: 554 busy", Now);

        Assert.Equal((ReminderState.Pending, 1, "SmtpCommandException: 554 busy"), (claim.State, claim.Attempts, claim.LastError));
        Assert.Equal(Now.AddMinutes(1), claim.NextAttemptAt);
        Assert.Null(claim.LeasedBy);
        Assert.Throws<InvalidOperationException>(() => claim.Take("scanner-a", Now.AddSeconds(30)));
        Assert.Equal([1, 2, 4, 8, 16], Enumerable.Range(1, 5).Select(n => ReminderClaim.BackOff(n).TotalMinutes));
        Assert.Equal(TimeSpan.FromHours(6), ReminderClaim.BackOff(30));
    }

    [Fact]
    public void After_the_last_attempt_the_claim_gives_up()
    {
        var claim = NewClaim();
        var at = Now;
        for (var attempt = 1; attempt <= ReminderClaim.MaxAttempts; attempt++)
        {
            claim.Take("scanner-a", at);
            claim.MarkFailed("refused", at);
            at = claim.NextAttemptAt;
        }

        Assert.Equal(ReminderState.GaveUp, claim.State);
        Assert.Throws<InvalidOperationException>(() => claim.Take("scanner-a", at.AddDays(1)));
    }

    [Fact]
    public void A_sent_claim_counts_the_attempt_and_records_when()
    {
        var claim = NewClaim();
        claim.Take("scanner-a", Now);
        claim.MarkSent(Now.AddSeconds(2));

        Assert.Equal((ReminderState.Sent, 1, Now.AddSeconds(2)), (claim.State, claim.Attempts, claim.SentAt));
        Assert.Null(claim.LeasedUntil);
    }

    [Fact]
    public void A_long_error_is_cut_to_the_column_length()
    {
        var claim = NewClaim();
        claim.MarkFailed(new string('x', 2_000), Now);

        Assert.Equal(ReminderClaim.ErrorMaxLength, claim.LastError!.Length);
    }
}
