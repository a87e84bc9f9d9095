namespace LeadsBlazor.Web.Features.Reminders;

/// <summary>The <c>Reminders</c> section: how often the background scanner looks for due leads.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether this instance takes part in the reminder scan. With several, one of them scans at a time (the leader); the reminder log keeps each reminder single anyway.</summary>
    public bool BackgroundScan { get; set; } = true;
}
