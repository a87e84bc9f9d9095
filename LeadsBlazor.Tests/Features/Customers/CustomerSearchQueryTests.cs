using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Customers;

namespace LeadsBlazor.Tests.Features.Customers;

/// <summary>The lead form's search in the directory: folded names, number starts, at most 20, and only persons who fit the chosen customer.</summary>
public abstract class CustomerSearchQueryTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(provider: provider);

    public void Dispose() => _app.Dispose();

    private CustomerSearchQuery Search => _app.Get<CustomerSearchQuery>();

    private CompanyCommands Companies => _app.Get<CompanyCommands>();

    [Fact]
    public async Task A_company_is_found_by_any_spelling_of_its_name_or_the_start_of_its_number_with_number_and_city()
    {
        await Companies.CreateAsync(new CompanyInput { Name = "Bodensee Reisen GmbH", City = "Konstanz", CountryCode = "DE" }, _app.OwnerId);
        await Companies.CreateAsync(new CompanyInput { Name = "Müller Söhne GmbH", City = "Graz", CountryCode = "AT" }, _app.OwnerId);

        Assert.Equal(new CompanyOption(2, "Müller Söhne GmbH", "K-0002", "Graz"), Assert.Single(await Search.CompaniesAsync("mueller soehne")));
        Assert.Equal("Müller Söhne GmbH", Assert.Single(await Search.CompaniesAsync("MÜLLER")).Name);
        Assert.Equal("Bodensee Reisen GmbH", Assert.Single(await Search.CompaniesAsync("K-0001")).Name);
        Assert.Empty(await Search.CompaniesAsync("Zermatt"));
    }

    [Fact]
    public async Task At_most_twenty_companies_come_those_starting_with_the_text_first()
    {
        for (var i = 1; i <= 25; i++)
        {
            await Companies.CreateAsync(new CompanyInput { Name = $"Agentur Nord {i:00}" }, _app.OwnerId);
        }

        await Companies.CreateAsync(new CompanyInput { Name = "Nordlicht AG" }, _app.OwnerId);

        var found = await Search.CompaniesAsync("nord");

        Assert.Equal(CustomerSearchQuery.Limit, found.Count);
        Assert.Equal("Nordlicht AG", found[0].Name);
    }

    [Fact]
    public async Task With_a_customer_chosen_its_persons_come_first_then_private_clients_and_no_one_of_another_company()
    {
        var alpen = await Companies.CreateAsync(new CompanyInput { Name = "Alpenblick Hotels AG" }, _app.OwnerId);
        var other = await Companies.CreateAsync(new CompanyInput { Name = "Bodensee Reisen GmbH" }, _app.OwnerId);
        await Companies.AddPersonAsync(other, PersonDetails.FromName("Anna Schmid"), _app.OwnerId);
        await Companies.AddPersonAsync(null, PersonDetails.FromName("Jana Schmidt"), _app.OwnerId);
        await Companies.AddPersonAsync(alpen, PersonDetails.FromName("Urs Schmid", "urs@alpenblick.example"), _app.OwnerId);

        var ofAlpen = await Search.PeopleAsync("schmid", alpen);
        var anyone = await Search.PeopleAsync("schmid", null);

        Assert.Equal(["Urs Schmid", "Jana Schmidt"], ofAlpen.Select(p => p.Name));
        Assert.Equal(["Alpenblick Hotels AG", null], ofAlpen.Select(p => p.Company?.Name));
        Assert.Equal(3, anyone.Count);
        Assert.Contains(anyone, p => p is { Name: "Anna Schmid", Company.Name: "Bodensee Reisen GmbH" });
        Assert.Equal("Urs Schmid", Assert.Single(await Search.PeopleAsync("URS@alpenblick", null)).Name);
    }
}

public sealed class CustomerSearchQueryTestsOnSqlite() : CustomerSearchQueryTests(DatabaseProvider.Sqlite);

public sealed class CustomerSearchQueryTestsOnPostgres() : CustomerSearchQueryTests(DatabaseProvider.Postgres);
