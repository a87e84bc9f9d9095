namespace LeadsBlazor.Web.Features.Leads;

/// <summary>
/// Someone else saved the lead since this session read it. Carries the lead as it is now and what was
/// saved since the session's version, field by field, so the UI can say who changed what and let the
/// user keep their input or take the other's; nothing of either change is lost silently.
/// </summary>
public sealed class ConcurrencyConflictException(LeadSnapshot current, IReadOnlyList<FieldChange> changes)
    : Exception($"Lead {current.Id} was changed by someone else (now at version {current.Version}).")
{
    public const string MessageKey = "Error.ConcurrencyConflict";

    public LeadSnapshot Current { get; } = current;

    public IReadOnlyList<FieldChange> Changes { get; } = changes;
}
