using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.Reminders;

namespace LeadsBlazor.Tests.Features.Reminders;

/// <summary>Rule 5: due is "next action today or earlier" in the account's time zone (Europe/Berlin), for open leads.</summary>
public abstract class DueLeadsQueryTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(provider: provider);

    public void Dispose() => _app.Dispose();

    private async Task<int> CreateAsync(string name, DateOnly nextActionOn, string responsible) =>
        await _app.Get<LeadCommands>().CreateAsync(new LeadInput
        {
            Name = name,
            ResponsibleUserId = responsible,
            Revenue = 1000m,
            NextActionOn = nextActionOn,
        }, _app.OwnerId);

    [Fact]
    public async Task A_lead_becomes_due_at_midnight_in_Berlin_not_in_UTC()
    {
        // 30 November, 22:30 UTC is 23:30 in Berlin; one hour later it is 1 December there, still 30 November in UTC.
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 22, 30, 0, TimeSpan.Zero));
        await CreateAsync("Angebot nachfassen", new DateOnly(2026, 12, 1), _app.OwnerId);
        var query = _app.Get<DueLeadsQuery>();
        Assert.Equal(0, await query.CountForUserAsync(_app.OwnerId));

        _app.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, await query.CountForUserAsync(_app.OwnerId));
        Assert.Equal(new DateOnly(2026, 12, 1), await query.TodayAsync());
    }

    [Fact]
    public async Task Only_open_leads_are_due_and_each_user_counts_their_own()
    {
        var member = await _app.CreateMemberAsync();
        var today = await _app.Get<DueLeadsQuery>().TodayAsync();
        await CreateAsync("Gestern", today.AddDays(-1), _app.OwnerId);
        await CreateAsync("Heute", today, _app.OwnerId);
        await CreateAsync("Morgen", today.AddDays(1), _app.OwnerId);
        await CreateAsync("Mitglied heute", today, member);
        var wonId = await CreateAsync("Gewonnen, Datum vorbei", today.AddDays(-3), _app.OwnerId);
        var commands = _app.Get<LeadCommands>();
        await commands.CloseAsync(wonId, (await _app.ReloadAsync(wonId)).Version, LeadsBlazor.Domain.Leads.LeadStatus.Won, today, null, null, _app.OwnerId);
        var query = _app.Get<DueLeadsQuery>();

        // "Gestern" and "Heute" for the owner; "Morgen" is not due yet and the won lead is closed.
        Assert.Equal(2, await query.CountForUserAsync(_app.OwnerId));
        Assert.Equal(1, await query.CountForUserAsync(member));
    }
}

public sealed class DueLeadsQueryTestsOnSqlite() : DueLeadsQueryTests(DatabaseProvider.Sqlite);

public sealed class DueLeadsQueryTestsOnPostgres() : DueLeadsQueryTests(DatabaseProvider.Postgres);
