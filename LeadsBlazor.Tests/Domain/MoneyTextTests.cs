using System.Globalization;
using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Tests.Domain;

/// <summary>An amount is read as people write it, in German, Swiss German and English; a text that is no amount says why.</summary>
public sealed class MoneyTextTests
{
    [Theory]
    [InlineData("de-DE", "5000", 5000, null)]
    [InlineData("de-DE", "5.000", 5000, null)]
    [InlineData("de-DE", "5000,50", 5000.50, null)]
    [InlineData("de-DE", "5.000,50 €", 5000.50, "EUR")]
    [InlineData("de-DE", "5.000,50€", 5000.50, "EUR")]
    [InlineData("de-DE", "€ 12", 12, "EUR")]
    [InlineData("de-DE", "12.000.000", 12_000_000, null)]
    [InlineData("de-DE", "1.234.567,89", 1_234_567.89, null)]
    [InlineData("de-DE", "  5 000  ", 5000, null)]
    [InlineData("de-DE", "0,5", 0.5, null)]
    [InlineData("de-DE", "3.500 CHF", 3500, "CHF")]
    [InlineData("de-DE", "CHF 3'500", 3500, "CHF")]
    [InlineData("de-CH", "CHF 3'500", 3500, "CHF")]
    [InlineData("de-CH", "CHF 3’500.50", 3500.50, "CHF")]
    [InlineData("de-CH", "chf 1'250'000", 1_250_000, "CHF")]
    [InlineData("de-CH", "Fr. 80.05", 80.05, "CHF")]
    [InlineData("en-US", "5,000.50", 5000.50, null)]
    [InlineData("en-US", "5,000", 5000, null)]
    [InlineData("en-US", "$5,000.50", 5000.50, "USD")]
    [InlineData("en-US", "USD 1,234,567.89", 1_234_567.89, "USD")]
    [InlineData("en-US", "1500.5", 1500.5, null)]
    [InlineData("en-US", "-250", -250, null)]
    [InlineData("de-DE", "-1.500,25 €", -1500.25, "EUR")]
    [InlineData("de-DE", "CHF -100", -100, "CHF")]
    public void Reads_an_amount_as_people_write_it(string culture, string text, double expected, string? currency)
    {
        var result = MoneyText.Read(text, CultureInfo.GetCultureInfo(culture));

        Assert.True(result.IsValid, $"{text}: {result.ErrorKey}");
        Assert.Equal((decimal)expected, result.Amount);
        Assert.Equal(currency, result.Currency?.Code);
    }

    [Theory]
    [InlineData("de-DE", "", ErrorKeys.Required)]
    [InlineData("de-DE", "   ", ErrorKeys.Required)]
    [InlineData("de-DE", "abc", ErrorKeys.NotAnAmount)]
    [InlineData("de-DE", "5000x", ErrorKeys.NotAnAmount)]
    [InlineData("de-DE", "5k", ErrorKeys.NotAnAmount)]
    [InlineData("de-DE", "€", ErrorKeys.NotAnAmount)]
    [InlineData("de-DE", "1,2,3", ErrorKeys.NotAnAmount)]
    [InlineData("de-DE", "12.34.5", ErrorKeys.NotAnAmount)]
    [InlineData("de-DE", "1.000,000,5", ErrorKeys.NotAnAmount)]
    [InlineData("de-DE", "5,", ErrorKeys.NotAnAmount)]
    [InlineData("de-DE", "5,1234", ErrorKeys.TooManyDecimals)]
    [InlineData("de-DE", "1.234,567", ErrorKeys.TooManyDecimals)]
    [InlineData("en-US", "1,234.567", ErrorKeys.TooManyDecimals)]
    [InlineData("de-DE", "XYZ 500", ErrorKeys.UnknownCurrency)]
    public void A_text_that_is_no_amount_says_why(string culture, string text, string errorKey)
    {
        var result = MoneyText.Read(text, CultureInfo.GetCultureInfo(culture));

        Assert.False(result.IsValid);
        Assert.Equal(errorKey, result.ErrorKey);
        Assert.Equal(errorKey, result.ToException("Revenue").MessageKey);
    }

    [Fact]
    public void An_unknown_code_is_named_and_too_many_decimals_say_how_many_are_allowed()
    {
        var culture = CultureInfo.GetCultureInfo("de-DE");

        Assert.Equal(["XYZ"], MoneyText.Read("XYZ 500", culture).Arguments);
        Assert.Equal([2], MoneyText.Read("5,1234", culture) is { IsValid: false } r ? r.Arguments : []);
    }

    [Fact]
    public void TryParse_gives_the_amount_and_the_named_currency()
    {
        Assert.True(MoneyText.TryParse("CHF 3'500", CultureInfo.GetCultureInfo("de-CH"), out var amount, out var currency));
        Assert.Equal((3500m, Currency.Chf), (amount, currency!.Value));
        Assert.False(MoneyText.TryParse("drei", CultureInfo.GetCultureInfo("de-DE"), out _, out _));
    }
}
