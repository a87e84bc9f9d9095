using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Reminders;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Xunit.Abstractions;

namespace LeadsBlazor.Tests.Features.Reminders;

/// <summary>
/// Rule 6 across instances (issue 19, acceptance 3): two app processes on one PostgreSQL database, one of them runs the
/// reminders; it is killed mid-run, the other takes over, and every due lead is reminded exactly once.
/// </summary>
public sealed class ReminderHandoverTests(ITestOutputHelper output)
{
    // 100 users with 20 due leads each: 100 digests, enough that the runner is still sending when the first one lands.
    private const int Users = 100;
    private const int LeadsPerUser = 20;
    private const string BaseUrl = "https://leads.example.com/";
    private const string LeadsReminders = "now runs the background job Reminders";

    [Fact]
    public async Task Killing_the_runner_mid_run_hands_the_reminders_to_the_other_instance_and_every_due_lead_is_reminded_once()
    {
        // The database and its arranging, in this process; its own jobs are off, so it never competes for the lead.
        using var database = new LeadsAppFactory(provider: DatabaseProvider.Postgres, settings: new Dictionary<string, string?>
        {
            ["Reminders:BackgroundScan"] = "false",
            ["Forecast:BackgroundSnapshots"] = "false",
        });
        var users = await SeedUsersAsync(database);

        // Both instances write into one pickup folder, as they would hand mail to one relay: a digest the killed runner had
        // written but not yet recorded as sent is found there by its Message-Id when the other one sends it again (Rule 6).
        var mail = Directory.CreateTempSubdirectory("leadsblazor-handover-mail-").FullName;
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Leads"] = database.ConnectionString,
                ["Mail__PickupDirectory"] = mail,
                ["Reminders__ScanInterval"] = "00:00:01",
                ["App__BaseUrl"] = BaseUrl,
                ["Demo__Seed"] = "false",
            };
            await using var a = await AppProcess.StartAsync(environment);
            await a.WaitForOutputAsync(LeadsReminders, TimeSpan.FromSeconds(30));
            await using var b = await AppProcess.StartAsync(environment);
            var due = await SeedDueLeadsAsync(database, users);

            // A sends; as soon as its first digest is in the folder, it dies.
            var beforeKill = await MailFolder.WaitForMailsAsync(mail, 1, TimeSpan.FromSeconds(60));
            await a.KillAsync();

            // B takes the lead on its next tick and the claims A had leased at once (their 5-minute lease would outlast the wait).
            await WaitUntilAllSentAsync(database, due.Count, TimeSpan.FromMinutes(3));
            await b.WaitForOutputAsync(LeadsReminders, TimeSpan.FromSeconds(10));
            await b.WaitForOutputAsync("Wrote mail", TimeSpan.FromSeconds(10));

            var digests = new List<(string To, IReadOnlyList<int> Leads)>();
            foreach (var file in Directory.GetFiles(mail, "*.eml"))
            {
                using var message = await MimeMessage.LoadAsync(file);
                digests.Add((message.To.Mailboxes.Single().Address, MailFolder.DueLeadIds(message, BaseUrl)));
            }

            output.WriteLine($"A had written {beforeKill.Length} digests when it was killed; B's log: {Count(b.Output, "Wrote mail")} written, {Count(b.Output, "already in the pickup folder")} found written.");

            // Killed mid-run: A had written some digests, and B wrote more after it (A never wrote them all).
            Assert.InRange(beforeKill.Length, 1, Users - 1);
            Assert.Contains("Wrote mail", b.Output, StringComparison.Ordinal);

            // Every due lead in exactly one digest, one digest per user.
            Assert.Equal(Users, digests.Count);
            Assert.Equal(users.Values.Order(), digests.Select(d => d.To).Order());
            Assert.Equal(due.Order(), digests.SelectMany(d => d.Leads).Order());
        }
        finally
        {
            Directory.Delete(mail, recursive: true);
        }
    }

    private static int Count(string text, string part) => text.Split(part).Length - 1;

    // Users straight through the context (no passwords to hash): they only receive mail. The account reminds from
    // midnight on, so the test runs at any hour of the real clock the app processes keep.
    private static async Task<Dictionary<string, string>> SeedUsersAsync(LeadsAppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<LeadsDbContext>>().CreateDbContextAsync();
        var users = Enumerable.Range(1, Users).Select(n => $"nutzer{n:000}@handover.example").Select(email => new ApplicationUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            DisplayName = email.Split('@')[0],
        }).ToList();
        db.Users.AddRange(users);
        var settings = await db.AccountSettings.SingleAsync();
        settings.SwitchReminders(true);
        settings.ChangeReminderHour(0);
        await db.SaveChangesAsync();
        return users.ToDictionary(u => u.Id, u => u.Email!);
    }

    // All at once, in one transaction: the runner's next scan finds them together.
    private static async Task<List<int>> SeedDueLeadsAsync(LeadsAppFactory app, Dictionary<string, string> users)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<LeadsDbContext>>().CreateDbContextAsync();
        var settings = await db.AccountSettings.SingleAsync();
        var stage = await db.Stages.OrderBy(s => s.Position).FirstAsync();
        var owner = await db.Users.SingleAsync(u => u.Email == LeadsAppFactory.OwnerEmail);
        var actor = new Actor(owner.Id, TimeProvider.System.GetUtcNow());
        var dueOn = settings.Today(TimeProvider.System).AddDays(-1);
        var leads = users.Keys.SelectMany(user => Enumerable.Range(1, LeadsPerUser).Select(n =>
            Lead.CreateRunning($"Lead {n} von {users[user]}", user, Money.Revenue(1_000m, Currency.Eur), dueOn, "Nachfassen", stage, actor))).ToList();
        db.Leads.AddRange(leads);
        await db.SaveChangesAsync();
        return [.. leads.Select(l => l.Id)];
    }

    private static async Task WaitUntilAllSentAsync(LeadsAppFactory app, int count, TimeSpan timeout)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<LeadsDbContext>>();
        var until = DateTimeOffset.UtcNow + timeout;
        var sent = 0;
        while (DateTimeOffset.UtcNow < until)
        {
            await using (var db = await contexts.CreateDbContextAsync())
            {
                sent = await db.ReminderClaims.CountAsync(c => c.State == ReminderState.Sent);
            }

            if (sent == count)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"{sent} of {count} reminders were recorded as sent after {timeout.TotalMinutes} minutes.");
    }
}
