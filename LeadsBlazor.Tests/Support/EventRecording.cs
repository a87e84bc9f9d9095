using LeadsBlazor.Web.Infrastructure.Live;

namespace LeadsBlazor.Tests.Support;

public static class EventRecording
{
    /// <summary>Collects what the app publishes from now on, until the returned subscription is disposed.</summary>
    public static IDisposable Record(this IEventBus events, out IReadOnlyList<PipelineEvent> published)
    {
        ArgumentNullException.ThrowIfNull(events);
        var recorded = new List<PipelineEvent>();
        published = recorded;
        return events.Subscribe(e =>
        {
            lock (recorded)
            {
                recorded.Add(e);
            }

            return Task.CompletedTask;
        });
    }
}
