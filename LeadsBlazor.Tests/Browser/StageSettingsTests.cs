using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>Rule 2 in the browser: the owner shapes the stages, and an open board of another session follows without a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StageSettingsTests(BrowserFixture browser) : BrowserTest(browser)
{
    private int _presentationLead;
    private int _offerLead;

    protected override async Task ArrangeAsync()
    {
        var member = await App.CreateMemberAsync();
        var stages = await App.StagesAsync();
        _presentationLead = await App.CreateLeadAsync("Relaunch Website", 10_000m, member.Id, stages[1].Id);
        _offerLead = await App.CreateLeadAsync("Kampagne Frühjahr", 20_000m, member.Id, stages[2].Id);
    }

    private static ILocator Row(IPage page, string stage) =>
        page.GetByTestId("stage-row").Filter(new() { Has = page.GetByTestId("stage-row-name").GetByText(stage, new() { Exact = true }) });

    private async Task<IPage> OpenMembersBoardAsync()
    {
        var board = await OpenAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword, "leads");
        Assert.Equal(7_000m, await board.WeightedVolumeAsync()); // 10 % of 10,000 + 30 % of 20,000
        await board.EvaluateAsync("() => window.leadsNotReloaded = true");
        return board;
    }

    [Fact]
    public async Task Renaming_reweighting_and_moving_a_stage_reach_another_sessions_board_live()
    {
        var board = await OpenMembersBoardAsync();
        var settings = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "settings/stages");

        await Row(settings, "Vorstellung").GetByTestId("stage-edit").ClickAsync();
        await settings.GetByTestId("stage-name").WaitForCursorAsync();
        await settings.GetByTestId("stage-name").FillAsync("Präsentation");
        await settings.GetByTestId("stage-probability").FillAsync("20");
        await Assertions.Expect(settings.GetByTestId("stage-preview")).ToContainTextAsync("7.000 € → 8.000 €");
        await settings.GetByTestId("stage-save").ClickAsync();
        await Assertions.Expect(Row(settings, "Präsentation").GetByTestId("stage-row-probability")).ToHaveTextAsync("20 %");

        await settings.DragWithMouseAsync(Row(settings, "Präsentation"), () => Task.FromResult(Row(settings, "Angebot")));

        string[] order = ["Erstkontakt", "Angebot", "Präsentation", "Verhandlungen"];
        await Assertions.Expect(settings.GetByTestId("stage-row-name")).ToHaveTextAsync(order);
        await Assertions.Expect(board.Locator("[data-testid=board-column] .stage-name")).ToHaveTextAsync(order);
        await Assertions.Expect(board.CardIn("Präsentation", _presentationLead)).ToBeVisibleAsync();
        await Assertions.Expect(board.GetByTestId("weighted-volume")).ToHaveAttributeAsync("data-value", "8000.00");
        Assert.True(await board.EvaluateAsync<bool>("() => window.leadsNotReloaded === true"), "the board must not have reloaded");
        await Assertions.Expect(settings.GetByTestId("settings-log")).ToContainTextAsync("Stufe umbenannt: Vorstellung → Präsentation");
        await Assertions.Expect(settings.GetByTestId("settings-log")).ToContainTextAsync("Reihenfolge geändert: Erstkontakt, Angebot, Präsentation, Verhandlungen");
    }

    [Fact]
    public async Task The_arrow_buttons_move_a_stage_for_keyboard_users()
    {
        var settings = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "settings/stages");

        await Row(settings, "Verhandlungen").GetByTestId("stage-up").ClickAsync();

        await Assertions.Expect(settings.GetByTestId("stage-row-name")).ToHaveTextAsync(["Erstkontakt", "Vorstellung", "Verhandlungen", "Angebot"]);
        await Assertions.Expect(Row(settings, "Erstkontakt").GetByTestId("stage-up")).ToBeDisabledAsync();
    }

    [Fact]
    public async Task Deleting_a_stage_with_leads_moves_them_to_the_chosen_stage_and_their_history_says_so()
    {
        var board = await OpenMembersBoardAsync();
        var settings = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "settings/stages");

        await Row(settings, "Vorstellung").GetByTestId("stage-delete").ClickAsync();
        var dialog = settings.GetByTestId("delete-stage-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("enthält 1 laufenden Lead");
        await settings.GetByTestId("stage-delete-confirm").ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("bitte die Stufe wählen");
        await settings.GetByTestId("stage-move-to").ClickAsync();
        await settings.Locator(".mud-popover-open .mud-list-item").GetByText("Angebot", new() { Exact = true }).ClickAsync();
        await settings.GetByTestId("stage-delete-confirm").ClickAsync();

        await Assertions.Expect(settings.GetByTestId("stage-row-name")).ToHaveTextAsync(["Erstkontakt", "Angebot", "Verhandlungen"]);
        await Assertions.Expect(Row(settings, "Angebot")).ToContainTextAsync("2 Leads");
        await Assertions.Expect(board.CardIn("Angebot", _presentationLead)).ToBeVisibleAsync();
        await Assertions.Expect(board.CardIn("Angebot", _offerLead)).ToBeVisibleAsync();
        await Assertions.Expect(board.GetByTestId("weighted-volume")).ToHaveAttributeAsync("data-value", "9000.00"); // 30 % of 30,000

        await board.GotoAsync($"leads/{_presentationLead}");
        await Assertions.Expect(board.GetByTestId("history-entry").Filter(new() { HasText = "Vorstellung" }).Filter(new() { HasText = "Angebot" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_duplicate_name_and_a_probability_over_100_are_refused_at_their_fields()
    {
        var settings = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "settings/stages");
        await Row(settings, "Vorstellung").GetByTestId("stage-edit").ClickAsync();
        await settings.GetByTestId("stage-name").WaitForCursorAsync();

        await settings.GetByTestId("stage-name").FillAsync("Angebot");
        await settings.GetByTestId("stage-save").ClickAsync();
        var nameField = settings.GetByTestId("stage-dialog").Locator(".mud-input-control").Filter(new() { Has = settings.GetByTestId("stage-name") });
        await Assertions.Expect(nameField.Locator(".mud-input-helper-text.mud-input-error")).ToHaveTextAsync("Den Namen „Angebot“ gibt es schon.");

        await settings.GetByTestId("stage-name").FillAsync("Präsentation");
        await settings.GetByTestId("stage-probability").FillAsync("101");
        await settings.GetByTestId("stage-save").ClickAsync();
        var probabilityField = settings.Locator(".mud-input-control").Filter(new() { Has = settings.GetByTestId("stage-probability") });
        await Assertions.Expect(probabilityField.Locator(".mud-input-helper-text.mud-input-error")).ToHaveTextAsync("Die Wahrscheinlichkeit muss zwischen 0 und 100 % liegen (nicht 101).");

        await settings.GetByRole(AriaRole.Button, new() { Name = "Abbrechen" }).ClickAsync();
        await Assertions.Expect(settings.GetByTestId("stage-row-name")).ToHaveTextAsync(["Erstkontakt", "Vorstellung", "Angebot", "Verhandlungen"]);
        await Assertions.Expect(Row(settings, "Vorstellung").GetByTestId("stage-row-probability")).ToHaveTextAsync("10 %");
    }

    [Fact]
    public async Task Beside_its_probability_a_stage_shows_what_its_leads_did_and_the_owner_sets_its_idle_days()
    {
        // With the open offer lead of the arrangement: 1 of 6 decided leads won, 17 % against the set 30 %.
        await App.LeadsThroughAsync((await App.StagesAsync())[2].Id, won: 1, lost: 5);
        var settings = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "settings/stages");

        var offer = Row(settings, "Angebot");
        await Assertions.Expect(offer.GetByTestId("stage-row-calibration")).ToHaveTextAsync("beobachtet 17 % · 6 entschieden");
        await Assertions.Expect(offer.GetByTestId("calibration-verdict")).ToHaveAttributeAsync("data-verdict", "SetTooHigh");
        await Assertions.Expect(Row(settings, "Erstkontakt").GetByTestId("stage-row-calibration")).ToHaveTextAsync("noch keine Beobachtung");
        await Assertions.Expect(offer.GetByTestId("stage-row-idle-days")).ToHaveTextAsync("Braucht Aufmerksamkeit nach 14 Tagen ohne Änderung");

        await offer.GetByTestId("stage-edit").ClickAsync();
        await settings.GetByTestId("stage-name").WaitForCursorAsync();
        await settings.GetByTestId("stage-idle-days").FillAsync("0");
        await settings.GetByTestId("stage-save").ClickAsync();
        var idleField = settings.GetByTestId("stage-dialog").Locator(".mud-input-control").Filter(new() { Has = settings.GetByTestId("stage-idle-days") });
        await Assertions.Expect(idleField.Locator(".mud-input-helper-text.mud-input-error")).ToHaveTextAsync("Die Tage ohne Änderung müssen zwischen 1 und 365 liegen (leer: nie).");

        await settings.GetByTestId("stage-idle-days").FillAsync("1");
        await settings.GetByTestId("stage-save").ClickAsync();
        await Assertions.Expect(offer.GetByTestId("stage-row-idle-days")).ToHaveTextAsync("Braucht Aufmerksamkeit nach 1 Tag ohne Änderung");
        await Assertions.Expect(settings.GetByTestId("settings-log")).ToContainTextAsync("Tage ohne Änderung geändert: Angebot: 14 → 1");
    }
}
