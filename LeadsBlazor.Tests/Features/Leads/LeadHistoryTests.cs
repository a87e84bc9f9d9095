using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.Preferences;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Tests.Features.Leads;

/// <summary>Rule 7: the history reads as people write, with names instead of ids and dates and money in the reader's format.</summary>
public abstract class LeadHistoryTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false" }, provider: provider);

    public void Dispose() => _app.Dispose();

    private async Task<IReadOnlyList<string>> HistoryAsync(int leadId, string culture)
    {
        var details = await _app.Get<LeadDetailsQuery>().GetAsync(leadId);
        var text = _app.Get<IStringLocalizer<SharedResource>>();
        using var _ = Preferences.Use(Preferences.CultureOf(culture));
        return [.. details!.History.Select(e => HistoryFormat.Describe(text, e.Kind, e.Field, e.OldValue, e.NewValue))];
    }

    [Fact]
    public async Task Handing_over_losing_and_changing_money_and_dates_read_with_names_and_the_readers_formats()
    {
        var member = await _app.CreateMemberAsync();
        var stages = await _app.StagesAsync();
        var lead = await _app.AddRunningLeadAsync(stages[1].Id, revenue: 1_000m);
        var commands = _app.Get<LeadCommands>();
        var reason = await ReasonAsync("Wettbewerber");
        await commands.UpdateAsync(lead.Id, lead.Version, new LeadInput
        {
            Name = lead.Name, ResponsibleUserId = member, Revenue = 2_500.5m, Currency = "EUR", NextActionOn = new DateOnly(2026, 12, 24), StageId = stages[1].Id,
        }, _app.OwnerId);
        await commands.CloseAsync(lead.Id, (await _app.ReloadAsync(lead.Id)).Version, LeadStatus.Lost, new DateOnly(2026, 12, 1), reason, null, _app.OwnerId);

        var german = await HistoryAsync(lead.Id, "de-DE");
        var english = await HistoryAsync(lead.Id, "en-US");

        Assert.Contains("Zuständig: owner → Mia Member", german);
        Assert.Contains("Möglicher Umsatz: 1.000,00 € → 2.500,50 €", german);
        Assert.Contains("Grund: — → Wettbewerber", german);
        Assert.Contains("Abgeschlossen am: — → 01.12.2026", german);
        Assert.Contains(german, e => e.StartsWith("Nächste Aktion: ", StringComparison.Ordinal) && e.EndsWith(" → 24.12.2026", StringComparison.Ordinal));
        Assert.Contains("Closed on: — → 12/1/2026", english);
        Assert.Contains("Possible revenue: €1,000.00 → €2,500.50", english);
    }

    [Fact]
    public async Task Events_recorded_with_ids_before_names_were_kept_show_todays_names()
    {
        var member = await _app.CreateMemberAsync();
        var stages = await _app.StagesAsync();
        var lead = await _app.AddRunningLeadAsync(stages[0].Id);
        var reason = await ReasonAsync("Kein Budget");
        await using (var db = _app.NewContext())
        {
            // Written as the app wrote them before: the user ids and the reason id. Names are quoted, as PostgreSQL folds bare
            // ones to lower case; the lead version is copied, as only SQLite's column has a default (added to a filled table).
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "LeadEvents" ("LeadId", "Kind", "Field", "OldValue", "NewValue", "UserId", "At", "LeadVersion")
                SELECT "LeadId", {(int)LeadEventKind.ResponsibleChanged}, 'ResponsibleUserId', {_app.OwnerId}, {member}, "UserId", "At", "LeadVersion" FROM "LeadEvents" WHERE "LeadId" = {lead.Id} LIMIT 1
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "LeadEvents" ("LeadId", "Kind", "Field", "OldValue", "NewValue", "UserId", "At", "LeadVersion")
                SELECT "LeadId", {(int)LeadEventKind.FieldChanged}, 'CloseReasonId', NULL, {reason.ToString(System.Globalization.CultureInfo.InvariantCulture)}, "UserId", "At", "LeadVersion" FROM "LeadEvents" WHERE "LeadId" = {lead.Id} LIMIT 1
                """);
        }

        var history = await HistoryAsync(lead.Id, "de-DE");

        Assert.Contains("Zuständig: owner → Mia Member", history);
        Assert.Contains("Grund: — → Kein Budget", history);
        Assert.DoesNotContain(history, e => e.Contains(member, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Who_acted_keeps_the_name_they_had_then_after_a_rename()
    {
        var member = await _app.CreateMemberAsync();
        var stages = await _app.StagesAsync();
        var lead = await _app.AddRunningLeadAsync(stages[0].Id);
        var commands = _app.Get<LeadCommands>();
        await commands.AddNoteAsync(lead.Id, "Angebot telefonisch besprochen", member);
        await using (var db = _app.NewContext())
        {
            await db.Users.Where(u => u.Id == member).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, "Mia Muster"));
        }

        await commands.AddNoteAsync(lead.Id, "Nach der Hochzeit: neuer Nachname", member);

        var history = (await _app.Get<LeadDetailsQuery>().GetAsync(lead.Id))!.History.Where(e => e.Kind == LeadEventKind.NoteAdded).ToList();
        Assert.Equal(["Mia Muster", "Mia Member"], history.Select(e => e.UserName));
    }

    private async Task<int> ReasonAsync(string name)
    {
        await using var db = _app.NewContext();
        return await db.CloseReasons.Where(r => r.Name == name).Select(r => r.Id).SingleAsync();
    }
}

public sealed class LeadHistoryTestsOnSqlite() : LeadHistoryTests(DatabaseProvider.Sqlite);

public sealed class LeadHistoryTestsOnPostgres() : LeadHistoryTests(DatabaseProvider.Postgres);
