using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Attention;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;

namespace LeadsBlazor.Tests.Features.Attention;

/// <summary>
/// "Braucht Aufmerksamkeit" on the real database: open leads that are due, idle (Rule 5) or running without a next
/// action, each once with all its reasons; the view's filters apply; a snooze moves the next action like any change.
/// The default stages: Erstkontakt idle after 21 days, Vorstellung and Angebot after 14, Verhandlungen after 7.
/// </summary>
public abstract class AttentionQueryTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?>
    {
        ["Reminders:BackgroundScan"] = "false",
        ["Forecast:BackgroundSnapshots"] = "false",
    }, provider: provider);

    public void Dispose() => _app.Dispose();

    private async Task<int> CreateAsync(string name, int? stageId, DateOnly nextActionOn, string? nextAction, string? responsible = null) =>
        await _app.Get<LeadCommands>().CreateAsync(new LeadInput
        {
            Name = name,
            ResponsibleUserId = responsible ?? _app.OwnerId,
            Revenue = 1000m,
            NextActionOn = nextActionOn,
            NextAction = nextAction,
            StageId = stageId,
        }, _app.OwnerId);

    private Task<AttentionList> ListAsync(LeadFilter? filter = null, AttentionReason? reason = null) =>
        _app.Get<AttentionQuery>().GetAsync(filter ?? new LeadFilter(), reason, null, false, 0, 50);

    private static Dictionary<string, AttentionCause[]> Reasons(AttentionList list) =>
        list.Rows.ToDictionary(r => r.Name, r => r.Causes.ToArray());

    [Fact]
    public async Task Each_lead_is_listed_once_with_all_its_reasons_and_leads_that_need_nothing_are_not()
    {
        var stages = await _app.StagesAsync();
        var offer = stages.Single(s => s.Name == "Angebot").Id;
        var first = stages.Single(s => s.Name == "Erstkontakt").Id;

        // Created 20 days ago and untouched since: idle in "Angebot" (14 days), not yet in "Erstkontakt" (21 days).
        var start = _app.Today;
        await CreateAsync("Idle offer", offer, start.AddDays(60), "Nachfassen");
        await CreateAsync("Everything at once", offer, start.AddDays(5), null);
        await CreateAsync("Patient first contact", first, start.AddDays(60), "Warten");
        _app.Time.Advance(TimeSpan.FromDays(20));
        var today = _app.Today;

        await CreateAsync("Due potential", null, today.AddDays(-1), "Anrufen");
        await CreateAsync("Due today", offer, today, "Anrufen");
        await CreateAsync("Without next action", offer, today.AddDays(5), null);
        await CreateAsync("All fine", offer, today.AddDays(5), "Angebot senden");
        await CreateAsync("Potential without text", null, today.AddDays(5), null);
        var lost = await CreateAsync("Lost long ago", offer, today.AddDays(-3), null);
        var reason = (await _app.Get<CloseReasonsQuery>().OfferedAsync())[0].Id;
        await _app.Get<LeadCommands>().CloseAsync(lost, (await _app.ReloadAsync(lost)).Version, LeadStatus.Lost, today, reason, null, _app.OwnerId);

        var list = await ListAsync();

        Assert.Equal(5, list.Total);
        var reasons = Reasons(list);
        Assert.Equal(["Due potential", "Due today", "Everything at once", "Idle offer", "Without next action"], reasons.Keys.Order());
        Assert.Equal([new AttentionCause(AttentionReason.Due, 1)], reasons["Due potential"]);
        Assert.Equal([new AttentionCause(AttentionReason.Due, 0)], reasons["Due today"]);
        Assert.Equal([new AttentionCause(AttentionReason.Idle, 20)], reasons["Idle offer"]);
        Assert.Equal([new AttentionCause(AttentionReason.NoNextAction)], reasons["Without next action"]);
        Assert.Equal(
            [new AttentionCause(AttentionReason.Due, 15), new AttentionCause(AttentionReason.Idle, 20), new AttentionCause(AttentionReason.NoNextAction)],
            reasons["Everything at once"]);
        Assert.Equal("Angebot", list.Rows.Single(r => r.Name == "Idle offer").StageName);

        // The most urgent next action first, as the board orders its cards.
        Assert.Equal("Everything at once", list.Rows[0].Name);
    }

    [Fact]
    public async Task The_reason_filter_shows_the_leads_with_that_reason_whatever_else_they_have()
    {
        var offer = (await _app.StagesAsync()).Single(s => s.Name == "Angebot").Id;
        await CreateAsync("Idle offer", offer, _app.Today.AddDays(60), "Nachfassen");
        await CreateAsync("Everything at once", offer, _app.Today.AddDays(5), null);
        _app.Time.Advance(TimeSpan.FromDays(20));
        await CreateAsync("Due today", offer, _app.Today, "Anrufen");
        await CreateAsync("Without next action", offer, _app.Today.AddDays(5), null);

        Assert.Equal(["Due today", "Everything at once"], (await ListAsync(reason: AttentionReason.Due)).Rows.Select(r => r.Name).Order());
        Assert.Equal(["Everything at once", "Idle offer"], (await ListAsync(reason: AttentionReason.Idle)).Rows.Select(r => r.Name).Order());
        Assert.Equal(["Everything at once", "Without next action"], (await ListAsync(reason: AttentionReason.NoNextAction)).Rows.Select(r => r.Name).Order());
    }

    [Fact]
    public async Task The_views_filters_apply_responsible_search_and_labels()
    {
        var member = await _app.CreateMemberAsync();
        var offer = (await _app.StagesAsync()).Single(s => s.Name == "Angebot").Id;
        var hot = await _app.Factory.CreateLabelAsync("Heiß", "#e53935");
        await CreateAsync("Mine due", offer, _app.Today, "Anrufen");
        var members = await CreateAsync("Member's due", offer, _app.Today, "Anrufen", member);
        await CreateAsync("Member's fine", offer, _app.Today.AddDays(3), "Anrufen", member);
        await _app.Get<LeadCommands>().AddLabelAsync(members, (await _app.ReloadAsync(members)).Version, hot, _app.OwnerId);

        var others = await ListAsync(new LeadFilter(ResponsibleUserId: member));
        Assert.Equal(["Member's due"], others.Rows.Select(r => r.Name));
        Assert.Equal("Mia Member", others.Rows[0].ResponsibleName);
        Assert.Equal(["Mine due"], (await ListAsync(new LeadFilter(ResponsibleUserId: _app.OwnerId))).Rows.Select(r => r.Name));
        Assert.Equal(["Mine due"], (await ListAsync(new LeadFilter(Search: "mine"))).Rows.Select(r => r.Name));
        Assert.Equal(["Member's due"], (await ListAsync(new LeadFilter(LabelIds: [hot]))).Rows.Select(r => r.Name));
    }

    [Fact]
    public async Task Snoozing_moves_the_next_action_records_it_and_takes_the_lead_off_the_list()
    {
        var offer = (await _app.StagesAsync()).Single(s => s.Name == "Angebot").Id;
        var id = await CreateAsync("Due and idle", offer, _app.Today.AddDays(3), "Nachfassen");
        _app.Time.Advance(TimeSpan.FromDays(20));
        var row = Assert.Single((await ListAsync()).Rows);
        Assert.Equal([AttentionReason.Due, AttentionReason.Idle], row.Causes.Select(c => c.Reason));

        var monday = Snooze.Until(SnoozeChoice.NextWeek, _app.Today);
        await _app.Get<LeadCommands>().SnoozeAsync(id, row.Version, monday, _app.OwnerId);

        var lead = await _app.ReloadAsync(id);
        Assert.Equal(monday, lead.NextActionOn);
        Assert.Equal("Nachfassen", lead.NextAction);
        var recorded = lead.History.OrderBy(e => e.Id).Last();
        Assert.Equal((LeadEventKind.Snoozed, nameof(Lead.NextActionOn), _app.OwnerId), (recorded.Kind, recorded.Field, recorded.UserId));
        Assert.Empty((await ListAsync()).Rows);

        // A snooze at a version someone else has moved past is a conflict, not a silent overwrite.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _app.Get<LeadCommands>().SnoozeAsync(id, row.Version, _app.Today.AddDays(1), _app.OwnerId));
    }

    [Theory]
    [InlineData("2026-11-30", SnoozeChoice.Tomorrow, "2026-12-01")]
    [InlineData("2026-11-30", SnoozeChoice.InThreeDays, "2026-12-03")]
    [InlineData("2026-11-30", SnoozeChoice.NextWeek, "2026-12-07")] // a Monday: the next one
    [InlineData("2026-12-05", SnoozeChoice.NextWeek, "2026-12-07")] // a Saturday
    [InlineData("2026-12-06", SnoozeChoice.NextWeek, "2026-12-07")] // a Sunday
    [InlineData("2026-12-02", SnoozeChoice.NextWeek, "2026-12-07")] // a Wednesday
    public void The_quick_snoozes_count_from_today(string today, SnoozeChoice choice, string until) =>
        Assert.Equal(DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture), Snooze.Until(choice, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
}

public sealed class AttentionQueryTestsOnSqlite() : AttentionQueryTests(DatabaseProvider.Sqlite);

public sealed class AttentionQueryTestsOnPostgres() : AttentionQueryTests(DatabaseProvider.Postgres);
