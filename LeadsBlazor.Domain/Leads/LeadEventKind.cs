namespace LeadsBlazor.Domain.Leads;

/// <summary>What a history event records (Rule 7).</summary>
public enum LeadEventKind
{
    Created = 0,
    FieldChanged = 1,
    StatusChanged = 2,
    StageChanged = 3,
    ResponsibleChanged = 4,
    LabelAdded = 5,
    LabelRemoved = 6,
    NoteAdded = 7,
    AttachmentAdded = 8,
    AttachmentRemoved = 9,
    OfferChanged = 10,
    ProjectCreated = 11,
    Imported = 12,
    Snoozed = 13,
}
