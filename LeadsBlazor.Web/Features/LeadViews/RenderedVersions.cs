namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>
/// The versions of one lead that a component's renders showed, in order, until the browser applied each render: then
/// the version becomes seen (<see cref="SeenVersions"/>). Used by <see cref="SeenVersion"/> and by components that
/// show a lead themselves, such as board cards.
/// </summary>
public sealed class RenderedVersions
{
    // One entry per render, taken in order by the after-render calls: with two batches on their way, the first
    // acknowledgement must promote the first batch's version, not the newest one.
    private readonly Queue<long> _rendered = new();

    /// <summary>Call while rendering the lead at <paramref name="version"/>.</summary>
    public void Rendering(long version) => _rendered.Enqueue(version);

    /// <summary>Call from OnAfterRender: Blazor Server calls it once the browser acknowledged the render.</summary>
    public void Rendered(SeenVersions into, int leadId)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (_rendered.TryDequeue(out var version))
        {
            into.Saw(leadId, version);
        }
    }
}
