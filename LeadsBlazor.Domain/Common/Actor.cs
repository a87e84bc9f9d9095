namespace LeadsBlazor.Domain.Common;

/// <summary>Who makes a change and when: every history event carries both.</summary>
public readonly record struct Actor(string UserId, DateTimeOffset At);
