using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Labels;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Tests.Features.Customers;

/// <summary>The company list: search as the directory compares names, number, city, email and contacts; labels and country; sort and paging in the database.</summary>
public abstract class CompanyListQueryTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false" }, provider: provider);

    public void Dispose() => _app.Dispose();

    private CompanyListQuery Query => _app.Get<CompanyListQuery>();

    private async Task<int> CompanyAsync(string name, string? city = null, string? country = null, string? email = null, IReadOnlyCollection<int>? labels = null) =>
        await _app.Get<CompanyCommands>().CreateAsync(new CompanyInput { Name = name, City = city, CountryCode = country, Email = email, LabelIds = labels ?? [] }, _app.OwnerId);

    private async Task<int> LabelAsync(string name)
    {
        await using var db = _app.NewContext();
        var label = db.Labels.Add(new Label(name, "#1565c0")).Entity;
        await db.SaveChangesAsync();
        return label.Id;
    }

    private async Task<IReadOnlyList<string>> NamesAsync(CompanyFilter filter, string? sortBy = null, bool descending = false, int page = 0, int pageSize = 50) =>
        [.. (await Query.GetAsync(filter, sortBy, descending, page, pageSize)).Rows.Select(r => r.Name)];

    private async Task ArrangeAsync()
    {
        var vip = await LabelAsync("VIP");
        await CompanyAsync("Müller GmbH", "München", "DE", labels: [vip]);
        await CompanyAsync("Mueller Bau", "Wien", "AT");
        await CompanyAsync("Schmid AG", "Zürich", "CH", "info@schmid.example", [vip]);
        await CompanyAsync("Écoles Réunies", "Genève", "CH");
    }

    [Theory]
    [InlineData("müller")]
    [InlineData("MUELLER")]
    [InlineData("Mueller")]
    public async Task The_search_finds_a_name_however_its_umlauts_and_case_are_written(string search)
    {
        await ArrangeAsync();

        Assert.Equal(["Mueller Bau", "Müller GmbH"], await NamesAsync(new CompanyFilter(search)));
    }

    [Fact]
    public async Task The_search_reads_accents_away_and_looks_at_number_city_email_and_contact_persons()
    {
        await ArrangeAsync();
        var schmid = (await Query.GetAsync(new CompanyFilter("Schmid"), null, false, 0, 10)).Rows.Single();
        await _app.Get<CompanyCommands>().AddPersonAsync(schmid.Id, PersonDetails.FromName("Jana Vogt"), _app.OwnerId);

        Assert.Equal(["Écoles Réunies"], await NamesAsync(new CompanyFilter("ecoles")));
        Assert.Equal(["Schmid AG"], await NamesAsync(new CompanyFilter(schmid.Number)));
        Assert.Equal(["Mueller Bau"], await NamesAsync(new CompanyFilter("wien")));
        Assert.Equal(["Schmid AG"], await NamesAsync(new CompanyFilter("schmid.example")));
        Assert.Equal(["Schmid AG"], await NamesAsync(new CompanyFilter("vogt")));
        Assert.Empty(await NamesAsync(new CompanyFilter("100%")));
    }

    [Fact]
    public async Task The_label_and_country_filters_narrow_the_list_and_combine()
    {
        await ArrangeAsync();
        await using var db = _app.NewContext();
        var vip = await db.Labels.Where(l => l.Name == "VIP").Select(l => l.Id).SingleAsync();

        Assert.Equal(["Müller GmbH", "Schmid AG"], await NamesAsync(new CompanyFilter(LabelIds: [vip])));
        Assert.Equal(["Écoles Réunies", "Schmid AG"], await NamesAsync(new CompanyFilter(CountryCode: "ch")));
        Assert.Equal(["Schmid AG"], await NamesAsync(new CompanyFilter(LabelIds: [vip], CountryCode: "CH")));
    }

    [Fact]
    public async Task The_list_sorts_by_number_name_city_country_and_open_leads_and_pages_with_the_total()
    {
        await ArrangeAsync();
        var stage = (await _app.StagesAsync())[0];
        await using (var db = _app.NewContext())
        {
            // Two open leads for Schmid, one for Mueller Bau, and a won one for Müller that does not count.
            var schmid = await db.Companies.SingleAsync(c => c.Name == "Schmid AG");
            var bau = await db.Companies.SingleAsync(c => c.Name == "Mueller Bau");
            var mueller = await db.Companies.SingleAsync(c => c.Name == "Müller GmbH");
            foreach (var (company, i) in new[] { schmid, schmid, bau, mueller }.Select((c, i) => (c, i)))
            {
                var lead = await _app.AddRunningLeadAsync(stage.Id, name: $"Lead {i}");
                var tracked = await db.Leads.Include(l => l.Company).Include(l => l.ContactPerson).SingleAsync(l => l.Id == lead.Id);
                tracked.ChangeCustomer(company, null, _app.Actor);
                if (company == mueller)
                {
                    tracked.Close(LeadStatus.Won, _app.Today, null, null, _app.Actor);
                }
            }

            await db.SaveChangesAsync();
        }

        Assert.Equal(["Écoles Réunies", "Mueller Bau", "Müller GmbH", "Schmid AG"], await NamesAsync(new CompanyFilter()));
        Assert.Equal(["Müller GmbH", "Mueller Bau", "Schmid AG", "Écoles Réunies"], await NamesAsync(new CompanyFilter(), nameof(CompanyRow.Number)));
        Assert.Equal(["Écoles Réunies", "Schmid AG", "Mueller Bau", "Müller GmbH"], await NamesAsync(new CompanyFilter(), nameof(CompanyRow.Number), descending: true));
        Assert.Equal(["Écoles Réunies", "Müller GmbH", "Mueller Bau", "Schmid AG"], await NamesAsync(new CompanyFilter(), nameof(CompanyRow.City)));
        Assert.Equal(["Mueller Bau", "Écoles Réunies", "Schmid AG", "Müller GmbH"], await NamesAsync(new CompanyFilter(), nameof(CompanyRow.CountryCode)));
        var byLeads = (await Query.GetAsync(new CompanyFilter(), nameof(CompanyRow.OpenLeads), true, 0, 10)).Rows;
        Assert.Equal([("Schmid AG", 2), ("Mueller Bau", 1), ("Écoles Réunies", 0), ("Müller GmbH", 0)], byLeads.Select(r => (r.Name, r.OpenLeads)));

        var second = await Query.GetAsync(new CompanyFilter(), nameof(CompanyRow.Number), false, 1, 3);
        Assert.Equal(4, second.Total);
        Assert.Equal(["Écoles Réunies"], second.Rows.Select(r => r.Name));
    }
}

public sealed class CompanyListQueryTestsOnSqlite() : CompanyListQueryTests(DatabaseProvider.Sqlite);

public sealed class CompanyListQueryTestsOnPostgres() : CompanyListQueryTests(DatabaseProvider.Postgres);
