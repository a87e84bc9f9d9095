using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Projects;

/// <summary>
/// What a user enters for a project besides its customer and labels: its name, leader and co-leader, period, how it is
/// billed, budget and hourly rate (in the project's currency), and free info.
/// </summary>
public sealed record ProjectDetails(
    string Name,
    string LeaderUserId,
    string? CoLeaderUserId = null,
    DateOnly? StartOn = null,
    DateOnly? FinishOn = null,
    ProjectBilling Billing = ProjectBilling.ByEffort,
    decimal? Budget = null,
    decimal? HourlyRate = null,
    string? Info = null)
{
    /// <summary>The details as the project keeps them, or the first broken rule as a <see cref="DomainException"/>.</summary>
    public ProjectDetails Checked(Currency currency)
    {
        var leader = Text.Required(LeaderUserId, nameof(LeaderUserId), 450);
        var coLeader = Text.Optional(CoLeaderUserId, nameof(CoLeaderUserId), 450);
        if (coLeader == leader)
        {
            throw new DomainException(nameof(CoLeaderUserId), ErrorKeys.CoLeaderIsLeader);
        }

        Leads.ServicePeriod.Require(StartOn, FinishOn, nameof(StartOn), nameof(FinishOn));
        return this with
        {
            Name = Text.Required(Name, nameof(Name)),
            LeaderUserId = leader,
            CoLeaderUserId = coLeader,
            Budget = Budget is { } budget ? Money.Revenue(budget, currency, nameof(Budget)).Amount : null,
            HourlyRate = HourlyRate is { } rate ? Money.Revenue(rate, currency, nameof(HourlyRate)).Amount : null,
            Info = Text.Optional(Info, nameof(Info), Text.LongTextMaxLength),
        };
    }
}
