using LeadsBlazor.Web.Data;
using System.Globalization;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web;
using LeadsBlazor.Web.Features.Leads;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Tests.Features.Leads;

/// <summary>Two people editing one lead: the refused save says who saved what, and "keep mine" saves on top of their version.</summary>
public abstract class EditConflictTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(provider: provider);

    public void Dispose() => _app.Dispose();

    private LeadCommands Commands => _app.Get<LeadCommands>();

    private async Task<LeadSnapshot> OpenFormAsync(int leadId, LeadFormModel form)
    {
        var lead = LeadSnapshot.Of((await _app.Get<LeadDetailsQuery>().GetAsync(leadId))!.Lead);
        form.Load(lead);
        return lead;
    }

    private async Task<(int LeadId, string MemberId)> LeadWithMemberAsync()
    {
        var memberId = await _app.CreateMemberAsync();
        var id = await Commands.CreateAsync(
            new LeadInput { Name = "Relaunch Website", ResponsibleUserId = _app.OwnerId, Revenue = 12_000m, Currency = "EUR", NextActionOn = new DateOnly(2026, 12, 2), NextAction = "Anrufen" },
            _app.OwnerId);
        return (id, memberId);
    }

    // Both open the form; the member saves first, so the owner's form holds a version that is no longer current.
    private async Task<(int LeadId, LeadFormModel Mine, LeadSnapshot Loaded)> MemberSavesFirstAsync(Action<LeadFormModel> theirChange)
    {
        var (id, memberId) = await LeadWithMemberAsync();
        var mine = new LeadFormModel();
        var loaded = await OpenFormAsync(id, mine);
        var theirs = new LeadFormModel();
        await OpenFormAsync(id, theirs);
        theirChange(theirs);

        // As the dialog does on save: the written revenue is read before the input goes out.
        Assert.Null(theirs.ReadRevenue(await _app.Get<LeadFormOptionsQuery>().GetAsync(), _app.Get<IStringLocalizer<SharedResource>>(), CultureInfo.GetCultureInfo("de-DE")));
        await Commands.UpdateAsync(id, loaded.Version, theirs.ToInput(), memberId);
        return (id, mine, loaded);
    }

    [Fact]
    public async Task The_refused_save_names_who_changed_which_field_from_what_to_what_since_the_users_version()
    {
        var (id, mine, loaded) = await MemberSavesFirstAsync(theirs =>
        {
            theirs.NextActionOn = new DateTime(2026, 12, 5);
            theirs.RevenueText = "15.000";
        });

        mine.Name = "Relaunch Website 2027";
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Commands.UpdateAsync(id, loaded.Version, mine.ToInput(), _app.OwnerId));

        Assert.Equal(
            [
                new FieldChange("Mia Member", LeadEventKind.FieldChanged, "Revenue", "12000.00 EUR", "15000.00 EUR"),
                new FieldChange("Mia Member", LeadEventKind.FieldChanged, "NextActionOn", "2026-12-02", "2026-12-05"),
            ],
            conflict.Changes);
        Assert.Equal("Relaunch Website", (await _app.ReloadAsync(id)).Name);
    }

    [Fact]
    public async Task Keep_mine_saves_the_users_input_on_top_of_the_new_version_and_keeps_what_the_other_changed_elsewhere()
    {
        var (id, mine, loaded) = await MemberSavesFirstAsync(theirs =>
        {
            theirs.NextActionOn = new DateTime(2026, 12, 5);
            theirs.NextAction = "Angebot schicken";
        });

        // Both changed "what is next"; only I renamed it; only they moved the date.
        mine.Name = "Relaunch Website 2027";
        mine.NextAction = "Workshop planen";
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Commands.UpdateAsync(id, loaded.Version, mine.ToInput(), _app.OwnerId));
        mine.Rebase(loaded, conflict.Current);
        await Commands.UpdateAsync(id, conflict.Current.Version, mine.ToInput(), _app.OwnerId);

        var lead = await _app.ReloadAsync(id);
        Assert.Equal(("Relaunch Website 2027", "Workshop planen", new DateOnly(2026, 12, 5)), (lead.Name, lead.NextAction, lead.NextActionOn));
        Assert.Equal(conflict.Current.Version + 1, lead.Version);
        Assert.Contains(lead.History, e => e is { Field: "NextAction", OldValue: "Angebot schicken", NewValue: "Workshop planen" } && e.UserId == _app.OwnerId);
    }

    [Fact]
    public async Task A_service_period_saved_meanwhile_is_named_in_the_conflict_and_kept_when_the_user_keeps_their_other_input()
    {
        var (id, mine, loaded) = await MemberSavesFirstAsync(theirs =>
        {
            theirs.ServiceFrom = new DateTime(2027, 3, 1);
            theirs.ServiceTo = new DateTime(2027, 6, 30);
        });

        mine.Name = "Relaunch Website 2027";
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Commands.UpdateAsync(id, loaded.Version, mine.ToInput(), _app.OwnerId));
        mine.Rebase(loaded, conflict.Current);
        await Commands.UpdateAsync(id, conflict.Current.Version, mine.ToInput(), _app.OwnerId);

        Assert.Equal(
            [
                new FieldChange("Mia Member", LeadEventKind.FieldChanged, "ServiceFrom", null, "2027-03-01"),
                new FieldChange("Mia Member", LeadEventKind.FieldChanged, "ServiceTo", null, "2027-06-30"),
            ],
            conflict.Changes);
        var lead = await _app.ReloadAsync(id);
        Assert.Equal(("Relaunch Website 2027", new DateOnly(2027, 3, 1), new DateOnly(2027, 6, 30)), (lead.Name, lead.ServiceFrom, lead.ServiceTo));
    }

    [Fact]
    public async Task Take_theirs_puts_the_others_values_of_the_changed_fields_into_the_form_and_keeps_the_rest_of_the_input()
    {
        var (id, mine, loaded) = await MemberSavesFirstAsync(theirs => theirs.NextAction = "Angebot schicken");

        mine.Name = "Relaunch Website 2027";
        mine.NextAction = "Workshop planen";
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Commands.UpdateAsync(id, loaded.Version, mine.ToInput(), _app.OwnerId));
        mine.Rebase(loaded, conflict.Current);
        mine.Take(conflict.Current, conflict.Changes.Select(c => c.Field));

        Assert.Equal(("Relaunch Website 2027", "Angebot schicken"), (mine.Name, mine.NextAction));
    }
}

public sealed class EditConflictTestsOnSqlite() : EditConflictTests(DatabaseProvider.Sqlite);

public sealed class EditConflictTestsOnPostgres() : EditConflictTests(DatabaseProvider.Postgres);
