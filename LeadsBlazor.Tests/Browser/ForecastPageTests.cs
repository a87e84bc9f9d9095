using System.Globalization;
using System.Text.RegularExpressions;
using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Browser;

/// <summary>The forecast in a real Chromium (Rule 15): its total is the board's weighted volume for the same filter, live in every session.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ForecastPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    private int _hot;
    private int _relaunch;

    protected override async Task ArrangeAsync()
    {
        var ownerId = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        var memberId = (await App.CreateMemberAsync()).Id;
        _hot = await App.CreateLabelAsync("Heiß", "#e53935");
        var stages = await App.StagesAsync();
        _relaunch = await App.Services.CreatePeriodLeadAsync("Relaunch Website", 10_000m, ownerId, stages[0].Id, new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 28), [_hot]);
        await App.Services.CreatePeriodLeadAsync("Online-Shop", 50_000m, ownerId, stages[2].Id, new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31), [_hot]);
        await App.Services.CreatePeriodLeadAsync("Altkunde Meier", 7_000m, memberId, stages[1].Id, null, null, [_hot]);
        await App.Services.CreatePeriodLeadAsync("Markenauftritt", 20_000m, ownerId, stages[2].Id, new DateOnly(2027, 3, 1), new DateOnly(2027, 6, 30), []);
    }

    private static string Cents(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_forecast_total_equals_the_boards_weighted_volume_for_a_label_before_and_after_a_move_in_another_session()
    {
        var forecast = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, $"leads/forecast?labels={_hot}");
        var board = await OpenAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword, $"leads?labels={_hot}");
        await Assertions.Expect(board.Card(_relaunch)).ToBeVisibleAsync();
        var before = await board.WeightedVolumeAsync();
        var boardText = await board.GetByTestId("weighted-volume").TextContentAsync();

        var total = forecast.GetByTestId("forecast-total");
        await Assertions.Expect(total).ToHaveTextAsync(boardText!);
        await Assertions.Expect(total).ToHaveAttributeAsync("data-value", Cents(before));
        // The label filters: "Markenauftritt" (no label) is in neither figure.
        await Assertions.Expect(forecast.Locator("[data-stage=Angebot] [data-column='2027-03']")).ToHaveTextAsync("–");
        await forecast.EvaluateAsync("() => window.leadsNotReloaded = true");

        await board.DragWithMouseAsync(board.Card(_relaunch), () => Task.FromResult(board.Column("Verhandlungen").Locator(".board-zone")));
        await Assertions.Expect(board.CardIn("Verhandlungen", _relaunch)).ToBeVisibleAsync();

        // Erstkontakt weighs 1 %, Verhandlungen 60 %: the move adds 5,900 € to both figures.
        var after = Cents(before + (10_000m * 0.59m));
        await Assertions.Expect(board.GetByTestId("weighted-volume")).ToHaveAttributeAsync("data-value", after);
        await Assertions.Expect(total).ToHaveAttributeAsync("data-value", after);
        await Assertions.Expect(total).ToHaveTextAsync((await board.GetByTestId("weighted-volume").TextContentAsync())!);
        await Assertions.Expect(forecast.Locator("[data-stage=Verhandlungen] [data-column=total]")).ToHaveAttributeAsync("data-value", "6000.00");
        Assert.True(await forecast.EvaluateAsync<bool>("() => window.leadsNotReloaded === true"), "the forecast page must not have reloaded");
    }

    [Fact]
    public async Task The_forecast_keeps_the_views_filters_and_its_total_follows_Ich_like_the_board()
    {
        var page = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, $"leads?labels={_hot}");

        await page.GetByTestId("nav-forecast").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/leads/forecast\?labels={_hot}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Prognose");
        await page.GetByTestId("filter-me").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("responsible=me"));
        // The owner's labelled leads: 10,000 € at 1 % and 50,000 € at 30 %.
        await Assertions.Expect(page.GetByTestId("forecast-total")).ToHaveAttributeAsync("data-value", "15100.00");
        var forecastText = await page.GetByTestId("forecast-total").TextContentAsync();

        await page.GetByTestId("nav-leads").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/leads\?(?=.*responsible=me)(?=.*labels=)"));
        await Assertions.Expect(page.GetByTestId("weighted-volume")).ToHaveTextAsync(forecastText!);
    }
}
