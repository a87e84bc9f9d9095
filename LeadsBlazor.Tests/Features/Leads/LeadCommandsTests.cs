using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Tests.Features.Leads;

public abstract class LeadCommandsTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(provider: provider);

    public void Dispose() => _app.Dispose();

    private LeadCommands Commands => _app.Get<LeadCommands>();

    private LeadInput Input(string name = "Relaunch Website", int? stageId = null) => new()
    {
        Name = name,
        ResponsibleUserId = _app.OwnerId,
        Revenue = 12_000m,
        Currency = "EUR",
        NextActionOn = _app.Today.AddDays(2),
        NextAction = "Anrufen",
        NewCompanyName = "Alpenblick Hotels AG",
        NewContactName = "Julia Hoffmann",
        StageId = stageId,
    };

    [Fact]
    public async Task A_created_lead_is_stored_with_its_customer_and_history()
    {
        var id = await Commands.CreateAsync(Input(), _app.OwnerId);

        var lead = await _app.ReloadAsync(id);
        Assert.Equal(LeadStatus.Potential, lead.Status);
        Assert.Equal(new Money(12_000m, Currency.Eur), lead.Revenue);
        Assert.Contains(lead.History, e => e.Kind == LeadEventKind.Created && e.UserId == _app.OwnerId);
        Assert.Contains(lead.History, e => e is { Field: "Company", NewValue: "Alpenblick Hotels AG" });
    }

    [Fact]
    public async Task A_company_typed_in_another_case_umlauts_included_is_the_existing_entry()
    {
        var first = await Commands.CreateAsync(Input("Erster") with { NewCompanyName = "Überland AG", NewContactName = "Jörg Müller" }, _app.OwnerId);

        var second = await Commands.CreateAsync(Input("Zweiter") with { NewCompanyName = "überland ag", NewContactName = "JÖRG MÜLLER" }, _app.OwnerId);

        var (a, b) = (await _app.ReloadAsync(first), await _app.ReloadAsync(second));
        Assert.Equal(a.CompanyId, b.CompanyId);
        Assert.Equal(a.ContactPersonId, b.ContactPersonId);
        await using var db = _app.NewContext();
        Assert.Equal(1, await db.Companies.CountAsync());
    }

    [Fact]
    public async Task Starting_without_a_stage_takes_the_first_one()
    {
        var id = await Commands.CreateAsync(Input(), _app.OwnerId);

        await Commands.StartAsync(id, (await _app.ReloadAsync(id)).Version, null, _app.OwnerId);

        var lead = await _app.ReloadAsync(id);
        Assert.Equal((LeadStatus.Running, "Erstkontakt"), (lead.Status, lead.Stage!.Name));
    }

    [Fact]
    public async Task A_stage_from_nowhere_is_refused()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Commands.CreateAsync(Input(stageId: 9999), _app.OwnerId));

        Assert.Equal(("Stage", ErrorKeys.UnknownStage), (error.Field, error.MessageKey));
    }

    [Fact]
    public async Task A_currency_outside_the_accounts_list_is_refused()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Commands.CreateAsync(Input() with { Currency = "USD" }, _app.OwnerId));

        Assert.Equal(("Currency", ErrorKeys.UnknownCurrency), (error.Field, error.MessageKey));
    }

    [Fact]
    public async Task An_open_lead_without_a_next_action_date_is_refused()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Commands.CreateAsync(Input() with { NextActionOn = null }, _app.OwnerId));

        Assert.Equal(("NextActionOn", ErrorKeys.NextActionRequired), (error.Field, error.MessageKey));
    }

    [Fact]
    public async Task A_service_period_is_saved_with_the_lead_and_one_ending_before_it_starts_is_refused_leaving_the_saved_one()
    {
        var id = await Commands.CreateAsync(Input() with { ServiceFrom = new DateOnly(2027, 3, 1), ServiceTo = new DateOnly(2027, 6, 30) }, _app.OwnerId);
        var saved = await _app.ReloadAsync(id);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Commands.UpdateAsync(id, saved.Version, Input() with { ServiceFrom = new DateOnly(2027, 7, 1), ServiceTo = new DateOnly(2027, 6, 30) }, _app.OwnerId));

        Assert.Equal(("ServiceTo", ErrorKeys.InvalidPeriod), (error.Field, error.MessageKey));
        var lead = await _app.ReloadAsync(id);
        Assert.Equal((new DateOnly(2027, 3, 1), new DateOnly(2027, 6, 30)), (lead.ServiceFrom, lead.ServiceTo));
        Assert.Contains(lead.History, e => e is { Field: "ServiceTo", OldValue: null, NewValue: "2027-06-30" });
    }

    [Fact]
    public async Task An_unknown_responsible_user_is_refused()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Commands.CreateAsync(Input() with { ResponsibleUserId = "ghost" }, _app.OwnerId));

        Assert.Equal(("ResponsibleUserId", ErrorKeys.UnknownUser), (error.Field, error.MessageKey));
    }

    [Fact]
    public async Task Two_sessions_moving_the_same_version_one_wins_the_other_gets_the_current_values()
    {
        var stages = await _app.StagesAsync();
        var lead = await _app.AddRunningLeadAsync(stages[0].Id);

        await Commands.MoveToStageAsync(lead.Id, lead.Version, stages[2].Id, _app.OwnerId);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Commands.MoveToStageAsync(lead.Id, lead.Version, stages[1].Id, _app.OwnerId));

        Assert.Equal(stages[2].Id, conflict.Current.StageId);
        Assert.Equal(lead.Version + 1, conflict.Current.Version);
        Assert.Equal(stages[2].Id, (await _app.ReloadAsync(lead.Id)).StageId);
    }

    [Fact]
    public async Task A_committed_change_is_published_naming_the_old_and_new_responsible()
    {
        var member = await _app.Get<Microsoft.AspNetCore.Identity.UserManager<LeadsBlazor.Web.Data.ApplicationUser>>()
            .CreateAsync(new LeadsBlazor.Web.Data.ApplicationUser { UserName = "m@test.example", Email = "m@test.example", DisplayName = "M" }, "Member-Password-1");
        Assert.True(member.Succeeded);
        var memberId = (await _app.Get<Microsoft.AspNetCore.Identity.UserManager<LeadsBlazor.Web.Data.ApplicationUser>>().FindByEmailAsync("m@test.example"))!.Id;
        var id = await Commands.CreateAsync(Input(), _app.OwnerId);
        var published = new TaskCompletionSource<LeadChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _app.Get<IEventBus>().Subscribe(e =>
        {
            if (e is LeadChanged { PreviousResponsibleUserId: not null } changed)
            {
                published.TrySetResult(changed);
            }

            return Task.CompletedTask;
        });

        await Commands.UpdateAsync(id, (await _app.ReloadAsync(id)).Version, Input() with { ResponsibleUserId = memberId }, _app.OwnerId);

        var changed = await published.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(new LeadChanged(id, memberId, _app.OwnerId), changed);
    }

    [Fact]
    public async Task Lost_needs_a_reason_from_the_owners_list()
    {
        var stages = await _app.StagesAsync();
        var lead = await _app.AddRunningLeadAsync(stages[1].Id);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Commands.CloseAsync(lead.Id, lead.Version, LeadStatus.Lost, _app.Today, reasonId: 4711, null, _app.OwnerId));

        Assert.Equal(ErrorKeys.ReasonRequired, error.MessageKey);
        Assert.Equal(LeadStatus.Running, (await _app.ReloadAsync(lead.Id)).Status);
    }
}

public sealed class LeadCommandsTestsOnSqlite() : LeadCommandsTests(DatabaseProvider.Sqlite);

public sealed class LeadCommandsTestsOnPostgres() : LeadCommandsTests(DatabaseProvider.Postgres);
