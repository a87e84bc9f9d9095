using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.Reminders;

namespace LeadsBlazor.Tests.Features.Attention;

/// <summary>
/// The daily digest lists the user's idle leads (Rule 5) in a second section. They ride along with due leads: a user
/// with idle leads but nothing due gets no digest. The clock starts on Monday 30 November 2026, 09:00 in Berlin.
/// </summary>
public abstract class IdleDigestTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string BaseUrl = "https://leads.example.com/";

    private readonly TestSmtpServer _smtp = TestSmtpServer.Start();
    private PipelineApp _app = default!;

    public Task InitializeAsync()
    {
        var settings = _smtp.AppSettings();
        settings["Reminders:BackgroundScan"] = "false";
        settings["Forecast:BackgroundSnapshots"] = "false";
        settings["App:BaseUrl"] = BaseUrl;
        _app = new PipelineApp(settings, provider: provider);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _smtp.DisposeAsync();
    }

    private async Task<int> CreateAsync(string name, int? stageId, DateOnly nextActionOn, string responsible) =>
        await _app.Get<LeadCommands>().CreateAsync(new LeadInput
        {
            Name = name,
            ResponsibleUserId = responsible,
            Revenue = 1000m,
            NextActionOn = nextActionOn,
            NextAction = "Nachfassen",
            StageId = stageId,
        }, _app.OwnerId);

    [Fact]
    public async Task The_digest_lists_the_users_idle_leads_with_stage_and_days_without_change()
    {
        var member = await _app.CreateMemberAsync();
        var offer = (await _app.StagesAsync()).Single(s => s.Name == "Angebot").Id;
        var idle = await CreateAsync("Schweigendes Angebot", offer, _app.Today.AddDays(60), _app.OwnerId);
        await CreateAsync("Member's silent offer", offer, _app.Today.AddDays(60), member);
        _app.Time.Advance(TimeSpan.FromDays(18));
        await CreateAsync("Heute anrufen", null, _app.Today, _app.OwnerId);
        await CreateAsync("Frisches Angebot", offer, _app.Today.AddDays(5), _app.OwnerId);

        var result = await _app.Get<ReminderScanner>().ScanAsync();

        // Only the owner has something due: the member's idle lead alone sends nothing.
        Assert.Equal(1, result.DigestsSent);
        var mail = Assert.Single(_smtp.Messages);
        Assert.Equal(LeadsAppFactory.OwnerEmail, mail.To.Mailboxes.Single().Address);
        Assert.Equal("Fällig: Heute anrufen", mail.Subject);
        Assert.Contains($"Seit Längerem unverändert\n\n* Schweigendes Angebot (Angebot)\n  seit 18 Tagen unverändert\n  {BaseUrl}leads/{idle}", mail.TextBody, StringComparison.Ordinal);
        var html = mail.HtmlBody ?? "";
        Assert.Contains("Seit Längerem unverändert", html, StringComparison.Ordinal);
        Assert.Contains($"data-idle-lead=\"{idle}\"", html, StringComparison.Ordinal);
        Assert.Contains("seit 18 Tagen unverändert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Frisches Angebot", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Member's silent offer", mail.TextBody, StringComparison.Ordinal);
    }
}

public sealed class IdleDigestTestsOnSqlite() : IdleDigestTests(DatabaseProvider.Sqlite);

public sealed class IdleDigestTestsOnPostgres() : IdleDigestTests(DatabaseProvider.Postgres);
