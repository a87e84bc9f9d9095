using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Tests.Domain;

public sealed class MoneyTests
{
    [Fact]
    public void Amounts_in_one_currency_add_up_exactly()
    {
        var sum = new Money(0.10m, Currency.Eur) + new Money(0.20m, Currency.Eur);

        Assert.Equal(new Money(0.30m, Currency.Eur), sum);
    }

    [Fact]
    public void Adding_two_currencies_without_a_rate_is_an_error_not_a_silent_sum()
    {
        var error = Assert.Throws<DomainException>(() => new Money(1m, Currency.Eur) + new Money(1m, Currency.Chf));

        Assert.Equal(ErrorKeys.CurrencyMismatch, error.MessageKey);
        Assert.Equal(["EUR", "CHF"], error.Arguments);
    }

    [Fact]
    public void Converting_with_a_rate_rounds_to_the_cent()
    {
        var converted = new Money(100.00m, Currency.Chf).ConvertTo(Currency.Eur, 1.0637m);

        Assert.Equal(new Money(106.37m, Currency.Eur), converted);
    }

    [Fact]
    public void A_half_cent_after_converting_rounds_away_from_zero()
    {
        var converted = new Money(0.10m, Currency.Chf).ConvertTo(Currency.Eur, 1.25m);

        Assert.Equal(new Money(0.13m, Currency.Eur), converted);
    }

    [Fact]
    public void A_negative_revenue_is_refused_naming_the_field()
    {
        var error = Assert.Throws<DomainException>(() => Money.Revenue(-1m, Currency.Eur));

        Assert.Equal("Revenue", error.Field);
        Assert.Equal(ErrorKeys.NegativeAmount, error.MessageKey);
    }

    [Fact]
    public void An_absurd_revenue_over_10_to_the_12_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Money.Revenue(1_000_000_000_000.01m, Currency.Eur));

        Assert.Equal(ErrorKeys.AmountTooLarge, error.MessageKey);
        Assert.Equal(Money.MaxRevenue, Money.Revenue(Money.MaxRevenue, Currency.Eur).Amount);
    }

    [Fact]
    public void Fractions_of_a_cent_are_refused()
    {
        var error = Assert.Throws<DomainException>(() => Money.Revenue(10.005m, Currency.Eur));

        Assert.Equal(ErrorKeys.TooManyDecimals, error.MessageKey);
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("EURO")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_currency_code_is_refused(string? code)
    {
        var error = Assert.Throws<DomainException>(() => Currency.Parse(code));

        Assert.Equal(ErrorKeys.UnknownCurrency, error.MessageKey);
    }

    [Theory]
    [InlineData("eur", "EUR")]
    [InlineData(" CHF ", "CHF")]
    [InlineData("USD", "USD")]
    public void Known_currency_codes_are_normalised(string input, string expected) =>
        Assert.Equal(expected, Currency.Parse(input).Code);

    [Fact]
    public void Minor_units_round_trip_without_loss()
    {
        var money = new Money(12_345.67m, Currency.Eur);

        Assert.Equal(1_234_567L, money.MinorUnits);
        Assert.Equal(money, Money.FromMinorUnits(money.MinorUnits, Currency.Eur));
    }
}
