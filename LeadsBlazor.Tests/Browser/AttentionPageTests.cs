using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>
/// "Braucht Aufmerksamkeit": a due and an idle lead with their reasons; snoozing the due one takes it off the list at
/// once, without a reload; the idle one carries the hourglass on the board too (Rule 5).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AttentionPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    private int _idle;
    private int _due;

    protected override async Task ArrangeAsync()
    {
        var owner = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        var offer = (await App.StagesAsync()).Single(s => s.Name == "Angebot").Id;
        var today = DateOnly.FromDateTime(App.Time.GetUtcNow().UtcDateTime);

        // Untouched for 20 days in "Angebot" (idle after 14), its next action still ahead.
        _idle = await App.CreateLeadAsync("Schweigendes Angebot", 20_000m, owner, offer, nextActionOn: today.AddDays(60));
        App.Time.Advance(TimeSpan.FromDays(20));
        _due = await App.CreateLeadAsync("Rückruf Bäckerei", 3_000m, owner, stageId: null, nextActionOn: today.AddDays(19));
    }

    [Fact]
    public async Task The_list_shows_a_due_and_an_idle_lead_with_their_reasons_and_a_snooze_takes_the_due_one_off_at_once()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads/attention");
        var grid = page.GetByTestId("attention-grid");
        var dueRow = grid.Locator("tbody tr").Filter(new() { HasText = "Rückruf Bäckerei" });
        var idleRow = grid.Locator("tbody tr").Filter(new() { HasText = "Schweigendes Angebot" });

        await Assertions.Expect(dueRow.Locator("[data-reason=Due]")).ToHaveTextAsync("Fällig seit 1 Tag");
        await Assertions.Expect(idleRow.Locator("[data-reason=Idle]")).ToHaveTextAsync("Seit 20 Tagen unverändert");
        await Assertions.Expect(idleRow.Locator("[data-reason=NoNextAction]")).ToHaveTextAsync("Keine nächste Aktion");
        await Assertions.Expect(idleRow.Locator("[data-reason=Due]")).ToHaveCountAsync(0);
        await Assertions.Expect(dueRow.GetByTestId("lead-link")).ToHaveAttributeAsync("href", $"leads/{_due}");
        await page.EvaluateAsync("() => window.leadsNotReloaded = true");

        await dueRow.GetByTestId("snooze-menu").Locator("button").ClickAsync();
        await page.GetByTestId("snooze-tomorrow").ClickAsync();

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("„Rückruf Bäckerei“ ist zurückgestellt bis");
        await Assertions.Expect(dueRow).ToHaveCountAsync(0);
        await Assertions.Expect(idleRow).ToHaveCountAsync(1);
        Assert.True(await page.EvaluateAsync<bool>("() => window.leadsNotReloaded === true"), "the page must not have reloaded");

        await page.GetByTestId("nav-leads").ClickAsync();
        await Assertions.Expect(page.Card(_idle).GetByTestId("idle-mark")).ToHaveAttributeAsync("aria-label", "Seit 20 Tagen unverändert");
    }
}
