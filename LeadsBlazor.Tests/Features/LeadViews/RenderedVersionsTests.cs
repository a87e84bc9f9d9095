using LeadsBlazor.Web.Features.LeadViews;

namespace LeadsBlazor.Tests.Features.LeadViews;

public sealed class RenderedVersionsTests
{
    private const int LeadId = 7;

    [Fact]
    public void A_version_is_seen_once_the_browser_acknowledged_the_render_that_showed_it()
    {
        var rendered = new RenderedVersions();
        var seen = new SeenVersions();

        rendered.Rendering(3);
        Assert.Equal(2, seen.Of(LeadId, loaded: 2));

        rendered.Rendered(seen, LeadId);
        Assert.Equal(3, seen.Of(LeadId, loaded: 2));
    }

    [Fact]
    public void With_three_renders_on_their_way_each_acknowledgement_promotes_the_oldest_of_them()
    {
        var rendered = new RenderedVersions();
        var seen = new SeenVersions();
        rendered.Rendering(3);
        rendered.Rendering(4);
        rendered.Rendering(5);

        rendered.Rendered(seen, LeadId);
        Assert.Equal(3, seen.Of(LeadId, loaded: 5));
        rendered.Rendered(seen, LeadId);
        Assert.Equal(4, seen.Of(LeadId, loaded: 5));

        // A render while one is still on its way queues behind it.
        rendered.Rendering(6);
        rendered.Rendered(seen, LeadId);
        Assert.Equal(5, seen.Of(LeadId, loaded: 6));
        rendered.Rendered(seen, LeadId);
        Assert.Equal(6, seen.Of(LeadId, loaded: 6));
    }

    [Fact]
    public void An_after_render_call_without_a_render_of_the_lead_changes_nothing()
    {
        var rendered = new RenderedVersions();
        var seen = new SeenVersions();
        rendered.Rendering(3);
        rendered.Rendered(seen, LeadId);

        rendered.Rendered(seen, LeadId);

        Assert.Equal(3, seen.Of(LeadId, loaded: 9));
    }
}
