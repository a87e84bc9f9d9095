using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.Offers;
using LeadsBlazor.Web.Features.Projects;
using LeadsBlazor.Web.Features.Settings.Shared;
using LeadsBlazor.Web.Features.Settings.Stages;
using LeadsBlazor.Web.Features.Settings.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LeadsBlazor.Tests.Features.Data;

/// <summary>
/// Two instances of the app on one PostgreSQL database, each with its own services and connection pool, as two backends
/// behind a load balancer. The rules that lean on one writer at a time hold across them (docs/architecture.md, "Write safety
/// on PostgreSQL"): every call goes through the real use case, half of them on each instance, all at once.
/// </summary>
public sealed class ConcurrentInstancesTests : IDisposable
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Reminders:BackgroundScan"] = "false" };

    private readonly PipelineApp _a = new(Settings, DatabaseProvider.Postgres);
    private readonly PipelineApp _b;

    public ConcurrentInstancesTests() => _b = _a.SecondInstance(Settings);

    public void Dispose()
    {
        _b.Dispose();
        _a.Dispose();
    }

    private PipelineApp Instance(int call) => call % 2 == 0 ? _a : _b;

    [Fact]
    public async Task Fifty_offers_created_at_once_on_two_instances_take_fifty_consecutive_numbers_and_each_success_is_stored()
    {
        var lead = await _a.AddRunningLeadAsync((await _a.StagesAsync())[2].Id);

        // Each call is its own session, as fifty users pressing "new offer" at once on whichever instance serves them.
        var ids = await Task.WhenAll(Enumerable.Range(0, 50).Select(call => Task.Run(() =>
            Instance(call).NewInstance<OfferCommands>().CreateAsync(lead.Id, Instance(call).OwnerId))));

        await using var db = _a.NewContext();
        var stored = await db.Offers.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Id, o.Number }).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 50).Select(n => $"A{_a.Today:yyMM}-{n:000}"), stored.Select(o => o.Number));
        Assert.Equal(ids.Order(), stored.Select(o => o.Id));
        var range = await db.NumberRanges.AsNoTracking().SingleAsync(r => r.Kind == NumberRangeKind.Offer);
        Assert.Equal(($"{_a.Today:yyMM}", 50), (range.Period, range.Last));
    }

    [Fact]
    public async Task Fifty_projects_created_at_once_on_two_instances_take_fifty_consecutive_numbers_and_each_success_is_stored()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 50).Select(call => Task.Run(() =>
            Instance(call).NewInstance<ProjectCommands>().CreateAsync(
                new ProjectInput { Name = $"Projekt {call}", LeaderUserId = Instance(call).OwnerId, CurrencyCode = "EUR" }, Instance(call).OwnerId))));

        await using var db = _a.NewContext();
        var stored = await db.Projects.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.Number, p.Name }).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 50).Select(n => $"P{_a.Today:yyMM}-{n:000}"), stored.Select(p => p.Number));
        Assert.Equal(ids.Order(), stored.Select(p => p.Id));
        Assert.Equal(50, stored.Select(p => p.Name).Distinct().Count());
        var range = await db.NumberRanges.AsNoTracking().SingleAsync(r => r.Kind == NumberRangeKind.Project);
        Assert.Equal(($"{_a.Today:yyMM}", 50), (range.Period, range.Last));
    }

    [Fact]
    public async Task Two_owners_stepping_down_at_once_on_two_instances_leave_one_owner_and_the_other_is_told_why()
    {
        var second = await _a.CreateMemberAsync();
        for (var round = 0; round < 5; round++)
        {
            // Both are owners at the start of each round: the one left makes the other an owner again.
            var left = Assert.Single(await ActiveOwnersAsync());
            await _a.Get<UserCommands>().ChangeRoleAsync(left == second ? _a.OwnerId : second, owner: true, left);

            var outcomes = await Task.WhenAll(
                Task.Run(() => OutcomeAsync(() => _a.Get<UserCommands>().ChangeRoleAsync(_a.OwnerId, owner: false, _a.OwnerId))),
                Task.Run(() => OutcomeAsync(() => _b.Get<UserCommands>().ChangeRoleAsync(second, owner: false, second))));

            Assert.Equal(["done", ErrorKeys.LastOwner], outcomes.Order());
            Assert.Single(await ActiveOwnersAsync());
        }
    }

    [Fact]
    public async Task Two_owners_removing_each_other_at_once_on_two_instances_leave_one_active_owner()
    {
        var second = await _a.CreateMemberAsync();
        await _a.Get<UserCommands>().ChangeRoleAsync(second, owner: true, _a.OwnerId);

        // A demotes the second owner while B, acting as that second owner, deactivates the first.
        var outcomes = await Task.WhenAll(
            Task.Run(() => OutcomeAsync(() => _a.Get<UserCommands>().ChangeRoleAsync(second, owner: false, _a.OwnerId))),
            Task.Run(() => OutcomeAsync(() => _b.Get<UserCommands>().SetActiveAsync(_a.OwnerId, active: false, second))));

        // The one who lost the race is no longer an active owner, so the owner check refuses their change.
        Assert.Equal(["done", ErrorKeys.OwnerOnly], outcomes.Order());
        var remaining = Assert.Single(await ActiveOwnersAsync());
        Assert.Equal(outcomes[0] == "done" ? _a.OwnerId : second, remaining);
    }

    [Fact]
    public async Task A_stage_deleted_with_its_leads_moved_while_another_instance_moves_leads_into_it_leaves_no_lead_on_the_deleted_stage()
    {
        var stages = await _a.StagesAsync();
        var (from, doomed, target) = (stages[0].Id, stages[1].Id, stages[2].Id);
        var leads = new List<Lead>();
        for (var i = 0; i < 12; i++)
        {
            leads.Add(await _a.AddRunningLeadAsync(from, name: $"Lead {i}"));
        }

        // Instance B moves every lead into the stage while the owner on instance A deletes it, moving its leads on.
        var moves = leads.Select(lead => Task.Run(() => OutcomeAsync(() =>
            _b.NewInstance<LeadCommands>().MoveToStageAsync(lead.Id, lead.Version, doomed, _b.OwnerId)))).ToList();
        var delete = Task.Run(() => _a.Get<StageCommands>().DeleteAsync(doomed, target, _a.OwnerId));
        var outcomes = await Task.WhenAll(moves);
        await delete;

        Assert.All(outcomes, o => Assert.Contains(o, new[] { "done", ErrorKeys.UnknownStage }));
        await using var db = _a.NewContext();
        Assert.False(await db.Stages.AnyAsync(s => s.Id == doomed));
        var now = await db.Leads.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.StageId);
        for (var i = 0; i < leads.Count; i++)
        {
            // A move that came first was carried on to the target by the delete; one that came after found no stage.
            Assert.Equal(outcomes[i] == "done" ? target : from, now[leads[i].Id]);
        }
    }

    [Fact]
    public async Task Ten_edits_of_one_lead_at_once_on_two_instances_leave_one_winner_and_nine_conflicts_naming_the_winners_change()
    {
        var lead = await _a.AddRunningLeadAsync((await _a.StagesAsync())[0].Id);
        var input = new LeadInput
        {
            Name = lead.Name, ResponsibleUserId = _a.OwnerId, Revenue = lead.Revenue.Amount, Currency = "EUR", NextActionOn = lead.NextActionOn,
        };

        // Everyone opened the lead at the same version; each saves another name.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(call => Task.Run<(int Call, ConcurrencyConflictException? Conflict)>(async () =>
        {
            try
            {
                await Instance(call).NewInstance<LeadCommands>().UpdateAsync(lead.Id, lead.Version, input with { Name = $"Relaunch {call}" }, Instance(call).OwnerId);
                return (call, null);
            }
            catch (ConcurrencyConflictException conflict)
            {
                return (call, conflict);
            }
        })));

        var winner = Assert.Single(outcomes, o => o.Conflict is null);
        var saved = await _a.ReloadAsync(lead.Id);
        Assert.Equal(($"Relaunch {winner.Call}", lead.Version + 1), (saved.Name, saved.Version));
        Assert.All(outcomes.Where(o => o.Conflict is not null), o => Assert.Equal(
            [new FieldChange("owner", LeadEventKind.FieldChanged, nameof(Lead.Name), lead.Name, saved.Name)],
            o.Conflict!.Changes));
    }

    [Fact]
    public async Task A_save_that_skips_the_use_case_is_still_refused_by_the_leads_version_across_instances()
    {
        var lead = await _a.AddRunningLeadAsync((await _a.StagesAsync())[0].Id);
        await using var onA = _a.NewContext();
        await using var onB = _b.NewContext();
        var inA = await onA.Leads.SingleAsync(l => l.Id == lead.Id);
        var inB = await onB.Leads.SingleAsync(l => l.Id == lead.Id);

        inA.Rename("Relaunch Website 2027", _a.Actor);
        await onA.SaveChangesAsync();
        inB.ChangeRevenue(Money.Revenue(99m, Currency.Eur), _b.Actor);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => onB.SaveChangesAsync());
        var now = await _a.ReloadAsync(lead.Id);
        Assert.Equal(("Relaunch Website 2027", 10_000m, lead.Version + 1), (now.Name, now.Revenue.Amount, now.Version));
    }

    [Fact]
    public async Task A_write_postgresql_gives_up_to_break_a_deadlock_is_the_busy_message_and_writes_nothing()
    {
        var lead = await _a.AddRunningLeadAsync((await _a.StagesAsync())[0].Id);

        // Something outside the app (a DBA's session, a script) holds the lead's row and then asks for the writers' lock.
        // Its own deadlock check waits long, so PostgreSQL gives up the app's transaction, not this one.
        await using var outside = new NpgsqlConnection(_a.Factory.ConnectionString);
        await outside.OpenAsync();
        await using var held = await outside.BeginTransactionAsync();
        await Execute(outside, "SET LOCAL deadlock_timeout = '60s'");
        await Execute(outside, $"UPDATE \"Leads\" SET \"Name\" = \"Name\" WHERE \"Id\" = {lead.Id}");

        var rename = Task.Run(() => _b.Get<LeadCommands>().UpdateAsync(lead.Id, lead.Version, new LeadInput
        {
            Name = "Relaunch 2027", ResponsibleUserId = _b.OwnerId, Revenue = lead.Revenue.Amount, Currency = "EUR", NextActionOn = lead.NextActionOn,
        }, _b.OwnerId));
        await WaitUntilAsync(async () => await Scalar<long>(_a, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'transactionid'") > 0);
        var outsideWaits = Execute(outside, $"SELECT pg_advisory_xact_lock({WriteTransactions.WriterLock})");

        var refused = await Assert.ThrowsAsync<DomainException>(() => rename);
        Assert.Equal(WriteTransactions.DatabaseBusy, refused.MessageKey);
        await outsideWaits;
        await held.RollbackAsync();
        var now = await _a.ReloadAsync(lead.Id);
        Assert.Equal((lead.Name, lead.Version), (now.Name, now.Version));
    }

    [Fact]
    public async Task A_writer_lock_held_past_the_timeout_is_the_busy_message_after_the_tries_and_writes_nothing()
    {
        var lead = await _a.AddRunningLeadAsync((await _a.StagesAsync())[0].Id);

        // A write that hangs (or a DBA's session) holds the writers' lock through the wait and both tries after it.
        await using var outside = new NpgsqlConnection(_a.Factory.ConnectionString);
        await outside.OpenAsync();
        await using var held = await outside.BeginTransactionAsync();
        await Execute(outside, $"SELECT pg_advisory_xact_lock({WriteTransactions.WriterLock})");

        var refused = await Assert.ThrowsAsync<DomainException>(() => _b.Get<LeadCommands>().AddNoteAsync(lead.Id, "Rückruf vereinbart", _b.OwnerId));

        Assert.Equal(WriteTransactions.DatabaseBusy, refused.MessageKey);
        await held.RollbackAsync();
        Assert.Empty((await _a.ReloadAsync(lead.Id)).Notes);
    }

    private async Task<List<string>> ActiveOwnersAsync()
    {
        await using var db = _a.NewContext();
        return await db.Users.Where(u => u.IsActive && db.OwnerIds().Contains(u.Id)).Select(u => u.Id).ToListAsync();
    }

    // What the user is shown: "done", or the message key of the rule that refused the change.
    private static async Task<string> OutcomeAsync(Func<Task> useCase)
    {
        try
        {
            await useCase();
            return "done";
        }
        catch (DomainException refused)
        {
            return refused.MessageKey;
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> Scalar<T>(PipelineApp app, string sql)
    {
        await using var connection = new NpgsqlConnection(app.Factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    // Fails after 20 s; the wait it polls for is a few milliseconds away.
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}

/// <summary>A fresh installation behind a load balancer: two first-run forms sent at once, one to each instance, make one owner.</summary>
public sealed class FirstRunOnTwoInstancesTests : IDisposable
{
    private static readonly Dictionary<string, string?> NoBootstrapOwner = new() { ["Bootstrap:OwnerEmail"] = "", ["Bootstrap:OwnerPassword"] = "" };

    private readonly LeadsAppFactory _a = new(settings: NoBootstrapOwner, provider: DatabaseProvider.Postgres);
    private readonly LeadsAppFactory _b;

    public FirstRunOnTwoInstancesTests() => _b = LeadsAppFactory.SecondInstanceOf(_a, NoBootstrapOwner);

    public void Dispose()
    {
        _b.Dispose();
        _a.Dispose();
    }

    [Fact]
    public async Task Two_first_run_forms_sent_at_once_to_two_instances_create_one_owner()
    {
        var (olga, otto) = (Client(_a), Client(_b));
        var (olgasForm, ottosForm) = (await olga.OpenFormAsync("/setup"), await otto.OpenFormAsync("/setup"));

        var responses = await Task.WhenAll(
            Task.Run(() => olga.PostFormAsync("/setup", olgasForm, Input("Olga Owner", "olga@firm.example"))),
            Task.Run(() => otto.PostFormAsync("/setup", ottosForm, Input("Otto Owner", "otto@firm.example"))));

        Assert.Equal(["/Account/Login", "/leads"], responses.Select(r => r.RedirectPath()).Order(StringComparer.Ordinal));
        using var scope = _a.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadsDbContext>();
        var user = Assert.Single(await db.Users.AsNoTracking().ToListAsync());
        Assert.Equal([user.Id], await db.OwnerIds().ToListAsync());
        Assert.Equal(responses[0].RedirectPath() == "/leads" ? "olga@firm.example" : "otto@firm.example", user.Email);
    }

    private static HttpClient Client(LeadsAppFactory app) => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static Dictionary<string, string> Input(string name, string email) => new()
    {
        ["Input.Name"] = name,
        ["Input.Email"] = email,
        ["Input.Password"] = "First-Owner-1",
        ["Input.ConfirmPassword"] = "First-Owner-1",
    };
}
