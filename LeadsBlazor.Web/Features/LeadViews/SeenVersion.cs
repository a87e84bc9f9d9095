using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>
/// Placed where a lead is shown (the lead page, a board card, a label picker): records the version each render
/// shows and hands it to <see cref="SeenVersions"/> once the browser has applied that render. Renders nothing.
/// </summary>
public sealed class SeenVersion : ComponentBase
{
    // One entry per render, taken in order by the after-render calls: with two batches on their way, the first
    // acknowledgement must promote the first batch's version, not the newest one.
    private readonly Queue<long> _rendered = new();

    [Parameter, EditorRequired]
    public SeenVersions Into { get; set; } = default!;

    [Parameter, EditorRequired]
    public int LeadId { get; set; }

    [Parameter, EditorRequired]
    public long Version { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder) => _rendered.Enqueue(Version);

    protected override void OnAfterRender(bool firstRender)
    {
        if (_rendered.TryDequeue(out var version))
        {
            Into.Saw(LeadId, version);
        }
    }
}
