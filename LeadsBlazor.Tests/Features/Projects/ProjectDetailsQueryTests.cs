using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Domain.Projects;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Preferences;
using LeadsBlazor.Web.Features.Projects;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Tests.Features.Projects;

/// <summary>The project page's data on the real database: the project, its lead, the lead's offers and where each is billed, notes and history.</summary>
public abstract class ProjectDetailsQueryTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false" }, provider: provider);

    public void Dispose() => _app.Dispose();

    private IServiceProvider Services => _app.Factory.Services;

    private ProjectCommands Commands => _app.Get<ProjectCommands>();

    private ProjectDetailsQuery Query => _app.Get<ProjectDetailsQuery>();

    [Fact]
    public async Task The_second_project_of_a_lead_shows_the_offer_billed_in_the_first_with_its_number_and_the_other_as_choosable()
    {
        var (leadId, first, second) = await Services.CreateWonLeadWithTwoOffersAsync(_app.OwnerId);
        var phase1 = await Services.CreateProjectFromLeadAsync(leadId, _app.OwnerId, "Relaunch Phase 1");
        var phase2 = await Services.CreateProjectFromLeadAsync(leadId, _app.OwnerId, "Relaunch Phase 2");
        await Commands.BillOfferAsync(phase1, first, _app.OwnerId);

        var overview = (await Query.GetAsync(phase2))!;

        Assert.Equal(($"P{_app.Today:yyMM}-002", "Relaunch Phase 2", ProjectStatus.Active), (overview.Project.Number, overview.Project.Name, overview.Project.Status));
        Assert.Equal(new ProjectLead(leadId, "Relaunch Website", LeadStatus.Won), overview.Lead);
        Assert.Equal(("Nordlicht GmbH", "owner"), (overview.Project.Company!.Name, overview.LeaderName));
        Assert.Equal([first, second], overview.Offers.Select(o => o.Id));
        var billedElsewhere = overview.Offers[0];
        Assert.Equal((OfferStatus.Billed, phase1, $"P{_app.Today:yyMM}-001", 8_000m), (billedElsewhere.Status, billedElsewhere.BilledInProjectId, billedElsewhere.BilledInProjectNumber, billedElsewhere.Net.Amount));
        Assert.False(billedElsewhere.CanToggleIn(phase2, overview.Project.CurrencyCode));
        Assert.True(billedElsewhere.IsBilledElsewhere(phase2));
        var free = overview.Offers[1];
        Assert.Equal((OfferStatus.Confirmed, (int?)null, 5_000m), (free.Status, free.BilledInProjectId, free.Net.Amount));
        Assert.True(free.CanToggleIn(phase2, overview.Project.CurrencyCode));
        Assert.False(free.CanToggleIn(phase2, "CHF"));
        Assert.True((await Query.GetAsync(phase1))!.Offers[0].CanToggleIn(phase1, overview.Project.CurrencyCode));
    }

    [Fact]
    public async Task Notes_and_history_come_newest_first_with_the_authors_name()
    {
        var (leadId, first, _) = await Services.CreateWonLeadWithTwoOffersAsync(_app.OwnerId);
        var projectId = await Services.CreateProjectFromLeadAsync(leadId, _app.OwnerId, "Relaunch");
        await Commands.AddNoteAsync(projectId, "Kick-off am Montag", _app.OwnerId);
        _app.Time.Advance(TimeSpan.FromMinutes(5));
        await Commands.AddNoteAsync(projectId, "Designfreigabe erteilt", _app.OwnerId);
        await Commands.BillOfferAsync(projectId, first, _app.OwnerId);

        var overview = (await Query.GetAsync(projectId))!;

        Assert.Equal(["Designfreigabe erteilt", "Kick-off am Montag"], overview.Notes.Select(n => n.Text));
        Assert.All(overview.Notes, n => Assert.Equal("owner", n.UserName));
        Assert.Equal(
            [ProjectEventKind.OfferBilled, ProjectEventKind.NoteAdded, ProjectEventKind.NoteAdded, ProjectEventKind.Created],
            overview.History.Select(e => e.Kind));
        Assert.All(overview.History, e => Assert.Equal("owner", e.UserName));
    }

    [Fact]
    public async Task A_project_without_a_lead_has_no_offers_and_an_unknown_one_is_none()
    {
        var input = await _app.Get<NewProjectQuery>().StandaloneAsync(_app.OwnerId);
        var projectId = await Commands.CreateAsync(input with { Name = "Interne Website" }, _app.OwnerId);

        var overview = (await Query.GetAsync(projectId))!;

        Assert.Null(overview.Lead);
        Assert.Empty(overview.Offers);
        Assert.Null(await Query.GetAsync(projectId + 100));
    }
}

public sealed class ProjectDetailsQueryTestsOnSqlite() : ProjectDetailsQueryTests(DatabaseProvider.Sqlite);

public sealed class ProjectDetailsQueryTestsOnPostgres() : ProjectDetailsQueryTests(DatabaseProvider.Postgres);
