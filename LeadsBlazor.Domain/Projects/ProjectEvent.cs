namespace LeadsBlazor.Domain.Projects;

/// <summary>What a project's history event records.</summary>
public enum ProjectEventKind
{
    Created = 0,
    FieldChanged = 1,
    StatusChanged = 2,
    LabelAdded = 3,
    LabelRemoved = 4,
    NoteAdded = 5,
    AttachmentAdded = 6,
    AttachmentRemoved = 7,

    /// <summary>An offer was chosen for billing in the project; its number is the new value.</summary>
    OfferBilled = 8,

    /// <summary>An offer was taken out of the project's billing; its number is the old value.</summary>
    OfferUnbilled = 9,
}

/// <summary>One entry of a project's history, like a lead's (Rule 7): append-only, values as invariant text, names as they were.</summary>
public sealed class ProjectEvent
{
    private ProjectEvent()
    {
        UserId = "";
    }

    internal ProjectEvent(ProjectEventKind kind, string? field, string? oldValue, string? newValue, string userId, DateTimeOffset at)
    {
        Kind = kind;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
        UserId = userId;
        At = at;
    }

    public long Id { get; private set; }

    public int ProjectId { get; private set; }

    public ProjectEventKind Kind { get; private set; }

    public string? Field { get; private set; }

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }

    public string UserId { get; private set; }

    public DateTimeOffset At { get; private set; }
}
