namespace LeadsBlazor.Web.Features.Leads;

/// <summary>
/// Someone else saved the lead since this session read it. Carries the lead as it is now, so the UI
/// can show the current values; nothing of either change is lost silently.
/// </summary>
public sealed class ConcurrencyConflictException(LeadSnapshot current)
    : Exception($"Lead {current.Id} was changed by someone else (now at version {current.Version}).")
{
    public const string MessageKey = "Error.ConcurrencyConflict";

    public LeadSnapshot Current { get; } = current;
}
