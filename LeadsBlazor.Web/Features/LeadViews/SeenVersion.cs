using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>
/// Placed where a lead is shown (the lead page, a label picker): records the version each render shows and hands it to
/// <see cref="SeenVersions"/> once the browser has applied that render. Renders nothing.
/// </summary>
public sealed class SeenVersion : ComponentBase
{
    private readonly RenderedVersions _rendered = new();

    [Parameter, EditorRequired]
    public SeenVersions Into { get; set; } = default!;

    [Parameter, EditorRequired]
    public int LeadId { get; set; }

    [Parameter, EditorRequired]
    public long Version { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder) => _rendered.Rendering(Version);

    protected override void OnAfterRender(bool firstRender) => _rendered.Rendered(Into, LeadId);
}
