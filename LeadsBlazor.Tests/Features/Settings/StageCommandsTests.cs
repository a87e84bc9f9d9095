using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Settings.Shared;
using LeadsBlazor.Web.Features.Settings;
using LeadsBlazor.Web.Features.Settings.Stages;

namespace LeadsBlazor.Tests.Features.Settings;

/// <summary>Rule 2 and 12 at the use cases: bad input changes nothing, only the owner acts, every change is logged.</summary>
public abstract class StageCommandsTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false" }, provider: provider);

    public void Dispose() => _app.Dispose();

    private StageCommands Commands => _app.Get<StageCommands>();

    private async Task<string[]> StageNamesAsync() => [.. (await _app.StagesAsync()).Select(s => $"{s.Name} {s.Probability.Percent}")];

    public static TheoryData<string, int, string, string> BadStages => new()
    {
        { "", 10, "Name", ErrorKeys.Required },
        { "   ", 10, "Name", ErrorKeys.Required },
        { "angebot", 10, "Name", ErrorKeys.DuplicateName },
        { "Präsentation", 101, "Probability", ErrorKeys.ProbabilityOutOfRange },
        { "Präsentation", -1, "Probability", ErrorKeys.ProbabilityOutOfRange },
    };

    [Theory]
    [MemberData(nameof(BadStages))]
    public async Task Bad_input_when_editing_a_stage_is_refused_at_its_field_and_nothing_changes(string name, int percent, string field, string key)
    {
        var before = await StageNamesAsync();
        var vorstellung = (await _app.StagesAsync())[1];

        var error = await Assert.ThrowsAsync<DomainException>(() => Commands.UpdateAsync(vorstellung.Id, name, null, percent, _app.OwnerId));

        Assert.Equal((field, key), (error.Field, error.MessageKey));
        Assert.Equal(before, await StageNamesAsync());
        Assert.Empty(await _app.Get<SettingsLogQuery>().LatestAsync(SettingsArea.Stages));
    }

    [Theory]
    [MemberData(nameof(BadStages))]
    public async Task Bad_input_when_adding_a_stage_is_refused_at_its_field_and_nothing_changes(string name, int percent, string field, string key)
    {
        var before = await StageNamesAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => Commands.AddAsync(name, null, percent, _app.OwnerId));

        Assert.Equal((field, key), (error.Field, error.MessageKey));
        Assert.Equal(before, await StageNamesAsync());
    }

    [Fact]
    public async Task The_last_stage_cannot_be_deleted()
    {
        var stages = await _app.StagesAsync();
        foreach (var stage in stages.Skip(1))
        {
            await Commands.DeleteAsync(stage.Id, null, _app.OwnerId);
        }

        var error = await Assert.ThrowsAsync<DomainException>(() => Commands.DeleteAsync(stages[0].Id, null, _app.OwnerId));

        Assert.Equal(ErrorKeys.LastStage, error.MessageKey);
        Assert.Equal(["Erstkontakt 1"], await StageNamesAsync());
    }

    [Fact]
    public async Task A_member_may_not_change_stages()
    {
        var member = await _app.CreateMemberAsync();
        var stage = (await _app.StagesAsync())[1];
        var before = await StageNamesAsync();

        Task Refused(Func<Task> action) => Assert.ThrowsAsync<DomainException>(action).ContinueWith(t => Assert.Equal(ErrorKeys.OwnerOnly, t.Result.MessageKey), TaskScheduler.Default);
        await Refused(() => Commands.AddAsync("Pitch", null, 20, member));
        await Refused(() => Commands.UpdateAsync(stage.Id, "Pitch", null, 20, member));
        await Refused(() => Commands.MoveAsync(stage.Id, 3, member));
        await Refused(() => Commands.DeleteAsync(stage.Id, null, member));

        Assert.Equal(before, await StageNamesAsync());
    }

    [Fact]
    public async Task Each_change_is_logged_with_its_values()
    {
        var stages = await _app.StagesAsync();
        await Commands.AddAsync("Workshop", "Workshop", 45, _app.OwnerId);
        await Commands.UpdateAsync(stages[1].Id, "Präsentation", "Pitch", 20, _app.OwnerId);
        await Commands.MoveAsync(stages[1].Id, 2, _app.OwnerId);
        await Commands.DeleteAsync(stages[3].Id, null, _app.OwnerId);

        var log = (await _app.Get<SettingsLogQuery>().LatestAsync(SettingsArea.Stages)).Reverse().Select(e => $"{e.WhatKey}: {e.Detail}");

        Assert.Equal(
        [
            "SettingsLog.StageAdded: Workshop (45 %)",
            "SettingsLog.StageRenamed: Vorstellung → Präsentation",
            "SettingsLog.StageEnglishName: Präsentation: Presentation → Pitch",
            "SettingsLog.StageProbability: Präsentation: 10 % → 20 %",
            "SettingsLog.StageMoved: Erstkontakt, Angebot, Präsentation, Verhandlungen, Workshop",
            "SettingsLog.StageDeleted: Verhandlungen",
        ], log);
    }

    [Fact]
    public async Task The_owner_sets_and_clears_a_stages_idle_days_and_each_change_is_logged()
    {
        var offer = (await _app.StagesAsync())[2];

        await Commands.UpdateAsync(offer.Id, offer.Name, offer.EnglishName, 30, 10, _app.OwnerId);
        Assert.Equal(10, (await _app.StagesAsync())[2].IdleDays);
        await Commands.UpdateAsync(offer.Id, offer.Name, offer.EnglishName, 30, null, _app.OwnerId);
        Assert.Null((await _app.StagesAsync())[2].IdleDays);
        await Commands.AddAsync("Workshop", null, 45, 5, _app.OwnerId);

        var log = (await _app.Get<SettingsLogQuery>().LatestAsync(SettingsArea.Stages)).Reverse().Select(e => $"{e.WhatKey}: {e.Detail}");
        Assert.Equal(
        [
            "SettingsLog.StageIdleDays: Angebot: 14 → 10",
            "SettingsLog.StageIdleDays: Angebot: 10 → –",
            "SettingsLog.StageAdded: Workshop (45 %)",
            "SettingsLog.StageIdleDays: Workshop: – → 5",
        ], log);
        Assert.Equal(5, (await _app.StagesAsync())[4].IdleDays);
    }

    [Fact]
    public async Task Renaming_without_idle_days_keeps_them()
    {
        var offer = (await _app.StagesAsync())[2];

        await Commands.UpdateAsync(offer.Id, "Offerte", offer.EnglishName, 30, _app.OwnerId);

        var after = (await _app.StagesAsync())[2];
        Assert.Equal(("Offerte", (int?)14), (after.Name, after.IdleDays));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(366)]
    public async Task Idle_days_outside_1_to_365_are_refused_at_their_field_and_nothing_changes(int days)
    {
        var offer = (await _app.StagesAsync())[2];

        var error = await Assert.ThrowsAsync<DomainException>(() => Commands.UpdateAsync(offer.Id, "Offerte", null, 40, days, _app.OwnerId));

        Assert.Equal(("IdleDays", ErrorKeys.IdleDaysOutOfRange), (error.Field, error.MessageKey));
        var after = (await _app.StagesAsync())[2];
        Assert.Equal(("Angebot", 30, (int?)14), (after.Name, after.Probability.Percent, after.IdleDays));
        Assert.Empty(await _app.Get<SettingsLogQuery>().LatestAsync(SettingsArea.Stages));
    }
}

public sealed class StageCommandsTestsOnSqlite() : StageCommandsTests(DatabaseProvider.Sqlite);

public sealed class StageCommandsTestsOnPostgres() : StageCommandsTests(DatabaseProvider.Postgres);
