using System.Globalization;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;

namespace LeadsBlazor.Tests.Domain;

/// <summary>An address is printed as the destination country's post reads it (DIN 5008, UPU).</summary>
public sealed class PostalAddressTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [Fact]
    public void A_letter_within_Germany_has_no_country_line()
    {
        var address = new PostalAddress("Hauptstraße 5", "80331", "München", "DE");

        Assert.Equal(["Hauptstraße 5", "80331 München"], address.Lines("DE", German));
    }

    [Fact]
    public void A_letter_abroad_ends_with_the_country_in_capitals_in_the_writers_language()
    {
        var address = new PostalAddress("Bahnhofstrasse 1", "8001", "Zürich", "ch");

        Assert.Equal(["Bahnhofstrasse 1", "8001 Zürich", "SCHWEIZ"], address.Lines("DE", German));
        Assert.Equal("SWITZERLAND", address.Lines("DE", English)[^1]);
    }

    [Fact]
    public void A_British_address_has_the_town_in_capitals_and_the_postcode_on_its_own_line()
    {
        var address = new PostalAddress("10 Downing Street", "SW1A 2AA", "London", "GB");

        Assert.Equal(["10 Downing Street", "LONDON", "SW1A 2AA", "VEREINIGTES KÖNIGREICH"], address.Lines("DE", German));
    }

    [Fact]
    public void A_street_of_several_lines_keeps_them()
    {
        var address = new PostalAddress("c/o Schmid AG\nPostfach 12", "1010", "Wien", "AT");

        Assert.Equal(["c/o Schmid AG", "Postfach 12", "1010 Wien"], address.Lines("AT", German));
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("Deutschland")]
    [InlineData("D")]
    public void An_unknown_country_code_is_refused(string code)
    {
        var error = Assert.Throws<DomainException>(() => new PostalAddress("Hauptstraße 5", "80331", "München", code));

        Assert.Equal((nameof(PostalAddress.CountryCode), ErrorKeys.UnknownCountry), (error.Field, error.MessageKey));
    }
}
