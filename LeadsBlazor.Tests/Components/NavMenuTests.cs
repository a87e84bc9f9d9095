using Bunit;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Components.Layout;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Labels;

namespace LeadsBlazor.Tests.Components;

public sealed class NavMenuTests
{
    [Fact]
    public async Task The_owner_sees_the_acquisition_group_customers_projects_and_settings()
    {
        await using var context = ComponentContext.Create();
        context.ComponentFactories.AddStub<LabelNav>();
        context.ComponentFactories.AddStub<DueBadge>(badge => badge.Get(b => b.ChildContent)!);
        context.AddAuthorization().SetAuthorized("owner@test.example").SetRoles(Roles.AccountOwner);

        var menu = context.Render<NavMenu>();

        Assert.Equal(
            ["Akquise", "Leads", "Kontaktpotential", "Alle Leads", "Braucht Aufmerksamkeit", "Angebote", "Prognose", "Ergebnisse", "Import", "Kunden", "Projekte", "Einstellungen"],
            menu.FindAll(".mud-nav-link-text").Select(e => e.TextContent.Trim()).Distinct());
        Assert.Equal("/settings", new Uri(new Uri("http://x/"), menu.Find("a[data-testid=nav-settings]").GetAttribute("href")).AbsolutePath);
    }

    [Fact]
    public async Task A_member_does_not_see_the_settings()
    {
        await using var context = ComponentContext.Create();
        context.ComponentFactories.AddStub<LabelNav>();
        context.ComponentFactories.AddStub<DueBadge>(badge => badge.Get(b => b.ChildContent)!);
        context.AddAuthorization().SetAuthorized("member@test.example");

        var menu = context.Render<NavMenu>();

        Assert.Empty(menu.FindAll("[data-testid=nav-settings]"));
        Assert.DoesNotContain("Einstellungen", menu.Markup, StringComparison.Ordinal);
        Assert.Contains("Kontaktpotential", menu.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_English_every_entry_is_English()
    {
        await using var context = ComponentContext.Create("en-US");
        context.ComponentFactories.AddStub<LabelNav>();
        context.ComponentFactories.AddStub<DueBadge>(badge => badge.Get(b => b.ChildContent)!);
        context.AddAuthorization().SetAuthorized("owner@test.example").SetRoles(Roles.AccountOwner);

        var menu = context.Render<NavMenu>();

        var texts = menu.FindAll(".mud-nav-link-text").Select(e => e.TextContent.Trim()).Distinct().ToList();
        Assert.Equal(["Acquisition", "Leads", "Contact potential", "All leads", "Needs attention", "Offers", "Forecast", "Outcomes", "Import", "Customers", "Projects", "Settings"], texts);
    }
}
