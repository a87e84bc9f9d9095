using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Leads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>Rule 5: the red badge of the signed-in user's due leads changes live.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DueBadgeTests(BrowserFixture browser) : BrowserTest(browser)
{
    private string _ownerId = "";
    private int _lead;

    protected override async Task ArrangeAsync()
    {
        _ownerId = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        var member = await App.CreateMemberAsync();
        var stages = await App.StagesAsync();
        _lead = await App.CreateLeadAsync("Angebot nachfassen", 5_000m, member.Id, stages[1].Id);
    }

    [Fact]
    public async Task When_the_owner_sets_a_members_lead_to_yesterday_the_members_badge_shows_1_within_two_seconds()
    {
        var page = await OpenAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword, "leads");
        var badge = page.GetByTestId("due-badge");
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-count", "0");
        await Assertions.Expect(page.Locator(".due-badge .mud-badge")).ToBeHiddenAsync();
        await Assertions.Expect(page.Card(_lead).Locator(".lead-card-next")).ToHaveAttributeAsync("data-due", "false");
        await page.EvaluateAsync("() => window.leadsNotReloaded = true");

        await MoveNextActionToYesterdayAsOwnerAsync();

        await Assertions.Expect(badge).ToHaveAttributeAsync("data-count", "1", new() { Timeout = 2_000 });
        await Assertions.Expect(page.Locator(".due-badge .mud-badge")).ToHaveTextAsync("1", new() { Timeout = 2_000 });
        await Assertions.Expect(page.Card(_lead).Locator(".lead-card-next")).ToHaveAttributeAsync("data-due", "true", new() { Timeout = 2_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.leadsNotReloaded === true"), "the member's page must not have reloaded");

        await page.GetByTestId("nav-all").ClickAsync();
        await Assertions.Expect(page.GetByTestId("lead-grid").Locator("[data-due=true]")).ToHaveCountAsync(1);
    }

    private async Task MoveNextActionToYesterdayAsOwnerAsync()
    {
        using var scope = App.Services.CreateScope();
        var commands = scope.ServiceProvider.GetRequiredService<LeadCommands>();
        var lead = await App.LeadAsync(_lead);
        var yesterday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(App.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime).AddDays(-1);
        await commands.UpdateAsync(_lead, lead.Version, new LeadInput
        {
            Name = lead.Name,
            ResponsibleUserId = lead.ResponsibleUserId,
            Revenue = lead.Revenue.Amount,
            Currency = lead.Revenue.Currency.Code,
            NextActionOn = yesterday,
        }, _ownerId);
    }
}
