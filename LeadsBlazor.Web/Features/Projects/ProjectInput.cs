using LeadsBlazor.Domain.Projects;

namespace LeadsBlazor.Web.Features.Projects;

/// <summary>What the project dialog sends: the details, the customer and contact person by id, the currency code and the label ids.</summary>
public sealed record ProjectInput
{
    public string Name { get; init; } = "";

    public int? CompanyId { get; init; }

    public int? ContactPersonId { get; init; }

    public string LeaderUserId { get; init; } = "";

    public string? CoLeaderUserId { get; init; }

    /// <summary>Chosen for a project without a lead; a project from a lead takes the lead's (Rule 11), whatever this says.</summary>
    public string CurrencyCode { get; init; } = "EUR";

    public ProjectBilling Billing { get; init; }

    public decimal? Budget { get; init; }

    public decimal? HourlyRate { get; init; }

    public DateOnly? StartOn { get; init; }

    public DateOnly? FinishOn { get; init; }

    public IReadOnlyList<int> LabelIds { get; init; } = [];

    public string? Info { get; init; }

    public ProjectDetails Details => new(Name, LeaderUserId, CoLeaderUserId, StartOn, FinishOn, Billing, Budget, HourlyRate, Info);
}
