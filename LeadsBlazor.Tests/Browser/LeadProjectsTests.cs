using System.Text.RegularExpressions;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>"+ Neues Projekt" on a won lead in a real Chromium: the prefilled dialog, the lead's projects live in a second session, reopening.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LeadProjectsTests(BrowserFixture browser) : BrowserTest(browser)
{
    private int _lead;
    private int _offer;

    protected override async Task ArrangeAsync()
    {
        var owner = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        var stages = await App.StagesAsync();
        _lead = await App.Services.CreateCustomerLeadAsync("Relaunch Website", owner, "Müller GmbH", revenue: 10_000m, stageId: stages[1].Id);
        _offer = await App.Services.CreateOfferAsync(_lead, owner, "Webshop", 12_345m);
    }

    // The lead won on its page: the projects card invites the first project.
    private async Task<IPage> WonLeadPageAsync()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, $"leads/{_lead}");
        await page.GetByTestId("action-won").ClickAsync();
        await page.GetByTestId("close-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("lead-projects-empty")).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task A_project_made_from_the_won_lead_appears_in_another_session_and_reopening_asks_and_keeps_it()
    {
        var page = await WonLeadPageAsync();
        var other = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, $"leads/{_lead}");
        await Assertions.Expect(other.GetByTestId("lead-projects-empty")).ToBeVisibleAsync();

        await page.GetByTestId("lead-projects").GetByTestId("new-project").ClickAsync();
        var dialog = page.GetByTestId("project-dialog");
        var name = dialog.GetByTestId("project-name");
        await Assertions.Expect(name).ToHaveValueAsync("Relaunch Website");
        await Assertions.Expect(dialog.GetByTestId("project-company")).ToHaveValueAsync("Müller GmbH");
        await Assertions.Expect(dialog.GetByTestId("project-budget")).ToHaveValueAsync("10.000,00");
        await Assertions.Expect(dialog.GetByTestId("project-confirms-offers")).ToBeVisibleAsync();
        await name.FillAsync("Relaunch Phase 1");
        await page.GetByTestId("project-save").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/projects/\d+$"));
        var project = other.GetByTestId("lead-project");
        await Assertions.Expect(project.GetByTestId("lead-project-name")).ToHaveTextAsync("Relaunch Phase 1");
        await Assertions.Expect(project.GetByTestId("lead-project-budget")).ToHaveTextAsync("10.000,00 €");
        await Assertions.Expect(other.Locator($"[data-testid=lead-offer][data-offer-id='{_offer}']").GetByTestId("offer-status")).ToHaveTextAsync("Bestätigt");
        Assert.Equal(OfferStatus.Confirmed, (await App.Services.OfferAsync(_offer)).Status);

        await other.GetByTestId("action-reopen-running").ClickAsync();
        var question = other.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(question).ToContainTextAsync("Dieser Lead hat 1 Projekt. Es bleibt bestehen. Trotzdem wieder öffnen?");
        await question.GetByRole(AriaRole.Button, new() { Name = "Wieder öffnen" }).ClickAsync();

        await Assertions.Expect(other.GetByTestId("action-won")).ToBeVisibleAsync();
        await Assertions.Expect(other.GetByTestId("lead-project-name")).ToHaveTextAsync("Relaunch Phase 1");
        await Assertions.Expect(other.GetByTestId("lead-projects").GetByTestId("new-project")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_won_list_makes_a_project_from_a_row()
    {
        var page = await WonLeadPageAsync();

        await page.GotoAsync("leads/all?tab=won");
        await page.WaitForCircuitAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Neues Projekt aus „Relaunch Website“" }).ClickAsync();
        var dialog = page.GetByTestId("project-dialog");
        await Assertions.Expect(dialog.GetByTestId("project-name")).ToHaveValueAsync("Relaunch Website");
        await page.GetByTestId("project-save").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/projects/\d+$"));
        Assert.Equal(OfferStatus.Confirmed, (await App.Services.OfferAsync(_offer)).Status);
    }
}
