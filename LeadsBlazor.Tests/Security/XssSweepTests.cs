using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Attachments;
using LeadsBlazor.Web.Features.Labels;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.Settings.LostReasons;
using LeadsBlazor.Web.Features.Settings.Stages;
using LeadsBlazor.Web.Infrastructure.Mail;
using LeadsBlazor.Web.Infrastructure.Mail.Templates;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Security;

/// <summary>
/// Script payloads stored in every free-text field a user can set, then every page opened in a real Chromium:
/// nothing runs, and the payload is shown as the text it is.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class XssSweepTests(BrowserFixture browser)
    : BrowserTest(browser, new LeadsAppFactory(settings: new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false" }))
{
    /// <summary>A script element, an attribute break-out with an event handler, and a script URL.</summary>
    public static readonly string[] Payloads =
    [
        "<script>window.__xss=1</script>",
        "\"><img src=x onerror=\"window.__xss=1\">",
        "javascript:window.__xss=1",
    ];

    private readonly List<int> _leads = [];
    private readonly List<int> _labels = [];

    protected override async Task ArrangeAsync()
    {
        using var scope = App.Services.CreateScope();
        var services = scope.ServiceProvider;
        var ownerId = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var owner = (await users.FindByIdAsync(ownerId))!;
        owner.DisplayName = $"Inhaber {Payloads[0]}";
        await users.UpdateAsync(owner);

        var leads = services.GetRequiredService<LeadCommands>();
        var reasons = services.GetRequiredService<CloseReasonCommands>();
        var today = DateOnly.FromDateTime(App.Time.GetUtcNow().UtcDateTime);
        for (var i = 0; i < Payloads.Length; i++)
        {
            var payload = Payloads[i];
            var member = await App.CreateMemberAsync($"member{i}@test.example", LeadsAppFactory.MemberPassword, $"Mitglied {payload}");
            var stageId = await services.GetRequiredService<StageCommands>().AddAsync($"Stufe {payload}", $"Stage {payload}", 40, ownerId);
            var labelId = await services.GetRequiredService<LabelCommands>().CreateAsync(payload, "#1e88e5");
            _labels.Add(labelId);
            await reasons.AddAsync($"Grund {payload}", ownerId);

            // Due today, so the reminder digest and the due badge carry it too.
            var leadId = await leads.CreateAsync(new LeadInput
            {
                Name = $"Lead {payload}",
                ResponsibleUserId = member.Id,
                Revenue = 1_000m,
                NextActionOn = today,
                NextAction = $"Anrufen {payload}",
                NewCompanyName = $"Firma {payload}",
                NewContactName = $"Kontakt {payload}",
                Info = $"Info {payload}",
                StageId = stageId,
                LabelIds = [labelId],
            }, ownerId);
            _leads.Add(leadId);
            await leads.AddNoteAsync(leadId, $"Notiz {payload}", ownerId);
            var stored = await services.GetRequiredService<AttachmentStore>().SaveAsync(new MemoryStream(Encoding.UTF8.GetBytes("Text")), $"Datei {payload}.txt");
            await leads.AttachAsync(leadId, stored, ownerId);

            var lost = await leads.CreateAsync(new LeadInput { Name = $"Verloren {payload}", ResponsibleUserId = member.Id, Revenue = 10m, NextActionOn = today, StageId = stageId }, ownerId);
            var reasonId = (await reasons.ListAsync()).Single(r => r.Name == $"Grund {payload}").Id;
            await leads.CloseAsync(lost, (await App.LeadAsync(lost)).Version, LeadStatus.Lost, today, reasonId, $"Begründung {payload}", ownerId);
            _leads.Add(lost);
        }

        // A potential contact has no stage: its own list shows it.
        await leads.CreateAsync(new LeadInput { Name = $"Kontakt {Payloads[1]}", ResponsibleUserId = ownerId, NextActionOn = today, NewCompanyName = $"Potenzial {Payloads[0]}" }, ownerId);
    }

    [Fact]
    public async Task No_page_runs_a_stored_payload_and_each_shows_it_as_text()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        var pages = new List<(string Path, string[] Shown)>
        {
            ("leads", [$"Lead {Payloads[0]}", $"Stufe {Payloads[1]}", $"Firma {Payloads[2]}"]),
            ("leads/all", [$"Lead {Payloads[1]}", $"Mitglied {Payloads[0]}"]),
            ("leads/all?tab=Lost", [$"Verloren {Payloads[0]}", $"Grund {Payloads[1]}"]),
            ("leads/potential", [$"Kontakt {Payloads[1]}", $"Potenzial {Payloads[0]}"]),
            ("leads/import", []),
            ("settings/stages", [$"Stufe {Payloads[0]}", $"Stufe {Payloads[2]}"]),
            ("settings/lost-reasons", [$"Grund {Payloads[0]}", $"Grund {Payloads[1]}"]),
            ("settings/users", [$"Mitglied {Payloads[1]}", $"Inhaber {Payloads[0]}"]),
            ("settings/reminders", []),
            ("settings/currencies", []),
        };
        pages.AddRange(_labels.Select((id, i) => ($"leads?labels={id}", new[] { $"Lead {Payloads[i]}" })));
        pages.AddRange(_leads.Where((_, i) => i % 2 == 0).Select((id, i) => ($"leads/{id}", new[]
        {
            $"Lead {Payloads[i]}", $"Anrufen {Payloads[i]}", $"Info {Payloads[i]}", $"Notiz {Payloads[i]}", $"Firma {Payloads[i]}", $"Kontakt {Payloads[i]}",

            // The store keeps a file name without markup characters; what is left is shown as it is.
            AttachmentStore.SafeFileName($"Datei {Payloads[i]}.txt"),
        })));
        pages.AddRange(_leads.Where((_, i) => i % 2 == 1).Select((id, i) => ($"leads/{id}", new[] { $"Begründung {Payloads[i]}" })));

        foreach (var (path, shown) in pages)
        {
            await page.GotoAsync(path);
            await page.WaitForCircuitAsync();
            foreach (var text in shown)
            {
                await Assertions.Expect(page.GetByText(text, new() { Exact = false }).First).ToBeAttachedAsync();
            }

            await AssertNothingRanAsync(page, path);
        }
    }

    [Fact]
    public async Task The_close_dialog_lists_the_lost_reasons_as_text()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, $"leads/{_leads[0]}");

        await page.GetByTestId("action-lost").ClickAsync();
        await page.GetByTestId("close-reason").ClickAsync();
        foreach (var payload in Payloads)
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = $"Grund {payload}" })).ToBeVisibleAsync();
        }

        await AssertNothingRanAsync(page, "the close dialog");
    }

    [Fact]
    public async Task The_lead_page_after_live_changes_still_shows_the_payloads_as_text()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, $"leads/{_leads[0]}");
        using (var scope = App.Services.CreateScope())
        {
            // A note from someone else arrives through the live refresh, not a page load.
            await scope.ServiceProvider.GetRequiredService<LeadCommands>().AddNoteAsync(_leads[0], $"Live {Payloads[1]}", await App.UserIdAsync(LeadsAppFactory.OwnerEmail));
        }

        await Assertions.Expect(page.GetByText($"Live {Payloads[1]}").First).ToBeAttachedAsync();
        await AssertNothingRanAsync(page, "live note");
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("en-US")]
    public async Task Every_mail_writes_the_payloads_as_encoded_text(string culture)
    {
        using var scope = App.Services.CreateScope();
        var renderer = scope.ServiceProvider.GetRequiredService<MailRenderer>();
        var app = new Uri("https://leads.example.com/");
        var link = new Uri("https://leads.example.com/Account/ResetPassword?code=abc");
        var today = new DateOnly(2026, 11, 30);
        var language = CultureInfo.GetCultureInfo(culture);
        foreach (var payload in Payloads)
        {
            var digestLeads = new[] { new DigestLead(1, $"Lead {payload}", $"Firma {payload}", today.AddDays(-2), $"Anrufen {payload}", new Uri(app, "leads/1")), new DigestLead(2, payload, payload, today, payload, new Uri(app, "leads/2")) };
            var mails = new[]
            {
                await renderer.RenderAsync<ReminderDigestEmail>("to@test.example", new ReminderDigest($"Mitglied {payload}", today, digestLeads, app), language),
                await renderer.RenderAsync<InvitationEmail>("to@test.example", new Invitation($"Mitglied {payload}", "to@test.example", link, app), language),
                await renderer.RenderAsync<PasswordResetEmail>("to@test.example", new PasswordReset($"Mitglied {payload}", app, link), language),
            };

            foreach (var mail in mails)
            {
                Assert.DoesNotContain("<script", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotMatch(EventHandlerAttribute(), mail.HtmlBody);
                Assert.DoesNotMatch(ScriptUrl(), mail.HtmlBody);
                Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode($"Mitglied {payload}"), mail.HtmlBody, StringComparison.Ordinal);

                // The plain-text part is text: the payload stands there as typed, which no mail client runs.
                Assert.Contains($"Mitglied {payload}", mail.TextBody, StringComparison.Ordinal);
            }
        }
    }

    [GeneratedRegex("""<[^>]*\son\w+\s*=""", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex("""(href|src|action)\s*=\s*["']?\s*javascript:""", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptUrl();

    private static async Task AssertNothingRanAsync(IPage page, string where)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.__xss === 'undefined'"), $"A payload ran on {where}.");
        var injected = await page.EvaluateAsync<int>("""
            () => [...document.querySelectorAll('script')].filter(s => s.textContent.includes('__xss')).length
                + document.querySelectorAll('[onerror], img[src="x"]').length
                + [...document.querySelectorAll('[href], [src], [action]')].filter(e => /^\s*javascript:/i.test(e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? '')).length
            """);
        Assert.True(injected == 0, $"{injected} element(s) made from a payload on {where}.");
    }
}
