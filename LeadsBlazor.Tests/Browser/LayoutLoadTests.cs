using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Labels;
using LeadsBlazor.Web.Features.Reminders;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>
/// No double loads: the due badge and the label navigation, on every page, load once per page open (the prerendered
/// page hands what it loaded to the interactive one), and still follow changes live.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutLoadTests : BrowserTest
{
    private readonly TaggedCommands _commands;
    private string _ownerId = "";
    private int _label;

    public LayoutLoadTests(BrowserFixture browser)
        : this(browser, new TaggedCommands())
    {
    }

    private LayoutLoadTests(BrowserFixture browser, TaggedCommands commands)
        : base(browser, new LeadsAppFactory { TestServices = commands.AddTo }) => _commands = commands;

    protected override async Task ArrangeAsync()
    {
        _ownerId = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        var stages = await App.StagesAsync();
        _label = await App.CreateLabelAsync("Wichtig", "#d32f2f");
        await App.CreateLeadAsync("Angebot nachfassen", 5_000m, _ownerId, stages[1].Id, nextActionOn: Today, labelIds: [_label]);
        await App.CreateLeadAsync("Rückruf", 2_000m, _ownerId, stages[0].Id, nextActionOn: Today);
    }

    private DateOnly Today => DateOnly.FromDateTime(App.Time.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task A_page_open_counts_the_due_leads_and_the_labels_once_and_both_stay_live()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "companies");
        var badge = page.GetByTestId("due-badge");
        var labelCount = page.Locator("[data-testid=label-filter][data-label=Wichtig] [data-testid=label-count]");
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-count", "2");
        var (dueBefore, labelsBefore) = Counts();

        await page.ReloadAsync();
        await page.WaitForCircuitAsync();

        // What the interactive page shows is what the prerendered one counted.
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-count", "2");
        await Assertions.Expect(labelCount).ToHaveTextAsync("1");

        // A change reaches both (one event), and proves the interactive page is live; by then any load of the page open has run.
        await App.CreateLeadAsync("Neuer Lead", 1_000m, _ownerId, stageId: null, nextActionOn: Today, labelIds: [_label]);
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-count", "3");
        await Assertions.Expect(labelCount).ToHaveTextAsync("2");

        // The reload reads nothing: its prerender takes the counts the first open made (shared views, nothing changed since)
        // and its interactive render the prerendered ones. The change is counted once, by whichever session asks first.
        var (due, labels) = Counts();
        Assert.Equal(1, due - dueBefore);
        Assert.Equal(2, labels - labelsBefore); // two statements: the counts and the labels
    }

    private (int Due, int Labels) Counts() => (_commands.Count(DueLeadsQuery.DueCountTag), _commands.Count(LabelCountsQuery.Tag));
}
