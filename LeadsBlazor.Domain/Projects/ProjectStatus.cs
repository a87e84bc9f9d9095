namespace LeadsBlazor.Domain.Projects;

/// <summary>Where a project stands: active while the work runs, finished when it is done, archived when it no longer counts.</summary>
public enum ProjectStatus
{
    Active = 0,
    Finished = 1,
    Archived = 2,
}

public static class ProjectStatusRules
{
    /// <summary>Active ↔ finished; any status → archived; archived → active again (never straight to finished).</summary>
    public static bool CanMoveTo(this ProjectStatus from, ProjectStatus to) =>
        from != to && (to == ProjectStatus.Archived || to == ProjectStatus.Active || from == ProjectStatus.Active);
}

/// <summary>How a project is billed, as MOCO distinguishes it.</summary>
public enum ProjectBilling
{
    /// <summary>"Nach Aufwand": the hours worked at the hourly rate.</summary>
    ByEffort = 0,

    /// <summary>"Festpreis": the budget is the price.</summary>
    FixedPrice = 1,
}
