namespace LeadsBlazor.Domain.Customers;

/// <summary>What a company's history event records.</summary>
public enum CompanyEventKind
{
    Created = 0,
    FieldChanged = 1,
    PersonAdded = 2,
    PersonChanged = 3,
    PersonRemoved = 4,

    /// <summary>Another company was merged into this one; its name and number are the old value.</summary>
    Merged = 5,
    LabelAdded = 6,
    LabelRemoved = 7,
    Imported = 8,
}

/// <summary>
/// One entry of a company's history, like a lead's (Rule 7): append-only, values as invariant text, names as they were.
/// A merge moves the entries to the surviving company; nothing else about them ever changes.
/// </summary>
public sealed class CompanyEvent
{
    private CompanyEvent()
    {
        UserId = "";
    }

    internal CompanyEvent(CompanyEventKind kind, string? subject, string? field, string? oldValue, string? newValue, string userId, DateTimeOffset at)
    {
        Kind = kind;
        Subject = subject;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
        UserId = userId;
        At = at;
    }

    public long Id { get; private set; }

    public int CompanyId { get; private set; }

    public CompanyEventKind Kind { get; private set; }

    /// <summary>The contact person a person event concerns, by name as it was.</summary>
    public string? Subject { get; private set; }

    public string? Field { get; private set; }

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }

    public string UserId { get; private set; }

    public DateTimeOffset At { get; private set; }
}
