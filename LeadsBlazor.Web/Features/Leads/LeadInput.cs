namespace LeadsBlazor.Web.Features.Leads;

/// <summary>What the lead form sends: every field a user edits. A stage makes a new lead running; without one it is a potential contact.</summary>
public sealed record LeadInput
{
    public string Name { get; init; } = "";

    public string ResponsibleUserId { get; init; } = "";

    public decimal Revenue { get; init; }

    public string Currency { get; init; } = "EUR";

    public DateOnly? NextActionOn { get; init; }

    public string? NextAction { get; init; }

    public int? CompanyId { get; init; }

    /// <summary>A company created inline, when none is chosen from the directory.</summary>
    public string? NewCompanyName { get; init; }

    public int? ContactPersonId { get; init; }

    /// <summary>A contact created inline, when none is chosen from the directory.</summary>
    public string? NewContactName { get; init; }

    public string? Info { get; init; }

    public DateOnly? ServiceFrom { get; init; }

    public DateOnly? ServiceTo { get; init; }

    public IReadOnlyCollection<int> LabelIds { get; init; } = [];

    public int? StageId { get; init; }
}
