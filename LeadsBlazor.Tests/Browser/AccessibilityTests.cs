using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Customers;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.Offers;
using LeadsBlazor.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>
/// Every page passes axe-core (WCAG 2.1 A and AA) without a serious or critical violation, for the owner and for
/// a member, in German and English, light and dark.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly string[] SignedOutPages = ["Account/Login", "Account/ForgotPassword"];

    private static readonly string[] LeadPages = ["leads", "leads/potential", "leads/all", "leads/attention", "leads/all?tab=lost", "leads/import", "companies", "companies/import", "projects", "offers", "offers?status=archived", "leads/forecast", "leads/outcomes"];

    private static readonly string[] SettingsPages = ["settings/stages", "settings/reminders", "settings/currencies", "settings/lost-reasons", "settings/users", "settings/number-ranges", "settings/offers"];

    private int _lead;
    private int _company;
    private int _offer;
    private int _project;

    protected override async Task ArrangeAsync()
    {
        var member = await App.CreateMemberAsync();
        var stages = await App.StagesAsync();

        // Labels fill the navigation of every page and the lead's label bars, as in any account in use.
        var label = await App.CreateLabelAsync("Messe 2027", "#ff9800");
        _lead = await App.CreateLeadAsync("Relaunch Website", 12_000m, member.Id, stages[1].Id, nextActionOn: DateOnly.FromDateTime(App.Time.GetUtcNow().UtcDateTime).AddDays(-1), labelIds: [label]);
        await App.CreateLeadAsync("Kampagne Frühjahr", 5_500.50m, member.Id, stageId: null);

        // Offers on the lead, one of them archived, as the lead page and the offer list show them.
        await App.Services.CreateOfferAsync(_lead, member.Id, "Webshop", 12_000m);
        var archived = await App.Services.CreateOfferAsync(_lead, member.Id, "Flyer", 300m);
        await App.Services.ChangeOfferAsync(archived, member.Id, (c, id, version, user) => c.ArchiveAsync(id, version, user));

        // A customer with an address, a contact person and a lead, as its page shows them.
        using var scope = App.Services.CreateScope();
        var companies = scope.ServiceProvider.GetRequiredService<CompanyCommands>();
        _company = await companies.CreateAsync(new CompanyInput { Name = "Alpenblick AG", Street = "Bahnhofstrasse 1", Postcode = "8001", City = "Zürich", CountryCode = "CH", Email = "info@alpenblick.ch" }, member.Id);
        await companies.AddPersonAsync(_company, PersonDetails.FromName("Jana Schmid", "jana@alpenblick.ch"), member.Id);
        await scope.ServiceProvider.GetRequiredService<LeadCommands>().CreateAsync(
            new LeadInput { Name = "Shop", ResponsibleUserId = member.Id, Revenue = 8_000m, NextActionOn = DateOnly.FromDateTime(App.Time.GetUtcNow().UtcDateTime).AddDays(3), StageId = stages[2].Id, CompanyId = _company }, member.Id);

        // An offer with every kind of position, as the offer page edits them.
        var offers = scope.ServiceProvider.GetRequiredService<OfferCommands>();
        _offer = await offers.CreateAsync(_lead, member.Id);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LeadsDbContext>>().CreateDbContextAsync();
        var offer = await db.Offers.AsNoTracking().SingleAsync(o => o.Id == _offer);
        await offers.UpdateAsync(_offer, offer.Version, offer.Details(),
            [OfferPosition.Title("Konzeption"), OfferPosition.Description("Workshop und Protokoll"), OfferPosition.Item("Workshop", 1m, "pauschal", 1_800m),
             OfferPosition.Item("Schulung", 4m, "Std.", 110m, optional: true), OfferPosition.Subtotal(), OfferPosition.PageBreak()], member.Id);

        // A project of a won lead with one offer billed, one free to choose, and a note, as the project page shows them.
        var (wonLead, billed, _) = await App.Services.CreateWonLeadWithTwoOffersAsync(member.Id, "Intranet");
        _project = await App.Services.CreateProjectFromLeadAsync(wonLead, member.Id, "Intranet Phase 1");
        var projects = scope.ServiceProvider.GetRequiredService<ProjectCommands>();
        await projects.BillOfferAsync(_project, billed, member.Id);
        await projects.AddNoteAsync(_project, "Kick-off am Montag", member.Id);
    }

    public static TheoryData<string, string, bool> Sessions() => new()
    {
        { LeadsAppFactory.OwnerEmail, "de-DE", false },
        { LeadsAppFactory.OwnerEmail, "en-US", true },
        { LeadsAppFactory.MemberEmail, "en-US", false },
        { LeadsAppFactory.MemberEmail, "de-DE", true },
    };

    [Theory]
    [MemberData(nameof(Sessions))]
    public async Task Every_page_has_no_serious_or_critical_violation(string email, string locale, bool dark)
    {
        var page = await NewPageAsync(locale);
        var problems = new List<string>();
        foreach (var path in SignedOutPages)
        {
            await page.GotoAsync(path);
            problems.AddRange(await ViolationsAsync(page, path));
        }

        await page.SignInAsync(email, email == LeadsAppFactory.OwnerEmail ? LeadsAppFactory.OwnerPassword : LeadsAppFactory.MemberPassword);
        if (dark)
        {
            await page.GotoAsync("preferences/theme/dark?returnUrl=%2Fleads");
            await page.WaitForCircuitAsync();
        }

        // A member asking for a settings page lands on "access denied", a static page: that page must pass too.
        foreach (var path in LeadPages.Append($"leads/{_lead}").Append($"companies/{_company}").Append($"offers/{_offer}").Append($"projects/{_project}").Concat(SettingsPages))
        {
            await page.GotoAsync(path);
            if (page.Url.Contains("/Account/", StringComparison.Ordinal))
            {
                problems.AddRange(await ViolationsAsync(page, path));
                continue;
            }

            try
            {
                await page.WaitForCircuitAsync();
                await page.Locator(".mud-progress-linear").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
            }
            catch (TimeoutException)
            {
                problems.Add($"{path}: the page did not become interactive");
                continue;
            }

            problems.AddRange(await ViolationsAsync(page, path));
        }

        // The Identity pages render statically: no circuit to wait for.
        await page.GotoAsync("Account/Manage/ChangePassword");
        problems.AddRange(await ViolationsAsync(page, "Account/Manage/ChangePassword"));
        foreach (var path in new[] { "Account/Manage/TwoFactorAuthentication", "Account/Manage/EnableAuthenticator" })
        {
            await page.GotoAsync(path);
            problems.AddRange(await ViolationsAsync(page, path));
        }

        Assert.True(problems.Count == 0, $"{email}, {locale}, {(dark ? "dark" : "light")}:\n{string.Join('\n', problems)}");
    }

    [Fact]
    public async Task The_lead_form_with_a_service_period_typed_in_has_no_serious_or_critical_violation()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, $"leads/{_lead}");
        await page.OpenLeadFormAsync("action-edit");
        var from = page.GetByTestId("field-service-from");
        await from.FillAsync("01.03.2027");
        await from.PressAsync("Tab");
        await Assertions.Expect(from).ToHaveValueAsync("01.03.2027");

        Assert.Empty(await ViolationsAsync(page, "lead form"));
    }

    internal static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string path)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{path}: {v.Id} ({v.Impact}) at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target))}: {v.Help}");
    }
}
