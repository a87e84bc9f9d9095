using System.Text.Json;
using Microsoft.Playwright;

namespace LeadsBlazor.Tests.Support;

/// <summary>
/// Counts from now on the decoded payload bytes of every WebSocket frame a page receives (CDP
/// <c>Network.webSocketFrameReceived</c>): what a circuit's updates cost the browser. The browser tests and the bench's
/// browser run both read it.
/// </summary>
public sealed class WebSocketFrames
{
    private long _bytes;
    private int _count;

    private WebSocketFrames()
    {
    }

    public long Bytes => Interlocked.Read(ref _bytes);

    public int Count => Volatile.Read(ref _count);

    public static async Task<WebSocketFrames> CountAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var session = await page.Context.NewCDPSessionAsync(page);
        var frames = new WebSocketFrames();
        session.Event("Network.webSocketFrameReceived").OnEvent += (_, frame) => frames.Add(frame);
        await session.SendAsync("Network.enable");
        return frames;
    }

    /// <summary>Starts counting again from zero, e.g. before the next change is watched.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _bytes, 0);
        Interlocked.Exchange(ref _count, 0);
    }

    // Binary frames (opcode 2, Blazor's render batches) come base64-encoded, text frames as they are.
    private void Add(JsonElement? frame)
    {
        if (frame?.GetProperty("response") is not { } response)
        {
            return;
        }

        var payload = response.GetProperty("payloadData").GetString() ?? "";
        var bytes = response.GetProperty("opcode").GetDouble() == 2 ? Convert.FromBase64String(payload).Length : System.Text.Encoding.UTF8.GetByteCount(payload);
        Interlocked.Add(ref _bytes, bytes);
        Interlocked.Increment(ref _count);
    }
}
