using LeadsBlazor.Domain.Reminders;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.Reminders;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace LeadsBlazor.Tests.Features.Reminders;

/// <summary>
/// Rule 6 end to end below the browser: the scanner claims due leads, renders one digest per user in
/// their language and sends it over SMTP to a server in the test; the fake clock moves the days.
/// The clock starts on Monday 30 November 2026, 09:00 in Berlin: after the default digest hour (7:00).
/// </summary>
public abstract class ReminderScannerTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string BaseUrl = "https://leads.example.com/";

    private readonly TestSmtpServer _smtp = TestSmtpServer.Start();
    private PipelineApp _app = default!;
    private string _memberId = "";

    public async Task InitializeAsync()
    {
        var settings = _smtp.AppSettings();
        settings["Reminders:BackgroundScan"] = "false";
        settings["App:BaseUrl"] = BaseUrl;
        _app = new PipelineApp(settings, provider: provider);
        _memberId = await _app.CreateMemberAsync();
        await using var db = _app.NewContext();
        var member = await db.Users.SingleAsync(u => u.Id == _memberId);
        member.Culture = "en-US";
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _smtp.DisposeAsync();
    }

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_app.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);

    private Task<ReminderScanResult> ScanAsync() => _app.Get<ReminderScanner>().ScanAsync();

    private async Task<int> CreateAsync(string name, DateOnly nextActionOn, string responsible, string? nextAction = null) =>
        await _app.Get<LeadCommands>().CreateAsync(new LeadInput
        {
            Name = name,
            ResponsibleUserId = responsible,
            Revenue = 1000m,
            NextActionOn = nextActionOn,
            NextAction = nextAction,
        }, _app.OwnerId);

    private async Task<ReminderClaim> ClaimAsync(int leadId)
    {
        await using var db = _app.NewContext();
        return await db.ReminderClaims.AsNoTracking().SingleAsync(c => c.LeadId == leadId);
    }

    private static string Html(MimeMessage message) => message.HtmlBody ?? "";

    [Fact]
    public async Task Three_due_leads_of_two_users_make_two_digests_in_their_languages_and_are_not_sent_again()
    {
        var angebot = await CreateAsync("Angebot Stadtwerke", Today, _app.OwnerId, "Nachfassen");
        var relaunch = await CreateAsync("Relaunch Bäckerei", Today.AddDays(-2), _app.OwnerId);
        var portal = await CreateAsync("Customer portal", Today, _memberId, "Call back");
        await CreateAsync("Not yet", Today.AddDays(1), _memberId);

        var result = await ScanAsync();

        Assert.Equal(2, result.DigestsSent);
        Assert.Equal(2, _smtp.Messages.Count);
        Assert.Equal(1, _smtp.Sessions); // both digests over one connection

        var owner = Assert.Single(_smtp.Messages, m => m.To.Mailboxes.Single().Address == LeadsAppFactory.OwnerEmail);
        Assert.Equal("2 Leads sind fällig", owner.Subject);
        Assert.Contains($"{BaseUrl}leads/{angebot}", Html(owner), StringComparison.Ordinal);
        Assert.Contains($"{BaseUrl}leads/{relaunch}", Html(owner), StringComparison.Ordinal);
        Assert.Contains("Relaunch Bäckerei", owner.TextBody, StringComparison.Ordinal);
        Assert.Contains("seit 2 Tagen überfällig", Html(owner), StringComparison.Ordinal);
        Assert.Contains("Nächste Aktion: 28.11.2026 (seit 2 Tagen überfällig)", owner.TextBody, StringComparison.Ordinal);
        Assert.Contains("Nächste Aktion: 30.11.2026 – Nachfassen", owner.TextBody, StringComparison.Ordinal);

        var member = Assert.Single(_smtp.Messages, m => m.To.Mailboxes.Single().Address == LeadsAppFactory.MemberEmail);
        Assert.Equal("Due: Customer portal", member.Subject);
        Assert.Contains("Hello Mia Member,", member.TextBody, StringComparison.Ordinal);
        Assert.Contains("Next action: 11/30/2026 – Call back", member.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{BaseUrl}leads/{portal}", member.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Not yet", Html(member), StringComparison.Ordinal);

        Assert.Equal(new ReminderScanResult(0, 0, 0), await ScanAsync());
        _app.Time.Advance(TimeSpan.FromHours(3));
        Assert.Equal(new ReminderScanResult(0, 0, 0), await ScanAsync());
        Assert.Equal(2, _smtp.Messages.Count);
    }

    [Fact]
    public async Task A_lead_moved_to_tomorrow_is_reminded_again_the_next_day_alone()
    {
        var angebot = await CreateAsync("Angebot Stadtwerke", Today, _app.OwnerId);
        await CreateAsync("Relaunch Bäckerei", Today.AddDays(-1), _app.OwnerId);
        await ScanAsync();
        Assert.Single(_smtp.Messages);

        await using (var db = _app.NewContext())
        {
            var lead = await db.Leads.SingleAsync(l => l.Id == angebot);
            lead.ScheduleNextAction(Today.AddDays(1), "Zweiter Anruf", _app.Actor);
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, (await ScanAsync()).DigestsSent);
        _app.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await ScanAsync()).DigestsSent);

        var second = _smtp.Messages[1];
        Assert.Equal("Fällig: Angebot Stadtwerke", second.Subject);
        Assert.DoesNotContain("Relaunch Bäckerei", second.TextBody, StringComparison.Ordinal);
        Assert.Equal(0, (await ScanAsync()).DigestsSent);
    }

    [Fact]
    public async Task Reminders_off_for_the_account_send_nothing()
    {
        await CreateAsync("Angebot Stadtwerke", Today, _app.OwnerId);
        await _app.Get<LeadsBlazor.Web.Features.Settings.Reminders.ReminderSettingsCommands>()
            .ChangeAsync(_app.OwnerId, new LeadsBlazor.Web.Features.Settings.Reminders.ReminderSettings(false, 7, "Europe/Berlin"));

        Assert.Equal(new ReminderScanResult(0, 0, 0), await ScanAsync());
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task Reminders_off_for_one_user_spare_only_that_user()
    {
        await CreateAsync("Angebot Stadtwerke", Today, _app.OwnerId);
        await CreateAsync("Customer portal", Today, _memberId);
        await _app.Get<UserReminderSetting>().SwitchAsync(_memberId, on: false);

        await ScanAsync();

        var only = Assert.Single(_smtp.Messages);
        Assert.Equal(LeadsAppFactory.OwnerEmail, only.To.Mailboxes.Single().Address);
        Assert.False(await _app.Get<UserReminderSetting>().IsOnAsync(_memberId));
    }

    [Fact]
    public async Task No_digest_goes_out_before_the_digest_hour()
    {
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 5, 0, 0, TimeSpan.Zero)); // 06:00 in Berlin
        await CreateAsync("Angebot Stadtwerke", Today, _app.OwnerId);

        Assert.Equal(0, (await ScanAsync()).DigestsSent);
        _app.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, (await ScanAsync()).DigestsSent);
    }

    [Fact]
    public async Task A_refused_digest_goes_out_on_a_later_tick_once_and_the_log_keeps_the_failure()
    {
        var lead = await CreateAsync("Angebot Stadtwerke", Today, _app.OwnerId);
        _smtp.RefuseNext = 1;

        Assert.Equal(1, (await ScanAsync()).DigestsFailed);
        Assert.Empty(_smtp.Messages);
        var failed = await ClaimAsync(lead);
        Assert.Equal((ReminderState.Pending, 1), (failed.State, failed.Attempts));
        Assert.Contains("try again later", failed.LastError, StringComparison.OrdinalIgnoreCase);

        // Back-off: the next tick within the minute leaves it alone; the one after sends it.
        Assert.Equal(new ReminderScanResult(0, 0, 0), await ScanAsync());
        _app.Time.Advance(ReminderClaim.BackOff(1));
        Assert.Equal(1, (await ScanAsync()).DigestsSent);
        _app.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, (await ScanAsync()).DigestsSent);

        Assert.Single(_smtp.Messages);
        var sent = await ClaimAsync(lead);
        Assert.Equal((ReminderState.Sent, 2), (sent.State, sent.Attempts));
        Assert.Contains("try again later", sent.LastError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Two_scanners_at_the_same_tick_send_one_digest_per_user()
    {
        await CreateAsync("Angebot Stadtwerke", Today, _app.OwnerId);
        await CreateAsync("Relaunch Bäckerei", Today, _app.OwnerId);
        await CreateAsync("Customer portal", Today, _memberId);
        var first = _app.NewInstance<ReminderScanner>();
        var second = _app.NewInstance<ReminderScanner>();

        var results = await Task.WhenAll(Task.Run(() => first.ScanAsync()), Task.Run(() => second.ScanAsync()));

        Assert.Equal(2, results.Sum(r => r.DigestsSent));
        Assert.Equal(2, _smtp.Messages.Count);
        Assert.Equal(2, _smtp.Messages.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
    }

    [Fact]
    public async Task A_lead_closed_after_its_claim_is_dropped_not_sent()
    {
        var lead = await CreateAsync("Angebot Stadtwerke", Today, _app.OwnerId);
        _smtp.RefuseNext = 1;
        await ScanAsync();
        await _app.Get<LeadCommands>().CloseAsync(lead, (await _app.ReloadAsync(lead)).Version, LeadsBlazor.Domain.Leads.LeadStatus.Won, Today, null, null, _app.OwnerId);

        _app.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(new ReminderScanResult(0, 0, 1), await ScanAsync());
        Assert.Empty(_smtp.Messages);
        Assert.Equal(ReminderState.Dropped, (await ClaimAsync(lead)).State);
    }
}

public sealed class ReminderScannerTestsOnSqlite() : ReminderScannerTests(DatabaseProvider.Sqlite);

public sealed class ReminderScannerTestsOnPostgres() : ReminderScannerTests(DatabaseProvider.Postgres);
