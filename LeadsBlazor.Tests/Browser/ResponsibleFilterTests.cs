using System.Text.RegularExpressions;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Settings.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>An owner reviews a colleague's pipeline: the responsible filter names any active user, and switching views keeps the filters (Rule 10).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ResponsibleFilterTests(BrowserFixture browser) : BrowserTest(browser)
{
    private string _benId = "";
    private string _carlId = "";
    private int _label;

    protected override async Task ArrangeAsync()
    {
        var ownerId = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        _benId = (await App.CreateMemberAsync("ben@test.example", LeadsAppFactory.MemberPassword, "Ben Keller")).Id;
        _carlId = (await App.CreateMemberAsync("carl@test.example", LeadsAppFactory.MemberPassword, "Carl Früher")).Id;
        _label = await App.CreateLabelAsync("Heiß", "#e53935");
        var stages = await App.StagesAsync();
        await App.CreateLeadAsync("Relaunch Website", 10_000m, ownerId, stages[0].Id, labelIds: [_label]);
        await App.CreateLeadAsync("Markenauftritt", 20_000m, _benId, stages[0].Id);
        await App.CreateLeadAsync("Online-Shop", 50_000m, _benId, stages[2].Id, labelIds: [_label]);
        await App.CreateLeadAsync("Altkunde Meier", 7_000m, _carlId, stages[1].Id);
        using var scope = App.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<UserCommands>().SetActiveAsync(_carlId, active: false, ownerId);
    }

    [Fact]
    public async Task The_owner_picks_Ben_and_the_board_shows_only_his_leads_and_figures()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads");
        await Assertions.Expect(page.GetByTestId("running-count")).ToHaveTextAsync("4");

        var filter = page.GetByTestId("filter-user");
        await Assertions.Expect(filter).ToHaveAccessibleNameAsync("Andere zuständige Person wählen");
        await filter.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Carl Früher" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Ben Keller" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"responsible={_benId}"));
        await Assertions.Expect(page.GetByTestId("filter-user")).ToHaveTextAsync("Zuständig: Ben Keller");
        await Assertions.Expect(page.GetByTestId("running-count")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("lead-card")).ToHaveCountAsync(2);
        // Ben's weighted volume: 20,000 € at 1 % plus 50,000 € at 30 % (Rule 4).
        await Assertions.Expect(page.GetByTestId("weighted-volume")).ToHaveAttributeAsync("data-value", "15200.00");
        await Assertions.Expect(page.Column("Angebot").Locator(".stage-count")).ToHaveAttributeAsync("data-value", "1");
    }

    [Fact]
    public async Task Switching_to_Alle_Leads_through_the_navigation_keeps_Ben_and_the_chosen_label()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, $"leads?responsible={_benId}");
        await Assertions.Expect(page.GetByTestId("lead-card")).ToHaveCountAsync(2);
        await page.Locator("[data-testid=label-filter][data-label=\"Heiß\"]").ClickAsync();
        await Assertions.Expect(page.GetByTestId("lead-card")).ToHaveCountAsync(1);

        await page.GetByTestId("nav-all").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/leads/all\?(?=.*responsible={_benId})(?=.*labels={_label})"));
        await Assertions.Expect(page.GetByTestId("filter-user")).ToHaveTextAsync("Zuständig: Ben Keller");
        var grid = page.GetByTestId("lead-grid");
        await Assertions.Expect(grid).ToContainTextAsync("Online-Shop");
        await Assertions.Expect(grid).Not.ToContainTextAsync("Markenauftritt");
        await Assertions.Expect(grid).Not.ToContainTextAsync("Relaunch Website");

        await page.GetByTestId("nav-leads").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/leads\?(?=.*responsible={_benId})(?=.*labels={_label})"));
        await Assertions.Expect(page.GetByTestId("lead-card")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_link_naming_a_deactivated_user_still_filters_and_shows_the_name()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, $"leads/all?responsible={_carlId}");

        await Assertions.Expect(page.GetByTestId("filter-user")).ToHaveTextAsync("Zuständig: Carl Früher (deaktiviert)");
        var grid = page.GetByTestId("lead-grid");
        await Assertions.Expect(grid).ToContainTextAsync("Altkunde Meier");
        await Assertions.Expect(grid).Not.ToContainTextAsync("Online-Shop");
    }
}
