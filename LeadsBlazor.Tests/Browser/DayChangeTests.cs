using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>Rule 5 at midnight: when a new day begins in the account's time zone, every open view marks what became due, without a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DayChangeTests(BrowserFixture browser) : BrowserTest(browser)
{
    // 23:58 in Berlin (UTC+1 in winter): two minutes before the lead dated 1 December becomes due.
    private static readonly DateTimeOffset BeforeMidnight = new(2026, 11, 30, 22, 58, 0, TimeSpan.Zero);
    private static readonly DateOnly FirstOfDecember = new(2026, 12, 1);

    private int _lead;

    protected override async Task ArrangeAsync()
    {
        App.Time.SetUtcNow(BeforeMidnight);
        var member = await App.CreateMemberAsync();
        var stages = await App.StagesAsync();
        _lead = await App.CreateLeadAsync("Angebot nachfassen", 5_000m, member.Id, stages[1].Id, nextActionOn: FirstOfDecember);
    }

    [Fact]
    public async Task Crossing_midnight_in_the_account_time_zone_turns_the_card_the_list_row_and_the_lead_page_red_and_counts_the_badge()
    {
        var board = await OpenAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword, "leads");
        var list = await OpenAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword, "leads/all?tab=running");
        var leadPage = await OpenAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword, $"leads/{_lead}");
        var listRowDate = list.GetByTestId("lead-grid").Locator("[data-due]");
        await Assertions.Expect(board.Card(_lead).Locator(".lead-card-next")).ToHaveAttributeAsync("data-due", "false");
        await Assertions.Expect(listRowDate).ToHaveAttributeAsync("data-due", "false");
        await Assertions.Expect(leadPage.GetByTestId("lead-next-action")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-error-text"));
        await Assertions.Expect(board.GetByTestId("due-badge")).ToHaveAttributeAsync("data-count", "0");
        foreach (var page in new[] { board, list, leadPage })
        {
            await page.EvaluateAsync("() => window.leadsNotReloaded = true");
        }

        // 00:00:05 in Berlin: the app's clock passes midnight and announces the new day.
        App.Time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(5));

        await Assertions.Expect(board.Card(_lead).Locator(".lead-card-next")).ToHaveAttributeAsync("data-due", "true");
        await Assertions.Expect(board.GetByTestId("due-badge")).ToHaveAttributeAsync("data-count", "1");
        await Assertions.Expect(board.Locator(".due-badge .mud-badge")).ToHaveTextAsync("1");
        await Assertions.Expect(listRowDate).ToHaveAttributeAsync("data-due", "true");
        await Assertions.Expect(list.GetByTestId("due-badge")).ToHaveAttributeAsync("data-count", "1");
        await Assertions.Expect(leadPage.GetByTestId("lead-next-action")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-error-text"));
        foreach (var page in new[] { board, list, leadPage })
        {
            Assert.True(await page.EvaluateAsync<bool>("() => window.leadsNotReloaded === true"), "no page may have reloaded");
        }
    }
}
