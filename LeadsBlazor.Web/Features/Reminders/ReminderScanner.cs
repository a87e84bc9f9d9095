using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Reminders;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure;
using LeadsBlazor.Web.Infrastructure.Jobs;
using LeadsBlazor.Web.Infrastructure.Mail;
using LeadsBlazor.Web.Infrastructure.Mail.Templates;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Reminders;

/// <summary>What one scan did.</summary>
public sealed record ReminderScanResult(int DigestsSent, int DigestsFailed, int RemindersDropped);

/// <summary>
/// One tick of Rule 6. In one write transaction it claims the leads that became due and were not yet
/// reminded for their date (one digest per user and day), and leases the claims that are ready to send;
/// then it sends one digest per user and records each outcome. Two scanners on one database queue on the
/// write lock, so the second finds the claims taken; a crash after sending repeats at most that digest
/// (once the lease runs out, or at once when the instance that leads the reminders takes over), under the
/// same Message-Id (which the pickup folder keeps once).
/// </summary>
public sealed class ReminderScanner(
    IDbContextFactory<LeadsDbContext> contexts,
    IMailSender mail,
    MailRenderer renderer,
    AppUrls urls,
    JobLeadership leadership,
    TimeProvider time,
    ILogger<ReminderScanner> logger)
{
    // Names the lease holder in the log: this app instance (every scanner of one instance shares it).
    private readonly string _scanner = leadership.Runner;

    public async Task<ReminderScanResult> ScanAsync(CancellationToken cancellationToken = default)
    {
        var taken = await ClaimAndTakeAsync(cancellationToken);
        if (taken.Count == 0)
        {
            return new ReminderScanResult(0, 0, 0);
        }

        int sent = 0, failed = 0, dropped = 0;
        await using var batch = await mail.StartBatchAsync(cancellationToken);
        foreach (var claims in taken.GroupBy(c => c.UserId))
        {
            var outcome = await SendDigestAsync(batch, claims.Key, [.. claims.Select(c => c.Id)], cancellationToken);
            sent += outcome == Outcome.Sent ? 1 : 0;
            failed += outcome == Outcome.Failed ? 1 : 0;
            dropped += outcome == Outcome.Dropped ? claims.Count() : 0;
        }

        return new ReminderScanResult(sent, failed, dropped);
    }

    private async Task<List<ReminderClaim>> ClaimAndTakeAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var settings = await db.AccountSettings.AsNoTracking().SingleAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (settings.IsDigestTime(time))
        {
            var today = settings.Today(time);
            var fresh = await db.Leads.AsNoTracking()
                .Due(today)
                .Where(l => db.Users.Any(u => u.Id == l.ResponsibleUserId && u.IsActive && u.RemindersEnabled))
                .Where(l => !db.ReminderClaims.Any(c => c.UserId == l.ResponsibleUserId && c.DigestOn == today))
                .Where(l => !db.ReminderClaims.Any(c => c.LeadId == l.Id && c.NextActionOn == l.NextActionOn && c.UserId == l.ResponsibleUserId))
                .Select(l => new { l.Id, NextActionOn = l.NextActionOn!.Value, l.ResponsibleUserId })
                .ToListAsync(cancellationToken);
            db.ReminderClaims.AddRange(fresh.Select(l => new ReminderClaim(l.Id, l.NextActionOn, l.ResponsibleUserId, today, now)));
            await db.SaveChangesAsync(cancellationToken);
        }

        // The instance that leads the reminders takes claims leased to another instance at once rather than after the lease:
        // only the leader scans in the background, so their holder lost the lead (it stopped, was killed, or was cut off from
        // the database) and sends nothing it had not begun; what it had begun is the crash case above. Asked under the write
        // lock, so a successor's takeover queues behind this one and finds the claims leased to this instance, and this
        // instance's sends find them gone (the lease is renewed per digest, only for the holder). On SQLite there is one
        // instance per file, so another holder is an instance that ended before this one started.
        var leading = await leadership.HoldsAsync(SingleJob.Reminders, cancellationToken);
        var ready = await db.ReminderClaims
            .Where(c => c.State == ReminderState.Pending && c.NextAttemptAt <= now
                && (c.LeasedUntil == null || c.LeasedUntil <= now || (leading && c.LeasedBy != _scanner)))
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
        foreach (var claim in ready)
        {
            if (claim.LeasedUntil > now)
            {
                claim.TakeOver(_scanner, now);
            }
            else
            {
                claim.Take(_scanner, now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ready;
    }

    private async Task<Outcome> SendDigestAsync(IMailBatch batch, string userId, List<long> claimIds, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Only what is still leased to this scanner is sent, with the lease renewed: earlier digests of this
        // tick may have been slow, and a second scanner may have taken claims whose lease ran out.
        List<ReminderClaim> claims;
        await using (var lease = await db.BeginWriteAsync(cancellationToken))
        {
            claims = await db.ReminderClaims
                .Where(c => claimIds.Contains(c.Id) && c.LeasedBy == _scanner && c.State == ReminderState.Pending)
                .ToListAsync(cancellationToken);
            claims.ForEach(c => c.RenewLease(_scanner, time.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            await lease.CommitAsync(cancellationToken);
        }

        if (claims.Count == 0)
        {
            return Outcome.Skipped;
        }

        var settings = await db.AccountSettings.AsNoTracking().SingleAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        var leadIds = claims.Select(c => c.LeadId).ToList();
        var leads = await db.Leads.AsNoTracking()
            .Where(l => leadIds.Contains(l.Id))
            .Select(l => new { l.Id, l.Name, Customer = l.Company != null ? l.Company.Name : null, l.Status, l.NextActionOn, l.NextAction, l.ResponsibleUserId })
            .ToDictionaryAsync(l => l.Id, cancellationToken);

        // The lead may have changed since it was claimed: only what is still due for this user, for this date, is sent.
        var stillDue = claims
            .Where(c => leads.TryGetValue(c.LeadId, out var l) && l.Status.IsOpen() && l.ResponsibleUserId == userId && l.NextActionOn == c.NextActionOn)
            .ToList();
        var wanted = user is { IsActive: true, RemindersEnabled: true, Email.Length: > 0 } && settings.RemindersEnabled;
        foreach (var claim in claims.Where(c => !wanted || !stillDue.Contains(c)))
        {
            claim.Drop();
        }

        var outcome = Outcome.Dropped;
        if (wanted && stillDue.Count > 0)
        {
            var digest = new ReminderDigest(
                user!.NameOrEmail(),
                settings.Today(time),
                [.. stillDue.Select(c => leads[c.LeadId]).OrderBy(l => l.NextActionOn).ThenBy(l => l.Name)
                    .Select(l => new DigestLead(l.Id, l.Name, l.Customer, l.NextActionOn!.Value, l.NextAction, urls.Absolute($"leads/{l.Id}")))],
                urls.BaseUrl)
            {
                IdleLeads = await IdleLeadsAsync(db, userId, settings, cancellationToken),
            };
            try
            {
                var message = await renderer.RenderAsync<ReminderDigestEmail>(user, user.Email!, digest, cancellationToken);
                await batch.SendAsync(message with { MessageId = DigestMessageId(userId, stillDue.Max(c => c.DigestOn)) }, cancellationToken);
                stillDue.ForEach(c => c.MarkSent(time.GetUtcNow()));
                outcome = Outcome.Sent;
                logger.LogInformation("Sent the reminder digest of {Count} leads to user {UserId}.", stillDue.Count, userId);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                stillDue.ForEach(c => c.MarkFailed($"{e.GetType().Name}: {e.Message}", time.GetUtcNow()));
                outcome = Outcome.Failed;
                logger.LogWarning(e, "Sending the reminder digest to user {UserId} failed (attempt {Attempt}); it is retried later.", userId, stillDue[0].Attempts);
            }
        }

        // The outcome is recorded right after the send returned (the mail accepted by the SMTP server, or its pickup
        // file in place), even when the tick is being stopped: a sent digest must not be sent again. A crash before
        // this commit leaves the claims leased; after the lease they are sent again under the same Message-Id, which
        // the pickup folder keeps once (at-least-once, Rule 6).
        await using var transaction = await db.BeginWriteAsync(CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return outcome;
    }

    // The user's idle leads (Rule 5) ride along with a digest that goes out for due leads: they are a standing state, not an
    // event to claim, so they never start a digest on their own.
    private async Task<List<DigestIdleLead>> IdleLeadsAsync(LeadsDbContext db, string userId, AccountSettings settings, CancellationToken cancellationToken)
    {
        var today = settings.Today(time);
        var stages = await db.Stages.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
        var idle = await db.Leads.AsNoTracking()
            .Where(l => l.ResponsibleUserId == userId)
            .Idle(stages.Values, settings, today)
            .OrderBy(l => l.LastChangedAt).ThenBy(l => l.Id)
            .Select(l => new { l.Id, l.Name, l.StageId, l.Status, l.LastChangedAt })
            .ToListAsync(cancellationToken);
        return [.. idle.Select(l => (Lead: l, Stage: stages[l.StageId!.Value])).Select(x => new DigestIdleLead(
            x.Lead.Id, x.Lead.Name, x.Stage.Name, x.Stage.EnglishName,
            Idleness.DaysIdle(x.Stage, x.Lead.Status, x.Lead.LastChangedAt, settings, today) ?? 0, urls.Absolute($"leads/{x.Lead.Id}")))];
    }

    /// <summary>One Message-Id per user and digest day: the same digest sent again is recognisably the same mail.</summary>
    public string DigestMessageId(string userId, DateOnly digestOn) =>
        $"reminder-digest.{digestOn.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}.{userId}@{urls.BaseUrl.Host}";

    private enum Outcome
    {
        Sent,
        Failed,
        Dropped,
        Skipped,
    }
}
