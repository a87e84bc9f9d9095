using System.Globalization;
using LeadsBlazor.Web.Features.Customers;

namespace LeadsBlazor.Tests.Features.Customers;

/// <summary>The company form's country list: named in the reader's language, Germany, Austria and Switzerland first.</summary>
public sealed class CountryOptionsTests
{
    [Theory]
    [InlineData("de-DE", "Deutschland", "Österreich", "Schweiz", "Frankreich")]
    [InlineData("en-GB", "Germany", "Austria", "Switzerland", "France")]
    public void Countries_are_named_in_the_readers_language_with_the_home_markets_first(string culture, string germany, string austria, string switzerland, string france)
    {
        var countries = CompanyFormQuery.Countries(CultureInfo.GetCultureInfo(culture));

        Assert.Equal([("DE", germany), ("AT", austria), ("CH", switzerland)], countries.Take(3).Select(c => (c.Code, c.Name)));
        Assert.Equal(france, countries.Single(c => c.Code == "FR").Name);
        Assert.Equal(countries.Count, countries.Select(c => c.Code).Distinct().Count());
        var rest = countries.Skip(3).Select(c => c.Name).ToList();
        Assert.Equal(rest.Order(StringComparer.Create(CultureInfo.GetCultureInfo(culture), ignoreCase: true)), rest);
    }
}
