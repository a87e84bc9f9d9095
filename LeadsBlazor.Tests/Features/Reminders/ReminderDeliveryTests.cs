using LeadsBlazor.Domain.Reminders;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace LeadsBlazor.Tests.Features.Reminders;

/// <summary>The reminder service as it runs in the app: its timer on the app's clock, and the pickup folder as the default sender.</summary>
public abstract class ReminderDeliveryTests(DatabaseProvider provider)
{
    [Fact]
    public async Task In_pickup_mode_the_due_demo_leads_become_well_formed_eml_files()
    {
        using var app = new PipelineApp(new Dictionary<string, string?>
        {
            ["Demo:Seed"] = "true",
            ["Reminders:BackgroundScan"] = "false",
            ["App:BaseUrl"] = "https://leads.example.com",
        }, provider: provider);
        int dueDemoLeads;
        await using (var db = app.NewContext())
        {
            var today = (await db.AccountSettings.SingleAsync()).Today(app.Time);
            dueDemoLeads = await db.Leads.CountAsync(l => (l.Status == LeadsBlazor.Domain.Leads.LeadStatus.Potential || l.Status == LeadsBlazor.Domain.Leads.LeadStatus.Running) && l.NextActionOn <= today);
        }

        Assert.True(dueDemoLeads > 0, "The demo data has due leads.");

        var result = await app.Get<ReminderScanner>().ScanAsync();

        var files = Directory.GetFiles(app.MailFolder, "*.eml");
        Assert.Equal(result.DigestsSent, files.Length);
        Assert.NotEmpty(files);
        var leadLinks = 0;
        var idleSections = 0;
        foreach (var file in files)
        {
            using var message = await MimeMessage.LoadAsync(file);
            Assert.Single(message.From.Mailboxes);
            Assert.EndsWith("@example.com", message.To.Mailboxes.Single().Address, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(message.Subject));
            Assert.NotEqual(default, message.Date);
            Assert.False(string.IsNullOrEmpty(message.MessageId));
            Assert.Contains("<html", message.HtmlBody, StringComparison.Ordinal);
            var text = message.TextBody ?? "";
            Assert.Contains("https://leads.example.com/leads/", text, StringComparison.Ordinal);
            // The due leads come first; the idle ones (Rule 5) follow in a section of their own.
            leadLinks += MailFolder.DueLeadIds(message, "https://leads.example.com").Count;
            idleSections += text.Split(["Seit Längerem unverändert", "Unchanged for a while"], StringSplitOptions.None).Length - 1;
        }

        Assert.Equal(dueDemoLeads, leadLinks);
        Assert.True(idleSections > 0, "The demo data's idle leads are listed in the digests.");
        Assert.Empty(Directory.GetFiles(app.MailFolder, "*.tmp"));
    }

    [Fact]
    public async Task The_background_service_scans_on_each_tick_of_the_app_clock()
    {
        await using var smtp = TestSmtpServer.Start();
        var settings = smtp.AppSettings();
        settings["Reminders:ScanInterval"] = "00:05:00";
        using var factory = new LeadsAppFactory(settings: settings, provider: provider);
        using var scope = factory.Services.CreateScope();
        var ownerId = (await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<LeadsBlazor.Web.Data.ApplicationUser>>()
            .FindByEmailAsync(LeadsAppFactory.OwnerEmail))!.Id;
        var today = await scope.ServiceProvider.GetRequiredService<DueLeadsQuery>().TodayAsync();
        await scope.ServiceProvider.GetRequiredService<LeadCommands>().CreateAsync(
            new LeadInput { Name = "Angebot Stadtwerke", ResponsibleUserId = ownerId, Revenue = 1000m, NextActionOn = today }, ownerId);

        factory.Time.Advance(TimeSpan.FromMinutes(5));

        var sent = await smtp.WaitForAsync(1, TimeSpan.FromSeconds(15));
        Assert.Equal("Fällig: Angebot Stadtwerke", Assert.Single(sent).Subject);
    }

    [Fact]
    public async Task A_digest_written_to_the_pickup_folder_but_not_recorded_before_a_crash_is_not_written_again_after_the_lease()
    {
        using var app = new PipelineApp(new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false" }, provider: provider);
        var leadId = await app.Get<LeadCommands>().CreateAsync(
            new LeadInput { Name = "Angebot Stadtwerke", ResponsibleUserId = app.OwnerId, Revenue = 1000m, NextActionOn = app.Today.AddDays(-1) }, app.OwnerId);
        var scanner = app.Get<ReminderScanner>();
        await scanner.ScanAsync();
        var written = Assert.Single(Directory.GetFiles(app.MailFolder, "*.eml"));
        await using (var db = app.NewContext())
        {
            var digestOn = (await db.ReminderClaims.SingleAsync(c => c.LeadId == leadId)).DigestOn;
            using var mail = await MimeMessage.LoadAsync(written);
            Assert.Equal(scanner.DigestMessageId(app.OwnerId, digestOn), mail.MessageId);

            // The crash: the file is written, the claim still leased and pending, as if the process died before recording "sent".
            await db.ReminderClaims.Where(c => c.LeadId == leadId)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.State, ReminderState.Pending).SetProperty(x => x.SentAt, (DateTimeOffset?)null));
        }

        app.Time.Advance(ReminderClaim.Lease + TimeSpan.FromMinutes(1));
        var result = await app.NewInstance<ReminderScanner>().ScanAsync();

        Assert.Equal(1, result.DigestsSent);
        Assert.Equal(written, Assert.Single(Directory.GetFiles(app.MailFolder, "*.eml")));
        await using var after = app.NewContext();
        Assert.Equal(ReminderState.Sent, (await after.ReminderClaims.SingleAsync(c => c.LeadId == leadId)).State);
    }
}

public sealed class ReminderDeliveryTestsOnSqlite() : ReminderDeliveryTests(DatabaseProvider.Sqlite);

public sealed class ReminderDeliveryTestsOnPostgres() : ReminderDeliveryTests(DatabaseProvider.Postgres);
