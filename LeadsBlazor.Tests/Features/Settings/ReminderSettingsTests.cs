using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Reminders;
using LeadsBlazor.Web.Features.Settings.Shared;
using LeadsBlazor.Web.Features.Settings;
using LeadsBlazor.Web.Features.Settings.Reminders;
using LeadsBlazor.Web.Infrastructure.Live;

namespace LeadsBlazor.Tests.Features.Settings;

/// <summary>Rule 6 and 12: the owner sets the reminders up; every change is logged; no one else may.</summary>
public abstract class ReminderSettingsTests(DatabaseProvider provider) : IDisposable
{
    // No background jobs: the tests count the events a settings change publishes (the snapshot job would add the new day's).
    private readonly PipelineApp _app = new(new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false", ["Forecast:BackgroundSnapshots"] = "false" }, provider: provider);

    public void Dispose() => _app.Dispose();

    private ReminderSettingsCommands Commands => _app.Get<ReminderSettingsCommands>();

    [Fact]
    public async Task The_owner_changes_the_reminders_and_the_log_says_who_changed_what()
    {
        using var published = _app.Get<IEventBus>().Record();

        _app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

        await Commands.ChangeAsync(_app.OwnerId, new ReminderSettings(false, 9, "Pacific/Auckland"));

        Assert.Equal(new ReminderSettings(false, 9, "Pacific/Auckland"), await Commands.GetAsync());
        var log = await _app.Get<SettingsLogQuery>().LatestAsync(SettingsArea.Reminders);
        Assert.Equal(["SettingsLog.ReminderHour", "SettingsLog.RemindersOff", "SettingsLog.TimeZone"], log.Select(e => e.WhatKey).Order(StringComparer.Ordinal));
        Assert.Contains(log, e => e.Detail == "7:00 → 9:00");
        Assert.Contains(log, e => e.Detail == "Europe/Berlin → Pacific/Auckland");
        Assert.All(log, e => Assert.Equal("owner", e.UserName));

        // 12:00 UTC is 1 December, 01:00 in Auckland: every view with due marks refreshes, and reads the new "today".
        Assert.True(Assert.Single(await published.CountAsync(1)).Touches(LiveTopic.Day));
        Assert.Equal(new DateOnly(2026, 12, 1), await _app.Get<DueLeadsQuery>().TodayAsync());
    }

    [Fact]
    public async Task Saving_unchanged_settings_logs_nothing()
    {
        await Commands.ChangeAsync(_app.OwnerId, await Commands.GetAsync());

        Assert.Empty(await _app.Get<SettingsLogQuery>().LatestAsync(SettingsArea.Reminders));
    }

    [Theory]
    [InlineData(24, "Europe/Berlin", nameof(AccountSettings.ReminderHour), ErrorKeys.HourOutOfRange)]
    [InlineData(-1, "Europe/Berlin", nameof(AccountSettings.ReminderHour), ErrorKeys.HourOutOfRange)]
    [InlineData(7, "Mars/Olympus", nameof(AccountSettings.TimeZoneId), ErrorKeys.UnknownTimeZone)]
    public async Task Bad_input_is_refused_at_its_field_and_nothing_changes(int hour, string zone, string field, string key)
    {
        var before = await Commands.GetAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => Commands.ChangeAsync(_app.OwnerId, new ReminderSettings(false, hour, zone)));

        Assert.Equal((field, key), (error.Field, error.MessageKey));
        Assert.Equal(before, await Commands.GetAsync());
    }

    [Fact]
    public async Task A_member_may_not_change_the_reminders()
    {
        var member = await _app.CreateMemberAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => Commands.ChangeAsync(member, new ReminderSettings(false, 7, "Europe/Berlin")));

        Assert.Equal(ErrorKeys.OwnerOnly, error.MessageKey);
        Assert.True((await Commands.GetAsync()).Enabled);
    }
}

public sealed class ReminderSettingsTestsOnSqlite() : ReminderSettingsTests(DatabaseProvider.Sqlite);

public sealed class ReminderSettingsTestsOnPostgres() : ReminderSettingsTests(DatabaseProvider.Postgres);
