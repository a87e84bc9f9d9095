using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Settings;

/// <summary>The reminders' account settings (Rule 6): on or off, the digest hour, and the time zone in which days begin.</summary>
public sealed class ReminderSettingsCommands(IDbContextFactory<LeadsDbContext> contexts, IEventBus events, TimeProvider time)
{
    public async Task<ReminderSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await db.AccountSettings.AsNoTracking().SingleAsync(cancellationToken);
        return new ReminderSettings(settings.RemindersEnabled, settings.ReminderHour, settings.TimeZoneId);
    }

    public async Task ChangeAsync(string userId, ReminderSettings wanted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        await db.RequireOwnerAsync(userId, cancellationToken);
        var settings = await db.AccountSettings.SingleAsync(cancellationToken);
        var actor = new Actor(userId, time.GetUtcNow());
        var before = new ReminderSettings(settings.RemindersEnabled, settings.ReminderHour, settings.TimeZoneId);

        settings.ChangeReminderHour(wanted.Hour);
        settings.ChangeTimeZone(wanted.TimeZoneId);
        settings.SwitchReminders(wanted.Enabled);

        if (before.Enabled != wanted.Enabled)
        {
            db.SettingsChanges.Add(new SettingsChange(SettingsArea.Reminders, wanted.Enabled ? "SettingsLog.RemindersOn" : "SettingsLog.RemindersOff", "", actor));
        }

        if (before.Hour != wanted.Hour)
        {
            db.SettingsChanges.Add(new SettingsChange(SettingsArea.Reminders, "SettingsLog.ReminderHour", $"{before.Hour}:00 → {wanted.Hour}:00", actor));
        }

        if (before.TimeZoneId != wanted.TimeZoneId)
        {
            db.SettingsChanges.Add(new SettingsChange(SettingsArea.Reminders, "SettingsLog.TimeZone", $"{before.TimeZoneId} → {wanted.TimeZoneId}", actor));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Another time zone may move "today": badges and lists count their due leads again.
        if (before.TimeZoneId != wanted.TimeZoneId)
        {
            events.Publish(new DayChanged(settings.Today(time)));
        }
    }
}

public sealed record ReminderSettings(bool Enabled, int Hour, string TimeZoneId);
