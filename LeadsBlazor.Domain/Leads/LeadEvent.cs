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

    internal LeadEvent(LeadEventKind kind, string? field, string? oldValue, string? newValue, string userId, DateTimeOffset at, int? stageId = null)
    {
        StageId = stageId;
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

    /// <summary>
    /// For a <see cref="LeadEventKind.StageChanged"/> event, the stage the lead entered (null when it left the stages). The names in
    /// the values are for people and may since have been renamed; the id is what the calibration (Rule 15) counts by.
    /// It is no reference: a deleted stage's passages stay as they were, like the rest of the history.
    /// </summary>
    public int? StageId { get; private set; }

    public string UserId { get; private set; }

    public DateTimeOffset At { get; private set; }
}
