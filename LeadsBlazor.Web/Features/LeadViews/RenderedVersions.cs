namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>
/// The versions of one lead that a component's renders showed, in order, until the browser applied each render: then
/// the version becomes seen (<see cref="SeenVersions"/>). Used by <see cref="SeenVersion"/> and by components that
/// show a lead themselves, such as board cards.
/// </summary>
public sealed class RenderedVersions
{
    // One entry per render, taken in order by the after-render calls: with two batches on their way, the first
    // acknowledgement must promote the first batch's version, not the newest one. Mostly one is on its way: it waits in a
    // field, and a queue for the later ones is made only once a second one was (a board keeps one of these per card).
    private long? _first;
    private Queue<long>? _later;

    /// <summary>Call while rendering the lead at <paramref name="version"/>.</summary>
    public void Rendering(long version)
    {
        if (_first is null)
        {
            _first = version;
        }
        else
        {
            (_later ??= new()).Enqueue(version);
        }
    }

    /// <summary>Call from OnAfterRender: Blazor Server calls it once the browser acknowledged the render.</summary>
    public void Rendered(SeenVersions into, int leadId)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (_first is not { } version)
        {
            return;
        }

        into.Saw(leadId, version);
        _first = _later is not null && _later.TryDequeue(out var next) ? next : null;
    }
}
