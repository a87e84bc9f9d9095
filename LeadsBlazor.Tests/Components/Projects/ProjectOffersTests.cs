using Bunit;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Offers;
using LeadsBlazor.Web.Features.Projects;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LeadsBlazor.Tests.Components.Projects;

/// <summary>
/// The project page's billing rows on the real use cases: an offer billed in another project cannot be chosen and says
/// where it is billed; switching a confirmed one on bills it here.
/// </summary>
public sealed class ProjectOffersTests : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false" });

    public void Dispose() => _app.Dispose();

    private async Task<(int Phase1, int Phase2, int First, int Second)> TwoProjectsAsync()
    {
        var services = _app.Factory.Services;
        var (leadId, first, second) = await services.CreateWonLeadWithTwoOffersAsync(_app.OwnerId);
        var phase1 = await services.CreateProjectFromLeadAsync(leadId, _app.OwnerId, "Relaunch Phase 1");
        var phase2 = await services.CreateProjectFromLeadAsync(leadId, _app.OwnerId, "Relaunch Phase 2");
        await _app.Get<ProjectCommands>().BillOfferAsync(phase1, first, _app.OwnerId);
        return (phase1, phase2, first, second);
    }

    private IRenderedComponent<ProjectOffersHarness> Render(BunitContext context, int projectId)
    {
        context.Services.AddSingleton(_app.Get<ProjectCommands>());
        context.Services.AddSingleton(_app.Get<OfferCommands>());
        context.Services.AddSingleton(_app.Get<ProjectDetailsQuery>());
        var rows = context.Render<ProjectOffersHarness>(p => p.Add(r => r.ProjectId, projectId).Add(r => r.UserId, _app.OwnerId));
        rows.WaitForElement("[data-testid=project-offer]");
        return rows;
    }

    [Fact]
    public async Task An_offer_billed_in_another_project_is_disabled_with_that_projects_number_and_link()
    {
        var (phase1, phase2, first, second) = await TwoProjectsAsync();
        await using var context = ComponentContext.Create();

        var rows = Render(context, phase2);

        var billedElsewhere = rows.Find($"[data-testid=project-offer][data-offer-id='{first}']");
        Assert.True(billedElsewhere.QuerySelector("input[data-testid=offer-bill]")!.HasAttribute("disabled"));
        var where = billedElsewhere.QuerySelector("[data-testid=offer-billed-elsewhere]")!;
        Assert.Equal($"verrechnet in P{_app.Today:yyMM}-001", where.TextContent.Trim().Replace("  ", " ", StringComparison.Ordinal));
        Assert.Equal($"projects/{phase1}", where.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Verrechnet", billedElsewhere.QuerySelector("[data-testid=offer-status]")!.TextContent.Trim());
        var free = rows.Find($"[data-testid=project-offer][data-offer-id='{second}']");
        Assert.False(free.QuerySelector("input[data-testid=offer-bill]")!.HasAttribute("disabled"));
        Assert.Equal("Bestätigt", free.QuerySelector("[data-testid=offer-status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Switching_a_confirmed_offer_on_bills_it_in_this_project()
    {
        var (_, phase2, _, second) = await TwoProjectsAsync();
        await using var context = ComponentContext.Create();
        var rows = Render(context, phase2);

        await rows.Find($"[data-testid=project-offer][data-offer-id='{second}'] input[data-testid=offer-bill]").ChangeAsync(new ChangeEventArgs { Value = true });

        rows.WaitForAssertion(() =>
        {
            var row = rows.Find($"[data-testid=project-offer][data-offer-id='{second}']");
            Assert.Equal("true", row.GetAttribute("data-billed-here"));
            Assert.Equal("Verrechnet", row.QuerySelector("[data-testid=offer-status]")!.TextContent.Trim());
            Assert.False(row.QuerySelector("input[data-testid=offer-bill]")!.HasAttribute("disabled"));
        });
        var offer = await _app.Factory.Services.OfferAsync(second);
        Assert.Equal((OfferStatus.Billed, (int?)phase2), (offer.Status, offer.ProjectId));
    }

    [Fact]
    public async Task A_draft_says_it_needs_confirming_first_and_a_variant_not_taken_is_archived_from_here()
    {
        var (_, phase2, _, second) = await TwoProjectsAsync();
        var leadId = (await _app.Factory.Services.OfferAsync(second)).LeadId;
        var draft = await _app.Factory.Services.CreateOfferAsync(leadId, _app.OwnerId, "Nachtrag", 900m);
        await using var context = ComponentContext.Create();
        var rows = Render(context, phase2);

        var draftRow = rows.Find($"[data-testid=project-offer][data-offer-id='{draft}']");
        Assert.Equal("erst bestätigen", draftRow.QuerySelector("[data-testid=offer-confirm-first]")!.TextContent.Trim());
        Assert.True(draftRow.QuerySelector("input[data-testid=offer-bill]")!.HasAttribute("disabled"));
        Assert.NotNull(draftRow.QuerySelector("[data-testid=project-offer-delete]"));

        await rows.Find($"[data-testid=project-offer][data-offer-id='{second}'] [data-testid=project-offer-archive]").ClickAsync(new());

        rows.WaitForAssertion(() =>
        {
            var row = rows.Find($"[data-testid=project-offer][data-offer-id='{second}']");
            Assert.Equal("Archiviert", row.QuerySelector("[data-testid=offer-status]")!.TextContent.Trim());
            Assert.True(row.QuerySelector("input[data-testid=offer-bill]")!.HasAttribute("disabled"));
            Assert.Null(row.QuerySelector("[data-testid=project-offer-archive]"));
        });
        Assert.Equal(OfferStatus.Archived, (await _app.Factory.Services.OfferAsync(second)).Status);
    }
}
