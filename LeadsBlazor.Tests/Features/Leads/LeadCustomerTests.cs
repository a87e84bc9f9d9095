using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Customers;
using LeadsBlazor.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Tests.Features.Leads;

/// <summary>A lead's customer and contact come from the directory; ones typed in the lead form join it on save.</summary>
public abstract class LeadCustomerTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(provider: provider);

    public void Dispose() => _app.Dispose();

    private LeadCommands Leads => _app.Get<LeadCommands>();

    private CompanyCommands Companies => _app.Get<CompanyCommands>();

    private LeadInput Input(string name = "Relaunch Website") => new()
    {
        Name = name,
        ResponsibleUserId = _app.OwnerId,
        Revenue = 5_000m,
        NextActionOn = _app.Today.AddDays(2),
    };

    private async Task<Company> CompanyAsync(int? leadId)
    {
        await using var db = _app.NewContext();
        var companyId = (await db.Leads.SingleAsync(l => l.Id == leadId)).CompanyId;
        return await db.Companies.Include(c => c.People).Include(c => c.History).SingleAsync(c => c.Id == companyId);
    }

    [Fact]
    public async Task A_customer_and_contact_typed_in_the_lead_form_join_the_directory_with_a_number_and_history()
    {
        var id = await Leads.CreateAsync(Input() with { NewCompanyName = "Seilbahnen Engadin AG", NewContactName = "Gian Caduff" }, _app.OwnerId);

        var company = await CompanyAsync(id);
        Assert.Equal(("Seilbahnen Engadin AG", "K-0001"), (company.Name, company.Number));
        Assert.Equal(("Gian", "Caduff"), (Assert.Single(company.People).FirstName, company.People.Single().LastName));
        Assert.Contains(company.History, e => e.Kind == CompanyEventKind.Created);
        Assert.Contains(company.History, e => e is { Kind: CompanyEventKind.PersonAdded, Subject: "Gian Caduff" });
        var lead = await _app.ReloadAsync(id);
        Assert.Equal(company.People.Single().Id, lead.ContactPersonId);
    }

    [Fact]
    public async Task A_typed_name_in_other_case_and_umlaut_spelling_is_the_existing_customer()
    {
        var existing = await Companies.CreateAsync(new CompanyInput { Name = "Müller GmbH" }, _app.OwnerId);

        var first = await Leads.CreateAsync(Input("Erster") with { NewCompanyName = "MÜLLER gmbh" }, _app.OwnerId);
        var second = await Leads.CreateAsync(Input("Zweiter") with { NewCompanyName = "mueller GmbH" }, _app.OwnerId);

        Assert.Equal((existing, existing), ((await _app.ReloadAsync(first)).CompanyId, (await _app.ReloadAsync(second)).CompanyId));
        await using var db = _app.NewContext();
        Assert.Equal(1, await db.Companies.CountAsync());
    }

    [Fact]
    public async Task A_person_of_another_company_cannot_be_the_contact()
    {
        var alpen = await Companies.CreateAsync(new CompanyInput { Name = "Alpenblick Hotels AG" }, _app.OwnerId);
        var julia = await Companies.AddPersonAsync(alpen, PersonDetails.FromName("Julia Hoffmann"), _app.OwnerId);
        var other = await Companies.CreateAsync(new CompanyInput { Name = "Bodensee Reisen GmbH" }, _app.OwnerId);

        var error = await Assert.ThrowsAsync<DomainException>(() => Leads.CreateAsync(Input() with { CompanyId = other, ContactPersonId = julia }, _app.OwnerId));

        Assert.Equal(("ContactPerson", ErrorKeys.PersonOfOtherCompany), (error.Field, error.MessageKey));
        await using var db = _app.NewContext();
        Assert.Equal(0, await db.Leads.CountAsync());
    }

    [Fact]
    public async Task A_contact_chosen_without_a_customer_brings_their_company()
    {
        var alpen = await Companies.CreateAsync(new CompanyInput { Name = "Alpenblick Hotels AG" }, _app.OwnerId);
        var julia = await Companies.AddPersonAsync(alpen, PersonDetails.FromName("Julia Hoffmann"), _app.OwnerId);

        var id = await Leads.CreateAsync(Input() with { ContactPersonId = julia }, _app.OwnerId);

        var lead = await _app.ReloadAsync(id);
        Assert.Equal((alpen, julia), (lead.CompanyId, lead.ContactPersonId));
    }
}

public sealed class LeadCustomerTestsOnSqlite() : LeadCustomerTests(DatabaseProvider.Sqlite);

public sealed class LeadCustomerTestsOnPostgres() : LeadCustomerTests(DatabaseProvider.Postgres);
