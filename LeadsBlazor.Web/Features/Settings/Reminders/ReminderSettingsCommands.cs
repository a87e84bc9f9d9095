using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Settings.Shared;
using LeadsBlazor.Web.Infrastructure;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Settings.Reminders;

/// <summary>The reminders' account settings (Rule 6): on or off, the digest hour, and the time zone in which days begin.</summary>
public sealed class ReminderSettingsCommands(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account, IEventBus events, TimeProvider time)
{
    public async Task<ReminderSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        var settings = await account.GetAsync(cancellationToken);
        return new ReminderSettings(settings.RemindersEnabled, settings.ReminderHour, settings.TimeZoneId);
    }

    public async Task ChangeAsync(string userId, ReminderSettings wanted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var (before, settings) = await contexts.ChangeAsOwnerAsync(userId, time, async (db, actor) =>
        {
            var settings = await db.AccountSettings.SingleAsync(cancellationToken);
            var before = new ReminderSettings(settings.RemindersEnabled, settings.ReminderHour, settings.TimeZoneId);
            settings.ChangeReminderHour(wanted.Hour);
            settings.ChangeTimeZone(wanted.TimeZoneId);
            settings.SwitchReminders(wanted.Enabled);

            void Log(string whatKey, string detail) => db.SettingsChanges.Add(new SettingsChange(SettingsArea.Reminders, whatKey, detail, actor));
            if (before.Enabled != wanted.Enabled)
            {
                Log(wanted.Enabled ? "SettingsLog.RemindersOn" : "SettingsLog.RemindersOff", "");
            }

            if (before.Hour != wanted.Hour)
            {
                Log("SettingsLog.ReminderHour", $"{before.Hour}:00 → {wanted.Hour}:00");
            }

            if (before.TimeZoneId != wanted.TimeZoneId)
            {
                Log("SettingsLog.TimeZone", $"{before.TimeZoneId} → {wanted.TimeZoneId}");
            }

            return (before, settings);
        }, cancellationToken);

        // Another time zone may move "today": badges and lists count their due leads again.
        account.Changed(events, before.TimeZoneId != wanted.TimeZoneId ? LiveTopic.Day : LiveTopic.None);
    }
}

public sealed record ReminderSettings(bool Enabled, int Hour, string TimeZoneId);
