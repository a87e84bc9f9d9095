namespace LeadsBlazor.Web.Features.Reminders;

/// <summary>The <c>Reminders</c> section: how often the background scanner looks for due leads.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether this instance runs the scanner. Several instances may; the reminder log keeps each reminder single.</summary>
    public bool BackgroundScan { get; set; } = true;
}
