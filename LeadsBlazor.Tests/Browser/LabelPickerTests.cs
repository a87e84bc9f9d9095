using System.Text.RegularExpressions;
using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>Labels on list rows and board cards: coloured bars that open a picker; one click puts a label on or takes it off (Rule 9).</summary>
[Collection(BrowserCollection.Name)]
public sealed class LabelPickerTests(BrowserFixture browser) : BrowserTest(browser)
{
    private int leadId;

    protected override async Task ArrangeAsync()
    {
        var owner = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        var stages = await App.StagesAsync();
        await App.CreateLabelAsync("Heiß", "#e53935");
        var web = await App.CreateLabelAsync("Website", "#1e88e5");
        leadId = await App.CreateLeadAsync("Relaunch Website", 12_000m, owner, stages[0].Id, labelIds: [web]);
    }

    private static ILocator Bar(ILocator scope, string label) => scope.Locator($"[data-testid=label-bar][data-label=\"{label}\"]");

    private static ILocator Option(IPage page, string label) =>
        page.GetByTestId("label-picker-panel").GetByRole(AriaRole.Button, new() { Name = label, Exact = true });

    [Fact]
    public async Task A_click_on_a_rows_bars_and_one_on_a_label_puts_it_on_the_lead_and_the_next_takes_it_off_without_leaving_the_list()
    {
        var leadPage = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, $"leads/{leadId}");
        var heissOnLeadPage = leadPage.GetByTestId("label-toggle").Filter(new() { HasText = "Heiß" });
        await Assertions.Expect(heissOnLeadPage).ToHaveAttributeAsync("data-on", "false");
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads/all");
        var row = page.GetByTestId("lead-grid").Locator("tr", new() { HasText = "Relaunch Website" });
        await Assertions.Expect(Bar(row, "Website")).ToHaveAttributeAsync("title", "Website");
        await Assertions.Expect(Bar(row, "Heiß")).ToHaveCountAsync(0);

        await row.GetByTestId("label-bars").ClickAsync();
        await Assertions.Expect(Option(page, "Website")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(Option(page, "Heiß")).ToHaveAttributeAsync("aria-pressed", "false");
        await Option(page, "Heiß").ClickAsync();

        await Assertions.Expect(Bar(row, "Heiß")).ToHaveAttributeAsync("aria-label", "Heiß");
        await Assertions.Expect(page.GetByTestId("label-picker-panel")).ToHaveCountAsync(0);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/leads/all$"));
        await Assertions.Expect(heissOnLeadPage).ToHaveAttributeAsync("data-on", "true");

        await row.GetByTestId("label-bars").ClickAsync();
        await Assertions.Expect(Option(page, "Heiß")).ToHaveAttributeAsync("aria-pressed", "true");
        await Option(page, "Heiß").ClickAsync();

        await Assertions.Expect(Bar(row, "Heiß")).ToHaveCountAsync(0);
        await Assertions.Expect(Bar(row, "Website")).ToHaveCountAsync(1);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/leads/all$"));
        await Assertions.Expect(heissOnLeadPage).ToHaveAttributeAsync("data-on", "false");
    }

    [Fact]
    public async Task A_label_created_in_the_picker_starts_with_an_unused_colour_goes_on_the_lead_and_into_the_navigation()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads/all");
        var row = page.GetByTestId("lead-grid").Locator("tr", new() { HasText = "Relaunch Website" });

        await row.GetByTestId("label-bars").ClickAsync();
        await page.GetByTestId("picker-new").ClickAsync();
        var panel = page.GetByTestId("label-picker-panel");
        // Rot and Blau are taken by Heiß and Website.
        await Assertions.Expect(panel.GetByRole(AriaRole.Radio, new() { Name = "Orange" })).ToHaveAttributeAsync("aria-checked", "true");
        await panel.GetByRole(AriaRole.Radio, new() { Name = "Türkis" }).ClickAsync();
        await page.GetByTestId("picker-new-name").FillAsync("Messe");
        await page.GetByTestId("picker-new-save").ClickAsync();

        await Assertions.Expect(Bar(row, "Messe")).ToHaveAttributeAsync("style", new Regex("background:#00897b"));
        await Assertions.Expect(Bar(row, "Website")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("label-nav").Locator("[data-label=Messe] [data-testid=label-count]")).ToHaveTextAsync("1");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/leads/all$"));
    }

    [Fact]
    public async Task The_new_label_dialog_preselects_the_first_palette_colour_no_label_has()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads");

        await page.GetByTestId("label-new").ClickAsync();

        var dialog = page.GetByTestId("label-dialog");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Radio, new() { Name = "Orange" })).ToHaveAttributeAsync("aria-checked", "true");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Radio, new() { Checked = true })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task On_the_board_the_bars_open_the_picker_not_the_lead_and_another_session_sees_the_new_label()
    {
        var other = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads");
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads");
        var stage = (await App.StagesAsync())[0].Name;
        var card = page.CardIn(stage, leadId);

        await card.GetByTestId("label-bars").ClickAsync();
        await Option(page, "Heiß").ClickAsync();

        await Assertions.Expect(Bar(card, "Heiß")).ToHaveCountAsync(1);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/leads$"));
        await Assertions.Expect(page.CardIn(stage, leadId)).ToBeVisibleAsync();
        await Assertions.Expect(Bar(other.CardIn(stage, leadId), "Heiß")).ToHaveAttributeAsync("title", "Heiß");
    }
}
