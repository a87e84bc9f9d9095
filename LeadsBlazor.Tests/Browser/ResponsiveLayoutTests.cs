using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Settings.Stages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>The board on a laptop (four stages at 1280 px, five at 1440 px, drawer open; more scroll with a shade as the cue) and the app bar on a phone (390 px).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ResponsiveLayoutTests(BrowserFixture browser) : BrowserTest(browser)
{
    private string _ownerId = "";
    private int _memberLead;
    private readonly List<int> _ownerLeads = [];

    protected override async Task ArrangeAsync()
    {
        _ownerId = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        var member = await App.CreateMemberAsync();
        var stages = await App.StagesAsync();
        var yesterday = DateOnly.FromDateTime(App.Time.GetUtcNow().UtcDateTime).AddDays(-2);
        foreach (var (name, stage) in new[] { ("Relaunch Website Alpenblick", 0), ("Kampagne Frühjahr Möbelhaus", 1), ("Barrierefreiheit-Check Bäckerei", 3) })
        {
            _ownerLeads.Add(await App.CreateLeadAsync(name, 137_500.50m, _ownerId, stages[stage].Id, yesterday, labelIds: []));
        }

        _memberLead = await App.CreateLeadAsync("Karriereseite Kantonalverband", 44_500m, member.Id, stages[2].Id);
    }

    [Fact]
    public async Task At_1280_px_with_the_drawer_open_the_board_shows_four_stage_columns_whole()
    {
        Assert.Equal(4, (await App.StagesAsync()).Count);

        var page = await OpenBoardAsync(1280);

        await AssertColumnsWholeAsync(page, 4);
    }

    [Fact]
    public async Task At_1440_px_with_the_drawer_open_the_board_shows_five_stage_columns_whole()
    {
        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<StageCommands>().AddAsync("Vertragsprüfung", "Contract review", 80, _ownerId);
        }

        var page = await OpenBoardAsync(1440);

        await AssertColumnsWholeAsync(page, 5);
    }

    [Fact]
    public async Task With_more_stages_than_fit_the_board_scrolls_sideways_and_shades_its_right_edge_until_the_last_column_shows()
    {
        using (var scope = App.Services.CreateScope())
        {
            var stages = scope.ServiceProvider.GetRequiredService<StageCommands>();
            await stages.AddAsync("Vertragsprüfung", "Contract review", 80, _ownerId);
            await stages.AddAsync("Unterschrift", "Signature", 90, _ownerId);
        }

        var page = await OpenBoardAsync(1280);
        await Assertions.Expect(page.GetByTestId("board-column")).ToHaveCountAsync(6);
        var scroller = page.Locator(".board-columns");
        var widths = await scroller.EvaluateAsync<double[]>("e => [e.scrollWidth, e.clientWidth]");
        Assert.True(widths[0] > widths[1], $"six columns should not fit 1280 px: {widths[0]} px in {widths[1]} px");

        const string shade = "() => Number(getComputedStyle(document.querySelector('.board'), '::after').opacity)";
        await page.WaitForFunctionAsync($"() => ({shade})() > 0.9");

        await scroller.EvaluateAsync("e => e.scrollLeft = e.scrollWidth");
        await page.WaitForFunctionAsync($"() => ({shade})() < 0.1");
        var last = (await page.GetByTestId("board-column").Nth(5).BoundingBoxAsync())!;
        var visible = (await scroller.BoundingBoxAsync())!;
        Assert.True(last.X + last.Width <= visible.X + visible.Width + 0.5, "the last column is still cut after scrolling to the end");
    }

    [Fact]
    public async Task At_390_px_the_app_bar_keeps_one_line_filters_from_its_menu_and_shows_the_due_count()
    {
        var page = await OpenBoardAsync(390);
        var filter = page.GetByRole(AriaRole.Button, new() { Name = "Zuständige Person filtern (jetzt: Alle)" });
        await Assertions.Expect(filter).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("filter-me")).ToHaveCountAsync(0);

        // Without opening the drawer: the count is a link in the app bar.
        var due = page.GetByRole(AriaRole.Link, new() { Name = "3 fällige Leads" });
        await Assertions.Expect(due).ToBeVisibleAsync();
        var bar = (await page.Locator(".mud-appbar").BoundingBoxAsync())!;
        var dueBox = (await due.BoundingBoxAsync())!;
        Assert.True(bar.Height < 70, $"the app bar is {bar.Height} px high: its controls wrapped onto a second line");
        Assert.InRange(dueBox.Y, bar.Y, bar.Y + bar.Height);
        Assert.InRange(dueBox.X + dueBox.Width, 0, 390);

        await Assertions.Expect(page.Card(_memberLead)).ToHaveCountAsync(1);
        await filter.ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Ich" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("responsible=me"));
        await Assertions.Expect(page.Card(_memberLead)).ToHaveCountAsync(0);
        await Assertions.Expect(page.Card(_ownerLeads[0])).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Zuständige Person filtern (jetzt: Ich)" })).ToBeVisibleAsync();
        Assert.True((await page.Locator(".mud-appbar").BoundingBoxAsync())!.Height < 70, "the app bar wrapped after filtering");
    }

    [Fact]
    public async Task At_390_px_no_amount_on_the_board_breaks_between_its_number_and_its_currency()
    {
        var page = await OpenBoardAsync(390);
        var amounts = page.Locator("[data-testid=weighted-volume], [data-testid=revenue-total], .stage-revenue, .stage-weighted b, .lead-card-revenue");
        await Assertions.Expect(amounts.First).ToBeVisibleAsync();

        // An element's text on more than one line has client rectangles at more than one height.
        var broken = await amounts.EvaluateAllAsync<string[]>("""
            elements => elements
                .filter(element => {
                    const range = document.createRange();
                    range.selectNodeContents(element);
                    return new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size > 1;
                })
                .map(element => element.textContent)
            """);

        Assert.True(await amounts.CountAsync() >= 10, "the board shows its totals, each stage's figures and each card's revenue");
        Assert.Empty(broken);
    }

    [Fact]
    public async Task At_390_px_the_drawer_closes_when_a_link_in_it_leads_to_another_page_and_stays_open_for_a_label()
    {
        await App.CreateLabelAsync("Heiß", "#e53935");
        var page = await OpenBoardAsync(390);
        var drawer = page.Locator(".mud-drawer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Navigation ein- oder ausblenden" }).ClickAsync();
        await Assertions.Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bmud-drawer--open\b"));

        // A label filters the page shown: the drawer stays, for a second label.
        await page.Locator("[data-testid=label-filter][data-label=\"Heiß\"]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("labels="));
        await Assertions.Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bmud-drawer--open\b"));

        await page.GetByTestId("nav-all").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/leads/all"));
        await Assertions.Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bmud-drawer--closed\b"));
    }

    private async Task<IPage> OpenBoardAsync(int width)
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads");
        await page.SetViewportSizeAsync(width, 900);
        return page;
    }

    // "Whole" means each column's right edge lies inside the scrolling area's visible box, without scrolling.
    private static async Task AssertColumnsWholeAsync(IPage page, int count)
    {
        var columns = page.GetByTestId("board-column");
        await Assertions.Expect(columns).ToHaveCountAsync(count);
        await Assertions.Expect(page.GetByTestId("nav-leads")).ToBeVisibleAsync();
        var visible = (await page.Locator(".board-columns").BoundingBoxAsync())!;
        for (var i = 0; i < count; i++)
        {
            var column = (await columns.Nth(i).BoundingBoxAsync())!;
            Assert.True(column.X >= visible.X - 0.5 && column.X + column.Width <= visible.X + visible.Width + 0.5,
                $"column {i + 1} spans {column.X}–{column.X + column.Width}, the board shows {visible.X}–{visible.X + visible.Width}");
        }

        Assert.Equal(0, await page.Locator(".board-columns").EvaluateAsync<int>("e => e.scrollWidth - e.clientWidth"));
    }
}
