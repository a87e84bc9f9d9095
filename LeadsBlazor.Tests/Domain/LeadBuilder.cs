using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Pipeline;

namespace LeadsBlazor.Tests.Domain;

/// <summary>Leads and stages for domain tests, with readable defaults.</summary>
internal static class LeadBuilder
{
    public static readonly DateOnly Today = new(2026, 11, 30);

    public static Actor Anna { get; } = new("anna", new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    public static StageList DefaultStages() => new(StageList.Defaults());

    public static Lead Potential(decimal revenue = 10_000m, DateOnly? nextActionOn = null) =>
        Lead.CreatePotential("Relaunch Website", "ben", Money.Revenue(revenue, Currency.Eur), nextActionOn ?? Today.AddDays(3), "Anrufen", Anna);

    public static Lead Running(Stage stage, decimal revenue = 10_000m, DateOnly? nextActionOn = null) =>
        Lead.CreateRunning("Relaunch Website", "ben", Money.Revenue(revenue, Currency.Eur), nextActionOn ?? Today.AddDays(3), "Anrufen", stage, Anna);
}
