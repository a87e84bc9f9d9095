using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Bunit;
using LeadsBlazor.Web.Components.Layout;
using LeadsBlazor.Web.Features.Board;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor.Services;

namespace LeadsBlazor.Bench;

/// <summary>What one card move costs with N sessions watching the board, and what an open board holds in memory.</summary>
internal sealed record FanOutResult(int Sessions, double ActingMs, double LastShownMs, long SqlCommands, double CpuMs, double BytesPerSession, int BatchesPerSession, double HeapPerSessionMb);

/// <summary>
/// N simulated people watching the board, each a session of its own: its own DI scope of the running app (as a circuit
/// has), the real <see cref="BoardPage"/> with the navigation (label counts and the due badge) rendered by a
/// <see cref="SessionRenderer"/>, subscribed to the app's real event bus. One person moves a card through
/// <see cref="LeadCommands"/>; the bench waits until every session shows the card in its new column, then reads the SQL
/// commands the app ran (EF interceptor), the process CPU time (less the bench's own reading of the sessions' trees) and the render batches' bytes per session.
/// MudBlazor's JS calls answer at once with defaults (bUnit's loose JS interop); the browser's part is not measured.
/// </summary>
internal static class FanOut
{
    public static async Task<List<FanOutResult>> RunAsync(BenchApp app, string ownerId, IReadOnlyList<int> counts, int moves)
    {
        var results = new List<FanOutResult>();
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();
        using var acting = app.Services.CreateScope();
        var commands = acting.ServiceProvider.GetRequiredService<LeadCommands>();
        var boards = acting.ServiceProvider.GetRequiredService<BoardQuery>();
        foreach (var n in counts.Prepend(0).Append(0))
        {
            var heapBefore = Heap();
            var sessions = new List<Session>();
            for (var i = 0; i < n; i++)
            {
                sessions.Add(await Session.OpenAsync(app.Services, loggers, ownerId));
            }

            var expectedCards = (await boards.LoadAsync(new LeadFilter())).Cards.Count;
            await Task.WhenAll(sessions.Select(s => s.Renderer.WhenShownAsync(v => v.Cards() >= expectedCards)));
            var heapPerSession = n == 0 ? 0 : (Heap() - heapBefore) / (double)n / 1048576.0;

            var samples = new List<FanOutResult>();
            for (var move = 0; move < moves + 1; move++)
            {
                var (card, to) = await NextMoveAsync(boards, move);
                foreach (var session in sessions)
                {
                    await session.Renderer.SettleAsync();
                    session.Renderer.ResetCounters();
                }

                var shown = sessions.Select(s => s.Renderer.WhenShownAsync(v => v.CardIn(card.Id, to.Name))).ToList();
                var sqlBefore = app.Sql.Executed;
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                await commands.MoveToStageAsync(card.Id, card.Version, to.StageId, ownerId);
                var actingMs = watch.Elapsed.TotalMilliseconds;
                await Task.WhenAll(shown);
                var lastShownMs = watch.Elapsed.TotalMilliseconds;
                foreach (var session in sessions)
                {
                    await session.Renderer.SettleAsync();
                }

                var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore - sessions.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Renderer.Checking)).TotalMilliseconds;
                var sql = app.Sql.Executed - sqlBefore;
                var bytes = n == 0 ? 0 : sessions.Average(s => (double)s.Renderer.Bytes);
                var batches = n == 0 ? 0 : (int)Math.Round(sessions.Average(s => s.Renderer.Batches));

                // The first move warms up (JIT, caches); the rest count.
                if (move > 0)
                {
                    samples.Add(new FanOutResult(n, actingMs, lastShownMs, sql, cpuMs, bytes, batches, heapPerSession));
                }
            }

            foreach (var session in sessions)
            {
                await session.DisposeAsync();
            }

            var result = new FanOutResult(n, Median(samples, s => s.ActingMs), Median(samples, s => s.LastShownMs), (long)Median(samples, s => s.SqlCommands),
                Median(samples, s => s.CpuMs), Median(samples, s => s.BytesPerSession), (int)Median(samples, s => s.BatchesPerSession), heapPerSession);
            Console.WriteLine($"  fan-out N = {n}: acting user {result.ActingMs:F0} ms, last session shows it after {result.LastShownMs:F0} ms, {result.SqlCommands} SQL commands, CPU {result.CpuMs:F0} ms, {result.BytesPerSession / 1024:N1} KB in {result.BatchesPerSession} batches per session, {result.HeapPerSessionMb:F2} MB heap per session");
            results.Add(result);
        }

        return results;
    }

    /// <summary>The move a round makes: the first card of the first column goes to the second column, or back, so every session must show it.</summary>
    internal static async Task<(BoardCard Card, BoardColumn To)> NextMoveAsync(BoardQuery boards, int move)
    {
        var board = await boards.LoadAsync(new LeadFilter());
        var (from, to) = move % 2 == 0 ? (board.Columns[0], board.Columns[1]) : (board.Columns[1], board.Columns[0]);
        return (board.Cards.First(c => c.Zone == from.Zone), to);
    }

    internal static double Median<T>(IEnumerable<T> samples, Func<T, double> value)
    {
        var sorted = samples.Select(value).Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>The managed heap after full collections: what live objects hold.</summary>
    internal static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>One watching person: a scope of the app, bUnit's stand-ins for the browser (JS, navigation, sign-in), a renderer.</summary>
    private sealed class Session : IAsyncDisposable
    {
        private readonly IServiceScope _scope;
        private readonly BunitContext _browser;

        private Session(IServiceScope scope, BunitContext browser, SessionRenderer renderer)
        {
            _scope = scope;
            _browser = browser;
            Renderer = renderer;
        }

        public SessionRenderer Renderer { get; }

        public static async Task<Session> OpenAsync(IServiceProvider app, ILoggerFactory loggers, string userId)
        {
            var scope = app.CreateScope();
            var browser = new BunitContext();
            browser.Services.AddMudServices();
            browser.JSInterop.Mode = JSRuntimeMode.Loose;
            var signIn = browser.AddAuthorization();
            signIn.SetAuthorized("bench");
            signIn.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
            browser.Services.AddFallbackServiceProvider(scope.ServiceProvider);
            browser.Services.GetRequiredService<NavigationManager>().NavigateTo("leads");
            var renderer = new SessionRenderer(browser.Services, loggers);
            await renderer.RenderAsync<BoardSession>();
            return new Session(scope, browser, renderer);
        }

        public async ValueTask DisposeAsync()
        {
            await Renderer.CloseAsync();
            await _browser.DisposeAsync();
            _scope.Dispose();
        }
    }
}

/// <summary>What a signed-in person's board page holds live: the navigation (label counts, due badge) and the board.</summary>
internal sealed class BoardSession : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<CascadingAuthenticationState>(0);
        builder.AddComponentParameter(1, nameof(CascadingAuthenticationState.ChildContent), (RenderFragment)(page =>
        {
            page.OpenComponent<NavMenu>(0);
            page.CloseComponent();
            page.OpenComponent<BoardPage>(1);
            page.CloseComponent();
        }));
        builder.CloseComponent();
    }
}
