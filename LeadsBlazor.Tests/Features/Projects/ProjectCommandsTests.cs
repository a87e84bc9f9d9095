using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Domain.Projects;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.Offers;
using LeadsBlazor.Web.Features.Projects;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Tests.Features.Projects;

/// <summary>The project use cases on the real database: the prefill from the lead, numbers under concurrency, billing, and the lead's side.</summary>
public abstract class ProjectCommandsTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(provider: provider);

    public void Dispose() => _app.Dispose();

    private ProjectCommands Commands => _app.Get<ProjectCommands>();

    /// <summary>A won lead (CHF, with a service period) with a sent offer of 8,000 and a draft of 5,000.</summary>
    private async Task<(int LeadId, int Sent, int Draft)> WonLeadWithOffersAsync()
    {
        await _app.AddCurrencyAsync(Currency.Chf, 0.95m);
        var lead = await _app.AddRunningLeadAsync((await _app.StagesAsync())[2].Id, 12_000m, currency: Currency.Chf);
        var offers = _app.Get<OfferCommands>();
        var sent = await offers.CreateAsync(lead.Id, _app.OwnerId);
        var draft = await offers.CreateAsync(lead.Id, _app.OwnerId);
        await using (var db = _app.NewContext())
        {
            var stored = await db.Offers.ToDictionaryAsync(o => o.Id);
            stored[sent].Edit(stored[sent].Details(), [OfferPosition.Item("Relaunch", 1m, "pauschal", 8_000m)]);
            stored[draft].Edit(stored[draft].Details(), [OfferPosition.Item("Relaunch klein", 1m, "pauschal", 5_000m)]);
            var current = await db.Leads.SingleAsync(l => l.Id == lead.Id);
            stored[sent].Send(current, null, _app.Actor);
            current.ChangeServicePeriod(_app.Today.AddDays(14), _app.Today.AddDays(100), _app.Actor);
            current.Close(LeadStatus.Won, _app.Today, null, null, _app.Actor);
            await db.SaveChangesAsync();
        }

        return (lead.Id, sent, draft);
    }

    private async Task<Offer> OfferAsync(int id)
    {
        await using var db = _app.NewContext();
        return await db.Offers.AsNoTracking().Include(o => o.Project).SingleAsync(o => o.Id == id);
    }

    [Fact]
    public async Task The_new_project_is_prefilled_from_the_won_lead_with_the_sent_offers_as_budget()
    {
        var (leadId, _, _) = await WonLeadWithOffersAsync();

        var input = await _app.Get<NewProjectQuery>().FromLeadAsync(leadId);

        Assert.Equal(("Relaunch Website", _app.OwnerId, "CHF", 8_000m), (input.Name, input.LeaderUserId, input.CurrencyCode, input.Budget));
        Assert.Equal((_app.Today.AddDays(14), _app.Today.AddDays(100)), (input.StartOn, input.FinishOn));
    }

    [Fact]
    public async Task Saving_the_project_links_the_lead_records_it_and_confirms_the_open_offers()
    {
        var (leadId, sent, draft) = await WonLeadWithOffersAsync();
        var input = await _app.Get<NewProjectQuery>().FromLeadAsync(leadId);
        using var published = _app.Get<IEventBus>().Record();

        var projectId = await Commands.CreateFromLeadAsync(leadId, input with { Name = "Relaunch Phase 1", CurrencyCode = "EUR" }, _app.OwnerId);

        await using var db = _app.NewContext();
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId);
        Assert.Equal(($"P{_app.Today:yyMM}-001", "Relaunch Phase 1", leadId, "CHF"), (project.Number, project.Name, project.LeadId, project.CurrencyCode));
        Assert.Equal([OfferStatus.Confirmed, OfferStatus.Confirmed], [(await OfferAsync(sent)).Status, (await OfferAsync(draft)).Status]);
        var history = (await _app.ReloadAsync(leadId)).History;
        Assert.Contains(history, e => e.Kind == LeadEventKind.ProjectCreated && e.Field == project.Number && e.NewValue == "Relaunch Phase 1");
        Assert.Equal(2, history.Count(e => e.Kind == LeadEventKind.OfferChanged && e.NewValue == "Confirmed"));
        await published.ArrivalAsync<ProjectsChanged>(changed => changed.LeadTouched && changed.LeadId == leadId && changed.Touches(LiveTopic.Projects, leadId));
    }

    [Fact]
    public async Task Sessions_creating_projects_at_once_get_different_numbers_that_increase()
    {
        var (leadId, _, _) = await WonLeadWithOffersAsync();
        var input = await _app.Get<NewProjectQuery>().FromLeadAsync(leadId);

        // Each call is its own session (own context, own transaction), as users pressing "+ Neues Projekt" at once.
        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => i % 2 == 0
            ? _app.NewInstance<ProjectCommands>().CreateFromLeadAsync(leadId, input, _app.OwnerId)
            : _app.NewInstance<ProjectCommands>().CreateAsync(input with { Name = $"Intern {i}" }, _app.OwnerId))));

        await using var db = _app.NewContext();
        var numbers = await db.Projects.OrderBy(p => p.Id).Select(p => p.Number).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"P{_app.Today:yyMM}-{n:000}"), numbers);
        Assert.Equal(8, ids.Distinct().Count());
        Assert.Equal(2, (await _app.ReloadAsync(leadId)).History.Count(e => e.Kind == LeadEventKind.OfferChanged && e.NewValue == "Confirmed"));
    }

    [Fact]
    public async Task An_offer_billed_in_one_project_cannot_be_billed_in_the_second()
    {
        var (leadId, sent, draft) = await WonLeadWithOffersAsync();
        var input = await _app.Get<NewProjectQuery>().FromLeadAsync(leadId);
        var first = await Commands.CreateFromLeadAsync(leadId, input, _app.OwnerId);
        var second = await Commands.CreateFromLeadAsync(leadId, input with { Name = "Wartung" }, _app.OwnerId);

        await Commands.BillOfferAsync(first, sent, _app.OwnerId);
        var twice = await Assert.ThrowsAsync<DomainException>(() => Commands.BillOfferAsync(second, sent, _app.OwnerId));
        await Commands.BillOfferAsync(second, draft, _app.OwnerId);

        Assert.Equal(ErrorKeys.OfferBilledElsewhere, twice.MessageKey);
        Assert.Equal((OfferStatus.Billed, first), ((await OfferAsync(sent)).Status, (await OfferAsync(sent)).ProjectId!.Value));
        Assert.Equal(second, (await OfferAsync(draft)).ProjectId);
        await using var db = _app.NewContext();
        Assert.Equal(
            [ProjectEventKind.Created, ProjectEventKind.OfferBilled],
            await db.ProjectEvents.Where(e => e.ProjectId == first).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
    }

    [Fact]
    public async Task A_stale_save_is_refused_and_the_history_names_the_new_leader()
    {
        var member = await _app.CreateMemberAsync();
        var input = await _app.Get<NewProjectQuery>().StandaloneAsync(_app.OwnerId);
        var id = await Commands.CreateAsync(input with { Name = "Interne Website" }, _app.OwnerId);
        long version;
        await using (var db = _app.NewContext())
        {
            version = (await db.Projects.SingleAsync(p => p.Id == id)).Version;
        }

        await Commands.UpdateAsync(id, version, input with { Name = "Interne Website", LeaderUserId = member }, _app.OwnerId);
        var stale = await Assert.ThrowsAsync<DomainException>(() => Commands.UpdateAsync(id, version, input with { Name = "Alt" }, _app.OwnerId));

        Assert.Equal(ProjectCommands.ChangedMeanwhile, stale.MessageKey);
        await using var check = _app.NewContext();
        var leaderChange = await check.ProjectEvents.SingleAsync(e => e.ProjectId == id && e.Field == "Leader");
        Assert.NotEqual(leaderChange.OldValue, leaderChange.NewValue);
        Assert.Equal("Interne Website", (await check.Projects.SingleAsync(p => p.Id == id)).Name);
    }
}

public sealed class ProjectCommandsTestsOnSqlite() : ProjectCommandsTests(DatabaseProvider.Sqlite);

public sealed class ProjectCommandsTestsOnPostgres() : ProjectCommandsTests(DatabaseProvider.Postgres);
