namespace LeadsBlazor.Domain.Leads;

/// <summary>
/// One entry of a lead's history: append-only, never edited. Old and new values are kept as
/// invariant text (names as they were at the time, ISO dates, amounts with currency) so the UI can show them in any
/// language and format.
/// </summary>
public sealed class LeadEvent
{
    private LeadEvent()
    {
        UserId = "";
    }

    internal LeadEvent(LeadEventKind kind, string? field, string? oldValue, string? newValue, string userId, DateTimeOffset at)
    {
        Kind = kind;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
        UserId = userId;
        At = at;
    }

    public long Id { get; private set; }

    public int LeadId { get; private set; }

    public LeadEventKind Kind { get; private set; }

    /// <summary>The field a <see cref="LeadEventKind.FieldChanged"/> event concerns, e.g. "Revenue".</summary>
    public string? Field { get; private set; }

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }

    public string UserId { get; private set; }

    public DateTimeOffset At { get; private set; }
}
