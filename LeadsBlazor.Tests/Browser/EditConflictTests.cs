using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>Two people editing one lead in two browsers: the second keeps its input, sees what the first saved and chooses.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EditConflictTests(BrowserFixture browser) : BrowserTest(browser)
{
    private int _lead;

    protected override async Task ArrangeAsync()
    {
        await App.CreateMemberAsync(displayName: "Ben Keller");
        _lead = await App.CreateLeadAsync("Relaunch Website", 12_000m, await App.UserIdAsync(LeadsAppFactory.OwnerEmail), null, nextActionOn: new DateOnly(2026, 12, 2));
    }

    private async Task<IPage> OpenEditAsync(string email, string password)
    {
        var page = await OpenAsync(email, password, $"leads/{_lead}");
        await page.OpenLeadFormAsync("action-edit");
        await Assertions.Expect(page.GetByTestId("field-name")).ToHaveValueAsync("Relaunch Website");
        return page;
    }

    // Ben saves a new date and "what is next" while Anna's form is open with her own input.
    private async Task<(IPage Anna, IPage Ben)> BothEditAsync(string annasNextAction)
    {
        var anna = await OpenEditAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        await anna.GetByTestId("field-name").FillAsync("Relaunch Website 2027");
        await anna.GetByTestId("field-next-action").FillAsync(annasNextAction);

        var ben = await OpenEditAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword);
        var date = ben.GetByTestId("field-next-action-on");
        await date.FillAsync("05.12.2026");
        await date.PressAsync("Tab");
        await ben.GetByTestId("field-next-action").FillAsync("Angebot schicken");
        await ben.GetByTestId("lead-save").ClickAsync();
        await Assertions.Expect(ben.GetByTestId("lead-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(ben.GetByTestId("lead-next-action")).ToHaveTextAsync("05.12.2026 Angebot schicken");

        await anna.GetByTestId("lead-save").ClickAsync();
        await Assertions.Expect(anna.GetByTestId("conflict-change")).ToHaveTextAsync(
            ["Ben Keller: Nächste Aktion 02.12.2026 → 05.12.2026", "Ben Keller: Was als Nächstes — → Angebot schicken"]);
        await Assertions.Expect(anna.GetByTestId("field-name")).ToHaveValueAsync("Relaunch Website 2027");
        return (anna, ben);
    }

    [Fact]
    public async Task Keep_mine_saves_the_input_on_top_of_the_others_change_and_the_next_save_goes_through()
    {
        var (anna, _) = await BothEditAsync("Workshop planen");

        await anna.GetByTestId("conflict-keep-mine").ClickAsync();

        await Assertions.Expect(anna.GetByTestId("lead-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(anna.Locator("h1")).ToHaveTextAsync("Relaunch Website 2027");
        await Assertions.Expect(anna.GetByTestId("lead-next-action")).ToHaveTextAsync("05.12.2026 Workshop planen");

        await anna.OpenLeadFormAsync("action-edit");
        await anna.GetByTestId("field-name").FillAsync("Relaunch Website 2028");
        await anna.GetByTestId("lead-save").ClickAsync();
        await Assertions.Expect(anna.GetByTestId("lead-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(anna.Locator("h1")).ToHaveTextAsync("Relaunch Website 2028");
    }

    [Fact]
    public async Task Take_theirs_shows_the_others_values_in_the_form_and_a_second_save_shows_no_conflict()
    {
        var (anna, _) = await BothEditAsync("Workshop planen");

        await anna.GetByTestId("conflict-take-theirs").ClickAsync();

        await Assertions.Expect(anna.GetByTestId("lead-conflict")).ToHaveCountAsync(0);
        await Assertions.Expect(anna.GetByTestId("field-next-action")).ToHaveValueAsync("Angebot schicken");
        await Assertions.Expect(anna.GetByTestId("field-next-action-on")).ToHaveValueAsync("05.12.2026");
        await Assertions.Expect(anna.GetByTestId("field-name")).ToHaveValueAsync("Relaunch Website 2027");

        await anna.GetByTestId("lead-save").ClickAsync();
        await Assertions.Expect(anna.GetByTestId("lead-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(anna.Locator("h1")).ToHaveTextAsync("Relaunch Website 2027");
        await Assertions.Expect(anna.GetByTestId("lead-next-action")).ToHaveTextAsync("05.12.2026 Angebot schicken");
    }
}
