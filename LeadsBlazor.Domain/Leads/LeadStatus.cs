namespace LeadsBlazor.Domain.Leads;

/// <summary>Rule 1: every lead has exactly one status.</summary>
public enum LeadStatus
{
    /// <summary>Kontaktpotential: an idea or contact worth pursuing.</summary>
    Potential = 0,

    /// <summary>Laufend: a concrete contact or request, always in one stage.</summary>
    Running = 1,

    /// <summary>Gewonnen.</summary>
    Won = 2,

    /// <summary>Verloren: the client said no.</summary>
    Lost = 3,

    /// <summary>Fallengelassen: the firm withdrew.</summary>
    Dropped = 4,
}

public static class LeadStatusExtensions
{
    public static bool IsOpen(this LeadStatus status) => status is LeadStatus.Potential or LeadStatus.Running;

    public static bool IsClosed(this LeadStatus status) => !status.IsOpen();

    /// <summary>Lost and dropped leads say why, from the owner's list of reasons.</summary>
    public static bool NeedsReason(this LeadStatus status) => status is LeadStatus.Lost or LeadStatus.Dropped;
}
