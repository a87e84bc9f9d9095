namespace LeadsBlazor.Domain.Common;

/// <summary>
/// An amount in one currency. Amounts are decimal and hold whole cents; adding two currencies
/// without a rate is an error, never a silent sum.
/// </summary>
public readonly record struct Money
{
    /// <summary>The largest revenue a lead may carry; anything above is a typo, not a deal.</summary>
    public const decimal MaxRevenue = 1_000_000_000_000m;

    public Money(decimal amount, Currency currency)
    {
        if (decimal.Round(amount, 2) != amount)
        {
            throw new DomainException(nameof(Amount), ErrorKeys.TooManyDecimals, 2);
        }

        Amount = amount;
        Currency = currency;
    }

    public decimal Amount { get; }

    public Currency Currency { get; }

    /// <summary>The amount in cents, as the database stores it so that sums stay exact.</summary>
    public long MinorUnits => (long)(Amount * 100m);

    public static Money Zero(Currency currency) => new(0m, currency);

    public static Money FromMinorUnits(long minorUnits, Currency currency) => new(minorUnits / 100m, currency);

    /// <summary>A lead's possible revenue: not negative, not absurd.</summary>
    public static Money Revenue(decimal amount, Currency currency, string field = "Revenue")
    {
        if (amount < 0)
        {
            throw new DomainException(field, ErrorKeys.NegativeAmount);
        }

        if (amount > MaxRevenue)
        {
            throw new DomainException(field, ErrorKeys.AmountTooLarge, MaxRevenue);
        }

        try
        {
            return new Money(amount, currency);
        }
        catch (DomainException e)
        {
            throw new DomainException(field, e.MessageKey, [.. e.Arguments]);
        }
    }

    public Money Add(Money other) =>
        other.Currency == Currency
            ? new Money(Amount + other.Amount, Currency)
            : throw new DomainException(nameof(Currency), ErrorKeys.CurrencyMismatch, Currency.Code, other.Currency.Code);

    public static Money operator +(Money left, Money right) => left.Add(right);

    /// <summary>Converts with a rate "1 unit of this currency = rate units of the target", rounded to the cent (<see cref="ToCent"/>).</summary>
    public Money ConvertTo(Currency target, decimal rate) =>
        target == Currency ? this : new Money(ToCent(Amount * rate), target);

    /// <summary>
    /// The app's one rounding of a computed amount: to the cent, half away from zero (0.005 → 0.01), as a
    /// person rounds on paper. Banker's rounding would make 1,000.05 × 10 % show 100.00 in one place and 100.01 in another.
    /// </summary>
    public static decimal ToCent(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    public override string ToString() => $"{Amount:0.00} {Currency.Code}";
}
