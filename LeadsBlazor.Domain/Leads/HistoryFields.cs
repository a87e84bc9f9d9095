namespace LeadsBlazor.Domain.Leads;

/// <summary>
/// The field names of history events whose values are names, not ids (Rule 7). Older events kept ids under
/// "ResponsibleUserId" and "CloseReasonId"; the readers resolve those to today's names.
/// </summary>
public static class HistoryFields
{
    public const string Responsible = "Responsible";

    public const string CloseReason = "CloseReason";

    /// <summary>A project's leader and co-leader, by name.</summary>
    public const string Leader = "Leader";

    public const string CoLeader = "CoLeader";

    public const string LegacyResponsibleUserId = "ResponsibleUserId";

    public const string LegacyCloseReasonId = "CloseReasonId";
}
