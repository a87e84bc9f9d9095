using LeadsBlazor.Web.Components.Layout;

namespace LeadsBlazor.Tests.Components.Layout;

/// <summary>A navigation link is current by the rules of Blazor's NavLink: exact links by path, the others for the pages below them too.</summary>
public sealed class NavTargetTests
{
    [Theory]
    [InlineData("leads", "leads", true)]
    [InlineData("leads?responsible=me&labels=2", "leads?responsible=me", true)]
    [InlineData("leads/", "leads", true)]
    [InlineData("Leads", "leads", true)]
    [InlineData("leads/potential", "leads", false)]
    [InlineData("leads#top", "leads", true)]
    [InlineData("leadsarchive", "leads", false)]
    public void An_exact_link_is_current_on_its_own_path_whatever_the_filters(string shown, string href, bool current) =>
        Assert.Equal(current, NavTarget.IsCurrent(shown, href, exact: true));

    [Theory]
    [InlineData("offers", "offers", true)]
    [InlineData("offers/12", "offers", true)]
    [InlineData("offers/12/pdf?x=1", "offers", true)]
    [InlineData("offersx", "offers", false)]
    [InlineData("settings/stages", "settings", true)]
    [InlineData("", "settings", false)]
    public void A_prefix_link_is_current_on_its_path_and_below(string shown, string href, bool current) =>
        Assert.Equal(current, NavTarget.IsCurrent(shown, href, exact: false));
}
