using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Pipeline;

/// <summary>The chance, in whole percent from 0 to 100, that a lead in a stage is won.</summary>
public readonly record struct Probability
{
    private Probability(int percent) => Percent = percent;

    public int Percent { get; }

    public decimal Fraction => Percent / 100m;

    public static Probability FromPercent(int percent, string field = nameof(Stage.Probability)) =>
        percent is >= 0 and <= 100 ? new Probability(percent) : throw new DomainException(field, ErrorKeys.ProbabilityOutOfRange, percent);

    /// <summary>Weighted revenue = revenue × probability (Rule 4), kept exact in decimal.</summary>
    public decimal Weigh(decimal amount) => amount * Percent / 100m;

    public override string ToString() => $"{Percent} %";
}
