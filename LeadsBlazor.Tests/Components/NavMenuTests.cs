using Bunit;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Components.Layout;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Labels;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Components;

public sealed class NavMenuTests
{
    [Fact]
    public async Task The_owner_sees_the_acquisition_group_customers_projects_and_settings()
    {
        await using var context = MenuContext(owner: true);

        var menu = context.Render<NavMenu>();

        Assert.Equal(
            ["Akquise", "Leads", "Kontaktpotential", "Alle Leads", "Braucht Aufmerksamkeit", "Angebote", "Prognose", "Ergebnisse", "Import", "Kunden", "Projekte", "Einstellungen"],
            menu.FindAll(".mud-nav-link-text").Select(e => e.TextContent.Trim()).Distinct());
        Assert.Equal("/settings", new Uri(new Uri("http://x/"), menu.Find("a[data-testid=nav-settings]").GetAttribute("href")).AbsolutePath);
    }

    [Fact]
    public async Task A_member_does_not_see_the_settings()
    {
        await using var context = MenuContext(owner: false);

        var menu = context.Render<NavMenu>();

        Assert.Empty(menu.FindAll("[data-testid=nav-settings]"));
        Assert.DoesNotContain("Einstellungen", menu.Markup, StringComparison.Ordinal);
        Assert.Contains("Kontaktpotential", menu.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_English_every_entry_is_English()
    {
        await using var context = MenuContext(owner: true, "en-US");

        var menu = context.Render<NavMenu>();

        var texts = menu.FindAll(".mud-nav-link-text").Select(e => e.TextContent.Trim()).Distinct().ToList();
        Assert.Equal(["Acquisition", "Leads", "Contact potential", "All leads", "Needs attention", "Offers", "Forecast", "Outcomes", "Import", "Customers", "Projects", "Settings"], texts);
    }

    [Fact]
    public async Task The_link_of_the_page_shown_is_marked_current_and_follows_navigation()
    {
        await using var context = MenuContext(owner: true);
        var navigation = context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/leads?responsible=me");

        var menu = context.Render<NavMenu>();

        Assert.Equal(["nav-leads"], Current(menu));
        Assert.Equal("page", menu.Find("[data-testid=nav-leads]").GetAttribute("aria-current"));
        Assert.Null(menu.Find("[data-testid=nav-all]").GetAttribute("aria-current"));

        // An offer's page is below "Angebote"; the board's link is exact and leaves it.
        await menu.InvokeAsync(() => navigation.NavigateTo("/offers/12"));
        menu.WaitForAssertion(() => Assert.Equal(["nav-offers"], Current(menu)));
    }

    [Fact]
    public async Task A_folded_group_takes_its_links_out_of_the_tab_order_and_unfolding_puts_them_back()
    {
        await using var context = MenuContext(owner: true);
        var menu = context.Render<NavMenu>();
        Assert.Null(menu.Find("[data-testid=nav-all]").GetAttribute("tabindex"));

        await menu.Find("button[aria-expanded]").ClickAsync(new());

        Assert.Equal("-1", menu.Find("[data-testid=nav-all]").GetAttribute("tabindex"));
        Assert.Null(menu.Find("[data-testid=nav-companies]").GetAttribute("tabindex"));

        await menu.Find("button[aria-expanded]").ClickAsync(new());

        Assert.Null(menu.Find("[data-testid=nav-all]").GetAttribute("tabindex"));
    }

    // The menu's live parts (label counts, due badge) stubbed; the badge shows its text.
    private static BunitContext MenuContext(bool owner, string culture = "de-DE")
    {
        var context = ComponentContext.Create(culture);
        context.ComponentFactories.AddStub<LabelNav>();
        context.ComponentFactories.AddStub<DueBadge>(badge => badge.Get(b => b.ChildContent)!);
        var user = context.AddAuthorization().SetAuthorized(owner ? "owner@test.example" : "member@test.example");
        if (owner)
        {
            user.SetRoles(Roles.AccountOwner);
        }

        return context;
    }

    private static List<string> Current(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a.mud-nav-link.active").Select(a => a.GetAttribute("data-testid") ?? "").ToList();
}
