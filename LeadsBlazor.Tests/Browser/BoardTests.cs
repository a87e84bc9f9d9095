using System.Text.RegularExpressions;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>The kanban in a real Chromium: drag and drop, figures, live updates for every session.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardTests(BrowserFixture browser) : BrowserTest(browser)
{
    private string _ownerId = "";
    private string _memberId = "";
    private int _lead;

    protected override async Task ArrangeAsync()
    {
        _ownerId = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        _memberId = (await App.CreateMemberAsync()).Id;
        var stages = await App.StagesAsync();
        _lead = await App.CreateLeadAsync("Relaunch Website", 10_000m, _ownerId, stages[0].Id);
        await App.CreateLeadAsync("Markenauftritt", 20_000m, _memberId, stages[0].Id);
        await App.CreateLeadAsync("Online-Shop", 50_000m, _memberId, stages[2].Id);
    }

    private async Task<IPage> OpenBoardAsync(string email, string password)
    {
        var page = await OpenAsync(email, password, "leads");
        await Assertions.Expect(page.Card(_lead)).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task Dragging_a_card_to_Angebot_saves_the_stage_and_moves_the_weighted_volume_by_revenue_times_29_percent()
    {
        var page = await OpenBoardAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        await Assertions.Expect(page.CardIn("Erstkontakt", _lead)).ToBeVisibleAsync();
        var before = await page.WeightedVolumeAsync();

        await page.DragWithMouseAsync(page.Card(_lead), () => Task.FromResult(page.Column("Angebot").Locator(".board-zone")));

        await Assertions.Expect(page.CardIn("Angebot", _lead)).ToBeVisibleAsync();
        var expected = before + (10_000m * (0.30m - 0.01m));
        await Assertions.Expect(page.GetByTestId("weighted-volume")).ToHaveAttributeAsync("data-value", expected.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2_900m, await page.WeightedVolumeAsync() - before);

        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.CardIn("Angebot", _lead)).ToBeVisibleAsync();

        await page.GotoAsync($"leads/{_lead}");
        await Assertions.Expect(page.GetByTestId("history-entry").First).ToHaveTextAsync("Akquise-Stufe: Erstkontakt → Angebot");
        Assert.Contains((await App.LeadAsync(_lead)).History, e => e is { Kind: LeadEventKind.StageChanged, OldValue: "Erstkontakt", NewValue: "Angebot" });
    }

    [Fact]
    public async Task A_move_in_one_session_moves_the_card_and_the_figures_in_another_users_session_without_a_reload()
    {
        var owner = await OpenBoardAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        var member = await OpenBoardAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword);
        var memberBefore = await member.WeightedVolumeAsync();
        await member.EvaluateAsync("() => window.leadsNotReloaded = true");

        await owner.DragWithMouseAsync(owner.Card(_lead), () => Task.FromResult(owner.Column("Verhandlungen").Locator(".board-zone")));
        await Assertions.Expect(owner.CardIn("Verhandlungen", _lead)).ToBeVisibleAsync();

        var twoSeconds = new LocatorAssertionsToBeVisibleOptions { Timeout = 2_000 };
        await Assertions.Expect(member.CardIn("Verhandlungen", _lead)).ToBeVisibleAsync(twoSeconds);
        await Assertions.Expect(member.GetByTestId("weighted-volume")).ToHaveAttributeAsync(
            "data-value", (memberBefore + (10_000m * 0.59m)).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 2_000 });
        Assert.True(await member.EvaluateAsync<bool>("() => window.leadsNotReloaded === true"), "the member's page must not have reloaded");
    }

    [Fact]
    public async Task When_two_sessions_move_the_same_card_at_once_the_other_sees_who_moved_it_where_the_true_place_and_can_apply_its_move_on_top()
    {
        // A second app instance on the same database: its sessions hear nothing of the first one's moves,
        // so its board still shows the old version when its user drags — the race two people can have.
        await using var second = LeadsAppFactory.SecondInstanceOf(App, liftSqliteGuard: true);
        var secondAddress = second.StartKestrel();
        var first = await OpenBoardAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        var other = await Browser.NewPageAsync(secondAddress);
        await other.SignInAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword);
        await other.GotoAsync("leads");
        await other.WaitForCircuitAsync();
        await Assertions.Expect(other.CardIn("Erstkontakt", _lead)).ToBeVisibleAsync();

        await first.DragWithMouseAsync(first.Card(_lead), () => Task.FromResult(first.Column("Angebot").Locator(".board-zone")));
        await Assertions.Expect(first.CardIn("Angebot", _lead)).ToBeVisibleAsync();
        await other.DragWithMouseAsync(other.Card(_lead), () => Task.FromResult(other.Column("Vorstellung").Locator(".board-zone")));

        // The drop is refused (it was aimed at the card as it was shown): the card goes where the database has it.
        var message = other.Locator(".mud-snackbar");
        await Assertions.Expect(message.GetByTestId("conflict-change")).ToHaveTextAsync("owner: Akquise-Stufe Erstkontakt → Angebot");
        await Assertions.Expect(other.CardIn("Angebot", _lead)).ToBeVisibleAsync();
        await Assertions.Expect(other.CardIn("Vorstellung", _lead)).ToHaveCountAsync(0);
        Assert.Equal("Angebot", (await App.LeadAsync(_lead)).Stage!.Name);

        await message.GetByRole(AriaRole.Button, new() { Name = "Trotzdem ausführen" }).ClickAsync();

        await Assertions.Expect(other.CardIn("Vorstellung", _lead)).ToBeVisibleAsync();
        Assert.Equal("Vorstellung", (await App.LeadAsync(_lead)).Stage!.Name);
    }

    [Fact]
    public async Task Opening_the_board_loads_it_once_and_a_page_with_another_filter_loads_its_own()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads/all");
        // The sign-in landed on the board, so its view is kept (shared views); a change makes it stale, as in real use.
        var stages = await App.StagesAsync();
        await App.CreateLeadAsync("Noch ein Lead", 1_000m, _memberId, stages[0].Id);
        using var loads = new BoardLoads(App.Services);

        // The prerender reads the board once; the interactive render takes it from the shared views.
        await page.GotoAsync("leads");
        await page.WaitForCircuitAsync();
        // The card menu answers only once the interactive board stands, loaded or taken from the prerender.
        await page.Card(_lead).GetByTestId("card-menu").ClickAsync();
        await Assertions.Expect(page.GetByTestId("move-dialog")).ToBeVisibleAsync();
        Assert.Equal(1, loads.Count);

        // The board is kept under its filter: a page with another filter does not take it.
        await page.GotoAsync("leads?responsible=me");
        await page.WaitForCircuitAsync();
        await page.Card(_lead).GetByTestId("card-menu").ClickAsync();
        await Assertions.Expect(page.GetByTestId("move-dialog")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("lead-card")).ToHaveCountAsync(1);
        Assert.Equal(2, loads.Count);
    }

    [Fact]
    public async Task Clicking_a_card_opens_its_lead()
    {
        var page = await OpenBoardAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);

        // A person clicks where the revenue is: the name's link covers the card, so the click lands on it.
        var revenue = (await page.Card(_lead).Locator(".lead-card-revenue").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(revenue.X + (revenue.Width / 2), revenue.Y + (revenue.Height / 2));

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/leads/{_lead}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Relaunch Website");
    }

    [Fact]
    public async Task The_card_menu_moves_a_lead_without_dragging()
    {
        var page = await OpenBoardAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);

        await page.Card(_lead).GetByTestId("card-menu").ClickAsync();
        await page.GetByTestId("move-to").Filter(new() { HasText = "Vorstellung" }).ClickAsync();

        await Assertions.Expect(page.CardIn("Vorstellung", _lead)).ToBeVisibleAsync();
        Assert.Equal("Vorstellung", (await App.LeadAsync(_lead)).Stage!.Name);
    }

    [Fact]
    public async Task The_card_menu_opens_from_the_keyboard()
    {
        var page = await OpenBoardAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);

        await page.Card(_lead).GetByTestId("card-menu").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("move-dialog")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("move-to").Filter(new() { HasText = "Vorstellung" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_lifted_card_is_dimmed_while_in_the_air_and_stays_put_and_undimmed_when_let_go_outside_the_board()
    {
        var page = await OpenBoardAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        var card = page.Card(_lead);
        var dimmed = new Regex(@"\blead-card-dragging\b");
        var from = (await card.BoundingBoxAsync())!;

        await page.Mouse.MoveAsync(from.X + (from.Width / 2), from.Y + 12);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + (from.Width / 2) + 20, from.Y + 30, new() { Steps = 5 });
        await Assertions.Expect(card).ToHaveClassAsync(dimmed);
        await Assertions.Expect(page.GetByTestId("board")).ToHaveClassAsync(new Regex(@"\bboard-dragging\b"));

        // Let go over the app bar, where no zone takes it.
        await page.Mouse.MoveAsync(from.X + (from.Width / 2), 10, new() { Steps = 10 });
        await page.Mouse.UpAsync();

        await Assertions.Expect(card).Not.ToHaveClassAsync(dimmed);
        await Assertions.Expect(page.GetByTestId("board")).Not.ToHaveClassAsync(new Regex(@"\bboard-dragging\b"));
        await Assertions.Expect(page.CardIn("Erstkontakt", _lead)).ToBeVisibleAsync();
        Assert.Equal("Erstkontakt", (await App.LeadAsync(_lead)).Stage!.Name);
    }

    [Fact]
    public async Task Dropping_a_card_on_Lost_asks_for_the_date_and_reason_and_takes_it_off_the_board()
    {
        var page = await OpenBoardAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);

        await page.DragWithMouseAsync(page.Card(_lead), () => Task.FromResult(page.GetByTestId("drop-lost")));
        var dialog = page.GetByTestId("close-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await page.GetByTestId("close-confirm").ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Bitte einen Grund wählen.");
        await page.GetByTestId("close-reason").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Preis" }).ClickAsync();
        await page.GetByTestId("close-confirm").ClickAsync();

        await Assertions.Expect(page.Card(_lead)).ToHaveCountAsync(0);
        var lead = await App.LeadAsync(_lead);
        Assert.Equal(LeadStatus.Lost, lead.Status);
        Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(App.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime), lead.ClosedOn);
        Assert.NotNull(lead.CloseReasonId);
    }

    [Fact]
    public async Task Cancelling_the_close_dialog_leaves_the_card_where_it_was()
    {
        var page = await OpenBoardAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);

        await page.DragWithMouseAsync(page.Card(_lead), () => Task.FromResult(page.GetByTestId("drop-won")));
        await Assertions.Expect(page.GetByTestId("close-dialog")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Abbrechen" }).ClickAsync();

        await Assertions.Expect(page.CardIn("Erstkontakt", _lead)).ToBeVisibleAsync();
        Assert.Equal(LeadStatus.Running, (await App.LeadAsync(_lead)).Status);
    }

    [Fact]
    public async Task The_responsible_filter_applies_to_the_cards_and_every_figure()
    {
        var page = await OpenBoardAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        await Assertions.Expect(page.GetByTestId("running-count")).ToHaveTextAsync("3");

        await page.GetByTestId("filter-me").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("responsible=me"));
        await Assertions.Expect(page.GetByTestId("running-count")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("lead-card")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("weighted-volume")).ToHaveAttributeAsync("data-value", "100.00");
        await Assertions.Expect(page.Column("Angebot").Locator(".stage-count")).ToHaveAttributeAsync("data-value", "0");
    }

    [Fact]
    public async Task A_search_no_running_lead_matches_says_so_instead_of_showing_empty_columns()
    {
        var page = await OpenBoardAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        await Assertions.Expect(page.GetByTestId("board-empty")).ToHaveCountAsync(0);

        await page.GotoAsync("leads?q=Zeppelin");
        await page.WaitForCircuitAsync();

        await Assertions.Expect(page.GetByTestId("board-empty")).ToHaveTextAsync("Kein laufender Lead passt zu diesen Filtern (Zuständig, Labels, Suche).");
        await Assertions.Expect(page.GetByTestId("lead-card")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("running-count")).ToHaveTextAsync("0");
    }

    [Fact]
    public async Task Plus_in_the_Angebot_column_opens_the_dialog_with_Angebot_preselected_and_the_lead_lands_in_that_column()
    {
        var page = await OpenBoardAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        await Assertions.Expect(page.Column("Angebot").Locator(".stage-count")).ToHaveAttributeAsync("data-value", "1");

        await page.Column("Angebot").GetByRole(AriaRole.Button, new() { Name = "Neuer Lead in Angebot" }).ClickAsync();

        var dialog = page.GetByTestId("lead-dialog");
        await Assertions.Expect(dialog.GetByTestId("field-stage")).ToContainTextAsync("Laufend: Angebot");
        await dialog.GetByTestId("field-name").FillAsync("Intranet für die Stadtwerke");
        await dialog.GetByTestId("field-revenue").FillAsync("24000");
        await page.GetByTestId("lead-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("lead-form")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Column("Angebot").GetByTestId("lead-card").Filter(new() { HasText = "Intranet für die Stadtwerke" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Column("Angebot").Locator(".stage-count")).ToHaveAttributeAsync("data-value", "2");
    }

    [Fact]
    public async Task Neuer_Lead_on_the_board_creates_a_running_lead_in_the_first_stage()
    {
        var page = await OpenBoardAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);

        await page.OpenLeadFormAsync("new-lead");
        var dialog = page.GetByTestId("lead-dialog");
        await Assertions.Expect(dialog.GetByTestId("field-stage")).ToContainTextAsync("Laufend: Erstkontakt");
        await dialog.GetByTestId("field-name").FillAsync("Imagefilm");
        await page.GetByTestId("lead-save").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/leads/\d+$"));
        await Assertions.Expect(page.GetByTestId("lead-status")).ToContainTextAsync("Laufend");
        var leadId = int.Parse(Regex.Match(page.Url, @"/leads/(\d+)$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var lead = await App.LeadAsync(leadId);
        Assert.Equal((LeadStatus.Running, "Erstkontakt"), (lead.Status, lead.Stage?.Name));
    }
}
