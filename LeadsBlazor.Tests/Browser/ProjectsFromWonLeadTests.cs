using System.Text.RegularExpressions;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>
/// Rule 11 as the seed tells it, in a real Chromium: a lead with offers is won on the board, "+ Neues Projekt" takes what the
/// lead knows, the offers are confirmed, a second project bills the other offer, and a colleague sees it all without a reload.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProjectsFromWonLeadTests(BrowserFixture browser) : BrowserTest(browser)
{
    private int _lead;
    private int _relaunch;
    private int _compact;
    private int _care;

    protected override async Task ArrangeAsync()
    {
        await App.CreateMemberAsync();
        var owner = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        var stages = await App.StagesAsync();
        _lead = await App.Services.CreateCustomerLeadAsync("Relaunch Website", owner, "Müller GmbH", revenue: 10_000m, stageId: stages[2].Id);
        _relaunch = await App.Services.CreateOfferAsync(_lead, owner, "Relaunch", 12_000m);
        _care = await App.Services.CreateOfferAsync(_lead, owner, "Wartung 2027", 2_400m);
        await App.Services.ChangeOfferAsync(_relaunch, owner, (c, id, v, user) => c.MarkSentAsync(id, v, user));
        await App.Services.ChangeOfferAsync(_care, owner, (c, id, v, user) => c.MarkSentAsync(id, v, user));

        // The customer was also offered a smaller relaunch, as a variant; it will be left over.
        using var scope = App.Services.CreateScope();
        _compact = await scope.ServiceProvider.GetRequiredService<Web.Features.Offers.OfferCommands>().CopyAsVariantAsync(_relaunch, owner);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<LeadsDbContext>>().CreateDbContextAsync();
        var lead = await db.Leads.SingleAsync(l => l.Id == _lead);
        lead.ChangeServicePeriod(new DateOnly(2027, 3, 1), new DateOnly(2027, 6, 30), new LeadsBlazor.Domain.Common.Actor(owner, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow()));
        await db.SaveChangesAsync();
    }

    private static ILocator LeadOffer(IPage page, int offerId) => page.Locator($"[data-testid=lead-offer][data-offer-id='{offerId}']");

    private static ILocator ProjectOffer(IPage page, int offerId) => page.Locator($"[data-testid=project-offer][data-offer-id='{offerId}']");

    [Fact]
    public async Task A_lead_won_on_the_board_becomes_two_projects_that_bill_one_offer_each_and_a_colleague_sees_them_live()
    {
        var colleague = await OpenAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword, $"leads/{_lead}");
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads");
        await Assertions.Expect(page.Card(_lead)).ToBeVisibleAsync();

        // Won: dropped on "Gewonnen" on the board.
        await page.DragWithMouseAsync(page.Card(_lead), () => Task.FromResult(page.GetByTestId("drop-won")));
        await page.GetByTestId("close-confirm").ClickAsync();
        await Assertions.Expect(page.Card(_lead)).ToHaveCountAsync(0);

        // "+ Neues Projekt" on the lead: the dialog shows what the lead knows; the sent offers' net sum is the budget (the variant is still a draft).
        await page.GotoAsync($"leads/{_lead}");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("lead-projects").GetByTestId("new-project").ClickAsync();
        var dialog = page.GetByTestId("project-dialog");
        await Assertions.Expect(dialog.GetByTestId("project-name")).ToHaveValueAsync("Relaunch Website");
        await dialog.GetByTestId("project-name").WaitForCursorAsync();
        await Assertions.Expect(dialog.GetByTestId("project-company")).ToHaveValueAsync("Müller GmbH");
        await Assertions.Expect(dialog.GetByTestId("project-budget")).ToHaveValueAsync("14.400,00");
        await Assertions.Expect(dialog.GetByTestId("project-start")).ToHaveValueAsync("01.03.2027");
        await Assertions.Expect(dialog.GetByTestId("project-finish")).ToHaveValueAsync("30.06.2027");
        await dialog.GetByTestId("project-name").FillAsync("Relaunch Phase 1");
        await page.GetByTestId("project-save").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/projects/\d+$"));
        var first = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var firstNumber = await page.GetByTestId("project-number").TextContentAsync();

        // The colleague's lead page lists the project and shows every offer confirmed, without a reload.
        await Assertions.Expect(colleague.GetByTestId("lead-project-name")).ToHaveTextAsync("Relaunch Phase 1");
        foreach (var offer in new[] { _relaunch, _compact, _care })
        {
            await Assertions.Expect(LeadOffer(colleague, offer).GetByTestId("offer-status")).ToHaveTextAsync("Bestätigt");
        }

        // The first project bills the relaunch.
        await ProjectOffer(page, _relaunch).GetByTestId("offer-bill").ClickAsync();
        await Assertions.Expect(ProjectOffer(page, _relaunch).GetByTestId("offer-status")).ToHaveTextAsync("Verrechnet");

        // A second project from the same lead takes the care offer; the relaunch is billed in the first and cannot be chosen.
        await page.GotoAsync($"leads/{_lead}");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("lead-projects").GetByTestId("new-project").ClickAsync();
        await page.GetByTestId("project-dialog").GetByTestId("project-name").FillAsync("Wartung 2027");
        await page.GetByTestId("project-save").ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex($"/projects/{first}$"));
        await Assertions.Expect(page.GetByTestId("project-name")).ToHaveTextAsync("Wartung 2027");
        await Assertions.Expect(ProjectOffer(page, _relaunch).GetByTestId("offer-bill")).ToBeDisabledAsync();
        await Assertions.Expect(ProjectOffer(page, _relaunch).GetByTestId("offer-billed-elsewhere")).ToContainTextAsync(firstNumber!);
        await ProjectOffer(page, _care).GetByTestId("offer-bill").ClickAsync();
        await Assertions.Expect(ProjectOffer(page, _care).GetByTestId("offer-status")).ToHaveTextAsync("Verrechnet");

        // The variant the customer did not take is archived from the project, and the lead's history says so.
        await ProjectOffer(page, _compact).GetByTestId("project-offer-archive").ClickAsync();
        await Assertions.Expect(ProjectOffer(page, _compact).GetByTestId("offer-status")).ToHaveTextAsync("Archiviert");

        await Assertions.Expect(colleague.GetByTestId("lead-project")).ToHaveCountAsync(2);
        var compactNumber = (await App.Services.OfferAsync(_compact)).Number;
        await Assertions.Expect(colleague.GetByTestId("history-entry").Filter(new() { HasText = $"Angebot {compactNumber}: Bestätigt → Archiviert" })).ToHaveCountAsync(1);
        await Assertions.Expect(colleague.GetByTestId("history-entry").Filter(new() { HasText = $"Projekt {firstNumber} erstellt: Relaunch Phase 1" })).ToHaveCountAsync(1);
        Assert.Equal(
            [OfferStatus.Billed, OfferStatus.Archived, OfferStatus.Billed],
            [(await App.Services.OfferAsync(_relaunch)).Status, (await App.Services.OfferAsync(_compact)).Status, (await App.Services.OfferAsync(_care)).Status]);
    }
}
