using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Logging;

namespace LeadsBlazor.Bench;

/// <summary>
/// One simulated browser session: a renderer like the one a Blazor Server circuit runs (its own dispatcher, interactive),
/// whose every render batch is written with the very serializer Blazor Server sends batches with (Components.Server's
/// internal <c>RenderBatchWriter</c>, the bytes of the <c>JS.RenderBatch</c> message before SignalR's framing) and counted.
/// The browser side acknowledges each batch at once, so after-render work runs as with a quick browser. Conditions on what
/// the session shows are checked after every batch, so a waiter wakes the moment the session shows it (no polling).
/// </summary>
#pragma warning disable BL0006 // Render tree types: reading the tree is the point of this class.
internal sealed class SessionRenderer(IServiceProvider services, ILoggerFactory loggers) : Renderer(services, loggers)
{
    private static readonly Type WriterType = typeof(CircuitHandler).Assembly.GetTypes().Single(t => t.Name == "RenderBatchWriter");
    private static readonly MethodInfo WriteBatch = WriterType.GetMethod("Write", [typeof(RenderBatch).MakeByRefType()])!;

    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private int _rootId = -1;
    private long _bytes;
    private long _checkTicks;
    private int _batches;
    private Exception? _failure;

    public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();

    protected override RendererInfo RendererInfo { get; } = new("Server", true);

    /// <summary>Bytes of render batches since the last <see cref="ResetCounters"/>.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public int Batches => Volatile.Read(ref _batches);

    /// <summary>
    /// The time the bench itself spent reading the session's render tree for its waiters (on the renderer's thread, so
    /// CPU time): taken off the app's CPU, as a browser does this reading, not the server.
    /// </summary>
    public TimeSpan Checking => TimeSpan.FromTicks(Interlocked.Read(ref _checkTicks));

    public void ResetCounters()
    {
        Interlocked.Exchange(ref _checkTicks, 0);
        Interlocked.Exchange(ref _bytes, 0);
        Interlocked.Exchange(ref _batches, 0);
    }

    public Task RenderAsync<TComponent>()
        where TComponent : IComponent =>
        Dispatcher.InvokeAsync(async () =>
        {
            var root = InstantiateComponent(typeof(TComponent));
            _rootId = AssignRootComponentId(root);
            await RenderRootComponentAsync(_rootId, ParameterView.Empty);
        });

    /// <summary>Completes when the session shows what <paramref name="condition"/> asks for, checked now and after each batch.</summary>
    public Task WhenShownAsync(Func<SessionView, bool> condition) =>
        Dispatcher.InvokeAsync<Task>(() =>
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_failure is not null)
            {
                done.SetException(_failure);
            }
            else if (condition(new SessionView(this, _rootId)))
            {
                done.SetResult();
            }
            else
            {
                _waiters.Add((() => condition(new SessionView(this, _rootId)), done));
            }

            return done.Task;
        }).Unwrap();

    /// <summary>Ends the session as a closed tab ends its circuit: its components are disposed (and unsubscribe).</summary>
    public Task CloseAsync() => Dispatcher.InvokeAsync(Dispose);

    /// <summary>Runs what the session's dispatcher has queued, so that a batch's follow-ups are counted before the counters are read.</summary>
    public Task SettleAsync() => Dispatcher.InvokeAsync(() => { });

    protected override Task UpdateDisplayAsync(in RenderBatch renderBatch)
    {
        using var buffer = new MemoryStream();
        using (var writer = (IDisposable)Activator.CreateInstance(WriterType, buffer, true)!)
        {
            WriteBatch.Invoke(writer, [renderBatch]);
        }

        Interlocked.Add(ref _bytes, buffer.Length);
        Interlocked.Increment(ref _batches);
        if (_rootId >= 0 && _waiters.Count > 0)
        {
            var checking = Stopwatch.StartNew();
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Condition())
                {
                    _waiters[i].Done.SetResult();
                    _waiters.RemoveAt(i);
                }
            }

            Interlocked.Add(ref _checkTicks, checking.Elapsed.Ticks);
        }

        return Task.CompletedTask;
    }

    protected override void HandleException(Exception exception)
    {
        // A failure in a session is a failure of the bench: every waiter hears of it instead of waiting for ever.
        _failure = exception;
        foreach (var (_, done) in _waiters)
        {
            done.TrySetException(exception);
        }

        _waiters.Clear();
    }

    /// <summary>A read of what a session's render tree shows, by the markup's data-testid attributes the browser tests use too.</summary>
    public readonly struct SessionView(SessionRenderer renderer, int rootId)
    {
        /// <summary>How many lead cards the session shows.</summary>
        public int Cards() => rootId < 0 ? 0 : renderer.Count(rootId, "lead-card");

        /// <summary>Whether the card of <paramref name="leadId"/> sits in the board column named <paramref name="stage"/>.</summary>
        public bool CardIn(int leadId, string stage) => rootId >= 0 && renderer.CardIn(rootId, leadId.ToString(CultureInfo.InvariantCulture), stage, inColumn: false);
    }

    private int Count(int componentId, string testId)
    {
        var frames = GetCurrentRenderTreeFrames(componentId);
        var count = 0;
        for (var i = 0; i < frames.Count; i++)
        {
            ref var frame = ref frames.Array[i];
            if (frame.FrameType == RenderTreeFrameType.Component && frame.Component is not null)
            {
                count += Count(frame.ComponentId, testId);
            }
            else if (frame.FrameType == RenderTreeFrameType.Element && Attribute(frames, i, "data-testid") == testId)
            {
                count++;
            }
        }

        return count;
    }

    private bool CardIn(int componentId, string leadId, string stage, bool inColumn) =>
        CardIn(GetCurrentRenderTreeFrames(componentId), 0, GetCurrentRenderTreeFrames(componentId).Count, leadId, stage, inColumn);

    private bool CardIn(ArrayRange<RenderTreeFrame> frames, int start, int end, string leadId, string stage, bool inColumn)
    {
        var i = start;
        while (i < end)
        {
            ref var frame = ref frames.Array[i];
            switch (frame.FrameType)
            {
                case RenderTreeFrameType.Element:
                    var testId = Attribute(frames, i, "data-testid");
                    if (inColumn && testId == "lead-card" && Attribute(frames, i, "data-lead-id") == leadId)
                    {
                        return true;
                    }

                    var column = testId == "board-column" && Attribute(frames, i, "data-stage") == stage;
                    if (CardIn(frames, i + 1, i + frame.ElementSubtreeLength, leadId, stage, inColumn || column))
                    {
                        return true;
                    }

                    i += frame.ElementSubtreeLength;
                    break;
                case RenderTreeFrameType.Component:
                    if (frame.Component is not null && CardIn(frame.ComponentId, leadId, stage, inColumn))
                    {
                        return true;
                    }

                    i += frame.ComponentSubtreeLength;
                    break;
                default:
                    i++;
                    break;
            }
        }

        return false;
    }

    private static string? Attribute(ArrayRange<RenderTreeFrame> frames, int element, string name)
    {
        for (var i = element + 1; i < frames.Count && frames.Array[i].FrameType == RenderTreeFrameType.Attribute; i++)
        {
            if (frames.Array[i].AttributeName == name)
            {
                return Convert.ToString(frames.Array[i].AttributeValue, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
#pragma warning restore BL0006
