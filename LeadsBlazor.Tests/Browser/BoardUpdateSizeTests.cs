using System.Text.Json;
using LeadsBlazor.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LeadsBlazor.Tests.Browser;

/// <summary>
/// Issue 20, acceptance 3: a card move reaches a watching session as a small update (the card leaves one column and
/// enters another, the figures change), not as a rebuilt board: under 20 KB over its WebSocket with 200 cards shown.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardUpdateSizeTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser)
{
    // 50 cards per stage: every column shows a full first page, 200 cards on the board.
    private const int CardsPerStage = 50;
    private const int MaxBytesPerMove = 20 * 1024;

    private int _moved;

    protected override async Task ArrangeAsync()
    {
        var owner = await App.UserIdAsync(LeadsAppFactory.OwnerEmail);
        var member = (await App.CreateMemberAsync()).Id;
        var stages = await App.StagesAsync();
        var hot = await App.CreateLabelAsync("Heiß", "#e53935");
        var web = await App.CreateLabelAsync("Website", "#1e88e5");
        var today = DateOnly.FromDateTime(App.Time.GetUtcNow().UtcDateTime);
        for (var i = 0; i < CardsPerStage * 4; i++)
        {
            // A mix like a board in use: due and later next actions, two responsible users, cards with and without labels.
            int[] labels = (i % 3) switch { 0 => [hot], 1 => [hot, web], _ => [] };
            await App.CreateLeadAsync($"Lead {i:000}", 1_000m + (i * 250m), i % 2 == 0 ? owner : member, stages[i % 4].Id, today.AddDays((i % 40) - 10), labelIds: labels);
        }

        // The earliest next action of all: it goes to the top of whichever column it lands in.
        _moved = await App.CreateLeadAsync("Relaunch Website", 10_000m, owner, stages[0].Id, today.AddDays(-60));
    }

    [Fact]
    public async Task A_move_reaches_a_watching_session_of_a_200_card_board_in_under_20_KB()
    {
        var watcher = await OpenAsync(LeadsAppFactory.MemberEmail, LeadsAppFactory.MemberPassword, "leads");
        var mover = await OpenAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword, "leads");
        // 201 running leads, a first page of 50 per column.
        await Assertions.Expect(watcher.GetByTestId("lead-card")).ToHaveCountAsync(CardsPerStage * 4);
        await Assertions.Expect(watcher.CardIn("Erstkontakt", _moved)).ToBeVisibleAsync();
        await Assertions.Expect(mover.CardIn("Erstkontakt", _moved)).ToBeVisibleAsync();
        var countBefore = await watcher.Column("Verhandlungen").Locator(".stage-count").GetAttributeAsync("data-value");

        var received = new WebSocketBytes();
        var cdp = await watcher.Context.NewCDPSessionAsync(watcher);
        cdp.Event("Network.webSocketFrameReceived").OnEvent += (_, frame) => received.Add(frame);
        await cdp.SendAsync("Network.enable");

        await mover.Card(_moved).GetByTestId("card-menu").ClickAsync();
        await mover.GetByTestId("move-to").Filter(new() { HasText = "Verhandlungen" }).ClickAsync();

        // Settled: the card sits on top of its new column (its place among the others, not just anywhere in it),
        // it left the old one, and the column's figures count it.
        var target = watcher.Column("Verhandlungen");
        await Assertions.Expect(target.GetByTestId("lead-card").First).ToHaveAttributeAsync("data-lead-id", _moved.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(watcher.CardIn("Erstkontakt", _moved)).ToHaveCountAsync(0);
        await Assertions.Expect(target.Locator(".stage-count")).Not.ToHaveAttributeAsync("data-value", countBefore!);
        await Assertions.Expect(watcher.GetByTestId("board-column").Nth(0).Locator(".stage-count")).ToHaveAttributeAsync("data-value", CardsPerStage.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var bytes = received.Total;
        output.WriteLine($"Received by the watching session for one move: {bytes:N0} bytes in {received.Frames} WebSocket frames (200 cards on the board).");
        Assert.True(bytes < MaxBytesPerMove, $"the watching session received {bytes:N0} bytes for one move (at most {MaxBytesPerMove:N0})");
    }

    /// <summary>The decoded payload of the WebSocket frames a page received, as Chrome's DevTools protocol reports them.</summary>
    private sealed class WebSocketBytes
    {
        private long _total;
        private int _frames;

        public long Total => Interlocked.Read(ref _total);

        public int Frames => Volatile.Read(ref _frames);

        public void Add(JsonElement? frame)
        {
            if (frame is not { } e)
            {
                return;
            }

            var response = e.GetProperty("response");
            var payload = response.GetProperty("payloadData").GetString() ?? "";
            // Opcode 2 is a binary frame (Blazor's MessagePack protocol), which DevTools hands over in base64.
            var length = response.GetProperty("opcode").GetDouble() == 2
                ? Convert.FromBase64String(payload).Length
                : System.Text.Encoding.UTF8.GetByteCount(payload);
            Interlocked.Add(ref _total, length);
            Interlocked.Increment(ref _frames);
        }
    }
}
