using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Labels;
using LeadsBlazor.Web.Features.Leads;

namespace LeadsBlazor.Tests.Features.Labels;

public abstract class LabelCommandsTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(provider: provider);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_label_name_twice_is_refused_whatever_its_case()
    {
        var labels = _app.Get<LabelCommands>();
        await labels.CreateAsync("Website", "#1e88e5");

        var error = await Assert.ThrowsAsync<DomainException>(() => labels.CreateAsync("WEBSITE", "#000000"));

        Assert.Equal(("Name", ErrorKeys.DuplicateName), (error.Field, error.MessageKey));
    }

    [Fact]
    public async Task Deleting_a_label_takes_it_off_its_leads_and_their_history_says_so()
    {
        var labelId = await _app.Get<LabelCommands>().CreateAsync("Heiß", "#e53935");
        var leadId = await _app.Get<LeadCommands>().CreateAsync(new LeadInput
        {
            Name = "Online-Shop",
            ResponsibleUserId = _app.OwnerId,
            NextActionOn = _app.Today,
            LabelIds = [labelId],
        }, _app.OwnerId);

        await _app.Get<LabelCommands>().DeleteAsync(labelId, _app.OwnerId);

        var lead = await _app.ReloadAsync(leadId);
        Assert.Empty(lead.Labels);
        Assert.Contains(lead.History, e => e is { Kind: LeadEventKind.LabelRemoved, OldValue: "Heiß" });
    }
}

public sealed class LabelCommandsTestsOnSqlite() : LabelCommandsTests(DatabaseProvider.Sqlite);

public sealed class LabelCommandsTestsOnPostgres() : LabelCommandsTests(DatabaseProvider.Postgres);
