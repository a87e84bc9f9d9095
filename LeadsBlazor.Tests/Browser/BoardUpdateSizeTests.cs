using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LeadsBlazor.Tests.Browser;

/// <summary>
/// Small updates: a card moved in one session reaches another session's board as a small change (the card leaves one
/// column and enters another, the figures change), not as a rebuilt board. Measured as the browser receives it: the
/// bytes of the WebSocket frames of the watching session's circuit (CDP <c>Network.webSocketFrameReceived</c>).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardUpdateSizeTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser)
{
    private const int LeadsPerStage = 50;
    private const int MaxBytesPerMove = 20 * 1024;
    private int _moved;

    protected override async Task ArrangeAsync()
    {
        var owner = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        var today = DateOnly.FromDateTime(App.Time.GetUtcNow().UtcDateTime);
        foreach (var stage in (await App.StagesAsync()).Take(4))
        {
            for (var i = 0; i < LeadsPerStage; i++)
            {
                // The board orders by next action: the first card of a column goes to the top of the next one.
                var lead = await App.CreateLeadAsync($"{stage.Name} {i + 1:00}", 1_000m + i, owner, stage.Id, nextActionOn: today.AddDays(1 + i));
                if (_moved == 0)
                {
                    _moved = lead;
                }
            }
        }
    }

    [Fact]
    public async Task A_card_moved_in_one_session_reaches_a_200_card_board_in_another_in_under_20_KB()
    {
        var watcher = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads");
        await Assertions.Expect(watcher.GetByTestId("lead-card")).ToHaveCountAsync(4 * LeadsPerStage);
        var acting = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads");
        await Assertions.Expect(acting.Card(_moved)).ToBeVisibleAsync();

        var frames = await WebSocketFrames.CountAsync(watcher);
        await acting.Card(_moved).GetByTestId("card-menu").ClickAsync();
        await acting.GetByTestId("move-to").Filter(new() { HasText = "Angebot" }).ClickAsync();

        // The watching session shows the move: the card on top of its new column, both columns' counts.
        await Assertions.Expect(watcher.CardIn("Angebot", _moved)).ToBeVisibleAsync();
        await Assertions.Expect(watcher.Column("Angebot").GetByTestId("lead-card").First).ToHaveAttributeAsync("data-lead-id", _moved.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(watcher.Column("Erstkontakt").Locator(".stage-count")).ToHaveAttributeAsync("data-value", $"{LeadsPerStage - 1}");
        await Assertions.Expect(watcher.Column("Angebot").Locator(".stage-count")).ToHaveAttributeAsync("data-value", $"{LeadsPerStage + 1}");

        var received = frames.Bytes;
        output.WriteLine($"The watching session received {received:N0} bytes in {frames.Count} frames for the move.");
        Assert.True(received > 0, "the watching session received nothing over its WebSocket");
        Assert.True(received < MaxBytesPerMove, $"the watching session received {received:N0} bytes for one move in {frames.Count} frames (at most {MaxBytesPerMove:N0})");
    }
}
