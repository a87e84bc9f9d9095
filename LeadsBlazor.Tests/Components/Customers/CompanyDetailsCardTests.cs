using Bunit;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Features.Customers;

namespace LeadsBlazor.Tests.Components.Customers;

public sealed class CompanyDetailsCardTests
{
    private static Company Alpenblick()
    {
        var actor = new Actor("u1", new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        var company = new Company("Alpenblick AG", "K-0001", actor);
        company.ChangeDetails(new CompanyDetails(new PostalAddress("Bahnhofstrasse 1", "8001", "Zürich", "CH"), "www.alpenblick.ch", "+41 44 123 45 67", "info@alpenblick.ch"), actor);
        return company;
    }

    [Theory]
    [InlineData("en-US", "DE", new[] { "Bahnhofstrasse 1", "8001 Zürich", "SWITZERLAND" })]
    [InlineData("de-DE", "DE", new[] { "Bahnhofstrasse 1", "8001 Zürich", "SCHWEIZ" })]
    [InlineData("de-CH", "CH", new[] { "Bahnhofstrasse 1", "8001 Zürich" })]
    public async Task The_address_is_printed_as_a_letter_from_the_accounts_country_names_it_in_the_readers_language(string culture, string sender, string[] lines)
    {
        await using var context = ComponentContext.Create(culture);

        var card = context.Render<CompanyDetailsCard>(p => p.Add(c => c.Company, Alpenblick()).Add(c => c.SenderCountryCode, sender));

        Assert.Equal(lines, card.FindAll("[data-testid=company-address] div").Select(d => d.TextContent));
    }

    [Fact]
    public async Task Website_phone_and_email_are_links_that_open_the_site_the_phone_and_the_mail_program()
    {
        await using var context = ComponentContext.Create();

        var card = context.Render<CompanyDetailsCard>(p => p.Add(c => c.Company, Alpenblick()).Add(c => c.SenderCountryCode, "DE"));

        var website = card.Find("[data-testid=company-website]");
        Assert.Equal("https://www.alpenblick.ch/", website.GetAttribute("href"));
        Assert.Equal("noopener noreferrer", website.GetAttribute("rel"));
        Assert.Equal("tel:+41 44 123 45 67", card.Find("[data-testid=company-phone]").GetAttribute("href"));
        Assert.Equal("mailto:info@alpenblick.ch", card.Find("[data-testid=company-email]").GetAttribute("href"));
        Assert.Equal("Währung des Accounts", card.Find("[data-testid=company-currency]").TextContent);
    }
}
