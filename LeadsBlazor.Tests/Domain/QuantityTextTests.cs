using System.Globalization;
using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Tests.Domain;

/// <summary>Quantities as people type them: three decimals in the culture's way, thousands only in groups of three, no silent factor of a thousand.</summary>
public sealed class QuantityTextTests
{
    [Theory]
    [InlineData("de-DE", "0,125", "0.125")]
    [InlineData("de-DE", "12,5", "12.5")]
    [InlineData("de-DE", "1.5", "1.5")]
    [InlineData("de-DE", "1.500", "1500")]
    [InlineData("de-DE", "1.500,25", "1500.25")]
    [InlineData("de-DE", "40", "40")]
    [InlineData("en-US", "0.125", "0.125")]
    [InlineData("en-US", "0,5", "0.5")]
    [InlineData("en-US", "1,500", "1500")]
    [InlineData("en-US", "12,345.5", "12345.5")]
    [InlineData("de-CH", "2.25", "2.25")]
    [InlineData("de-DE", "-2", "-2")]
    public void A_quantity_reads_as_the_writer_means_it(string culture, string typed, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), QuantityText.Read(typed, CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData("de-DE", "1.5.0")]
    [InlineData("de-DE", "1,2,5")]
    [InlineData("de-DE", "12.34,5")]
    [InlineData("en-US", "1,50.5")]
    [InlineData("en-US", "zwei")]
    [InlineData("en-US", "")]
    [InlineData("en-US", "--1")]
    public void Text_that_is_no_quantity_is_refused_not_guessed(string culture, string typed) =>
        Assert.Null(QuantityText.Read(typed, CultureInfo.GetCultureInfo(culture)));
}
