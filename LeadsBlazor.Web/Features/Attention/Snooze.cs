namespace LeadsBlazor.Web.Features.Attention;

/// <summary>The quick ways to put a lead's next action off.</summary>
public enum SnoozeChoice
{
    Tomorrow,
    InThreeDays,
    NextWeek,
}

public static class Snooze
{
    /// <summary>The new next-action date: tomorrow, in three days, or the Monday after today.</summary>
    public static DateOnly Until(SnoozeChoice choice, DateOnly today) => choice switch
    {
        SnoozeChoice.Tomorrow => today.AddDays(1),
        SnoozeChoice.InThreeDays => today.AddDays(3),
        SnoozeChoice.NextWeek => today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 6) % 7 + 1),
        _ => throw new ArgumentOutOfRangeException(nameof(choice)),
    };
}
