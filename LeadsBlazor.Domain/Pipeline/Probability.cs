using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Pipeline;

/// <summary>The chance, in whole percent from 0 to 100, that a lead in a stage is won.</summary>
public readonly record struct Probability
{
    private Probability(int percent) => Percent = percent;

    public int Percent { get; }

    public static Probability FromPercent(int percent, string field = nameof(Stage.Probability)) =>
        percent is >= 0 and <= 100 ? new Probability(percent) : throw new DomainException(field, ErrorKeys.ProbabilityOutOfRange, percent);

    /// <summary>
    /// Rule 4 for one lead: its revenue × this probability, rounded to the cent once (<see cref="Money.ToCent"/>).
    /// Every figure that adds weighted revenue adds these per-lead amounts, so a column, the board, a list and
    /// an export of the same leads agree to the cent.
    /// </summary>
    public Money Weigh(Money revenue) => new(Money.ToCent(revenue.Amount * Percent / 100m), revenue.Currency);

    public override string ToString() => $"{Percent} %";
}
