using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Customers;
using LeadsBlazor.Web.Features.Settings.Users;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Tests.Features.Customers;

/// <summary>The customer directory's use cases on the real database: numbers, unique names, versions, and who may do what.</summary>
public abstract class CompanyCommandsTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(provider: provider);

    public void Dispose() => _app.Dispose();

    private CompanyCommands Commands => _app.Get<CompanyCommands>();

    private static CompanyInput Named(string name) => new() { Name = name };

    private async Task<Company> LoadAsync(int companyId)
    {
        await using var db = _app.NewContext();
        return await db.Companies.AsNoTracking().Include(c => c.People).Include(c => c.History).AsSplitQuery().SingleAsync(c => c.Id == companyId);
    }

    private async Task<int> AddLeadAsync(int companyId, int? personId)
    {
        var stage = (await _app.StagesAsync())[0];
        var lead = await _app.AddRunningLeadAsync(stage.Id);
        await using var db = _app.NewContext();
        var stored = await db.Leads.Include(l => l.Company).Include(l => l.ContactPerson).SingleAsync(l => l.Id == lead.Id);
        var company = await db.Companies.Include(c => c.People).SingleAsync(c => c.Id == companyId);
        stored.ChangeCustomer(company, company.People.SingleOrDefault(p => p.Id == personId), _app.Actor);
        await db.SaveChangesAsync();
        return lead.Id;
    }

    [Fact]
    public async Task A_new_company_takes_the_next_customer_number_and_records_its_creation()
    {
        using var published = _app.Get<IEventBus>().Record();

        var first = await Commands.CreateAsync(Named("Müller GmbH") with { City = "München", CountryCode = "DE" }, _app.OwnerId);
        var second = await Commands.CreateAsync(Named("Schmid AG"), _app.OwnerId);

        var mueller = await LoadAsync(first);
        Assert.Equal(("K-0001", "München", "DE"), (mueller.Number, mueller.City, mueller.CountryCode));
        Assert.Equal("K-0002", (await LoadAsync(second)).Number);
        Assert.Contains(mueller.History, e => e.Kind == CompanyEventKind.Created && e.NewValue == "Müller GmbH" && e.UserId == _app.OwnerId);
        Assert.Equal([first], Assert.IsType<CustomersChanged>((await published.CountAsync(1))[0]).CompanyIds);
    }

    [Theory]
    [InlineData("Müller GmbH")]
    [InlineData("MUELLER gmbh")]
    [InlineData("müller  GmbH")]
    public async Task A_name_the_directory_has_in_any_spelling_is_refused_and_takes_no_number(string name)
    {
        await Commands.CreateAsync(Named("Müller GmbH"), _app.OwnerId);

        var error = await Assert.ThrowsAsync<DomainException>(() => Commands.CreateAsync(Named(name), _app.OwnerId));

        Assert.Equal(ErrorKeys.DuplicateName, error.MessageKey);
        await using var db = _app.NewContext();
        Assert.Equal(1, await db.Companies.CountAsync());
        Assert.Equal("K-0002", (await db.NumberRanges.SingleAsync(r => r.Kind == NumberRangeKind.Customer)).Peek(_app.Today));
    }

    [Fact]
    public async Task Of_two_simultaneous_creates_of_one_name_one_wins_and_the_other_hears_it_is_taken()
    {
        var first = _app.NewInstance<CompanyCommands>();
        var second = _app.NewInstance<CompanyCommands>();

        var results = await Task.WhenAll(
            Attempt(() => first.CreateAsync(Named("Müller GmbH"), _app.OwnerId)),
            Attempt(() => second.CreateAsync(Named("MUELLER GMBH"), _app.OwnerId)));

        Assert.Single(results, r => r is null);
        Assert.Equal(ErrorKeys.DuplicateName, Assert.Single(results, r => r is not null)!.MessageKey);
        await using var db = _app.NewContext();
        Assert.Equal(["K-0001"], await db.Companies.Select(c => c.Number).ToListAsync());

        static async Task<DomainException?> Attempt(Func<Task> create)
        {
            try
            {
                await create();
                return null;
            }
            catch (DomainException refused)
            {
                return refused;
            }
        }
    }

    [Fact]
    public async Task A_save_from_a_stale_form_is_refused_and_the_other_change_kept()
    {
        var id = await Commands.CreateAsync(Named("Müller GmbH"), _app.OwnerId);
        var seen = (await LoadAsync(id)).Version;
        await Commands.UpdateAsync(id, seen, Named("Müller GmbH") with { City = "Köln" }, _app.OwnerId);

        var error = await Assert.ThrowsAsync<DomainException>(() => Commands.UpdateAsync(id, seen, Named("Müller GmbH") with { City = "Bonn" }, _app.OwnerId));

        Assert.Equal(CompanyCommands.ChangedMeanwhile, error.MessageKey);
        Assert.Equal("Köln", (await LoadAsync(id)).City);
    }

    [Fact]
    public async Task A_rename_to_a_name_of_another_company_is_refused()
    {
        await Commands.CreateAsync(Named("Müller GmbH"), _app.OwnerId);
        var id = await Commands.CreateAsync(Named("Schmid AG"), _app.OwnerId);
        var version = (await LoadAsync(id)).Version;

        var error = await Assert.ThrowsAsync<DomainException>(() => Commands.UpdateAsync(id, version, Named("mueller GMBH"), _app.OwnerId));

        Assert.Equal(ErrorKeys.DuplicateName, error.MessageKey);
        Assert.Equal("Schmid AG", (await LoadAsync(id)).Name);
    }

    [Fact]
    public async Task A_member_keeps_the_directory_companies_and_persons()
    {
        var member = await _app.CreateMemberAsync();

        var id = await Commands.CreateAsync(Named("Müller GmbH"), member);
        await Commands.UpdateAsync(id, (await LoadAsync(id)).Version, Named("Müller GmbH") with { Phone = "+49 89 1234" }, member);
        var jana = await Commands.AddPersonAsync(id, PersonDetails.FromName("Jana Schmid"), member);
        await Commands.UpdatePersonAsync(jana, new PersonDetails(Salutation.Ms, "Jana", "Schmid", "Einkauf"), member);
        var otto = await Commands.AddPersonAsync(null, PersonDetails.FromName("Otto Privat"), member);
        await Commands.RemovePersonAsync(otto, member);

        var company = await LoadAsync(id);
        Assert.Equal("+49 89 1234", company.Phone);
        Assert.Equal(("Jana Schmid", "Einkauf"), (company.People.Single().Name, company.People.Single().Role));
        Assert.Contains(company.History, e => e.Kind == CompanyEventKind.PersonChanged && e.Field == "Role" && e.NewValue == "Einkauf" && e.UserId == member);
        await using var db = _app.NewContext();
        Assert.False(await db.People.AnyAsync(p => p.Id == otto));
    }

    [Fact]
    public async Task An_inactive_user_changes_nothing()
    {
        var member = await _app.CreateMemberAsync();
        var id = await Commands.CreateAsync(Named("Müller GmbH"), member);
        await _app.Get<UserCommands>().SetActiveAsync(member, false, _app.OwnerId);

        var create = await Assert.ThrowsAsync<DomainException>(() => Commands.CreateAsync(Named("Schmid AG"), member));
        var addPerson = await Assert.ThrowsAsync<DomainException>(() => Commands.AddPersonAsync(id, PersonDetails.FromName("Jana Schmid"), member));

        Assert.Equal([ErrorKeys.UnknownUser, ErrorKeys.UnknownUser], new[] { create.MessageKey, addPerson.MessageKey });
        Assert.Empty((await LoadAsync(id)).People);
    }

    [Fact]
    public async Task A_person_named_by_a_lead_is_not_removed()
    {
        var id = await Commands.CreateAsync(Named("Müller GmbH"), _app.OwnerId);
        var jana = await Commands.AddPersonAsync(id, PersonDetails.FromName("Jana Schmid"), _app.OwnerId);
        await AddLeadAsync(id, jana);

        var error = await Assert.ThrowsAsync<DomainException>(() => Commands.RemovePersonAsync(jana, _app.OwnerId));

        Assert.Equal(ErrorKeys.PersonHasLeads, error.MessageKey);
        Assert.Single((await LoadAsync(id)).People);
    }

    [Fact]
    public async Task The_owner_deletes_a_company_without_leads_with_its_persons()
    {
        var id = await Commands.CreateAsync(Named("Müller GmbH"), _app.OwnerId);
        var jana = await Commands.AddPersonAsync(id, PersonDetails.FromName("Jana Schmid"), _app.OwnerId);

        await Commands.DeleteAsync(id, _app.OwnerId);

        await using var db = _app.NewContext();
        Assert.False(await db.Companies.AnyAsync(c => c.Id == id));
        Assert.False(await db.People.AnyAsync(p => p.Id == jana));
        Assert.False(await db.CompanyEvents.AnyAsync(e => e.CompanyId == id));
    }

    [Fact]
    public async Task A_company_with_leads_is_not_deleted()
    {
        var id = await Commands.CreateAsync(Named("Müller GmbH"), _app.OwnerId);
        await AddLeadAsync(id, null);

        var error = await Assert.ThrowsAsync<DomainException>(() => Commands.DeleteAsync(id, _app.OwnerId));

        Assert.Equal(ErrorKeys.CompanyHasLeads, error.MessageKey);
        Assert.Equal("Müller GmbH", (await LoadAsync(id)).Name);
    }

    [Fact]
    public async Task The_owners_merge_moves_leads_persons_and_history_and_records_it()
    {
        var target = await Commands.CreateAsync(Named("Müller GmbH"), _app.OwnerId);
        var source = await Commands.CreateAsync(Named("Mueller und Söhne"), _app.OwnerId);
        var jana = await Commands.AddPersonAsync(source, PersonDetails.FromName("Jana Schmid"), _app.OwnerId);
        var lead = await AddLeadAsync(source, jana);

        await Commands.MergeAsync(source, target, _app.OwnerId);

        await using var db = _app.NewContext();
        var moved = await db.Leads.Include(l => l.Company).Include(l => l.ContactPerson).Include(l => l.History).SingleAsync(l => l.Id == lead);
        Assert.Equal(("Müller GmbH", "Jana Schmid"), (moved.Company!.Name, moved.ContactPerson!.Name));
        Assert.Contains(moved.History, e => e.Field == "Company" && e.OldValue == "Mueller und Söhne" && e.NewValue == "Müller GmbH");
        Assert.False(await db.Companies.AnyAsync(c => c.Id == source));
        var survivor = await LoadAsync(target);
        Assert.Equal([jana], survivor.People.Select(p => p.Id));
        Assert.Contains(survivor.History, e => e.Kind == CompanyEventKind.Created && e.NewValue == "Mueller und Söhne");
        Assert.Contains(survivor.History, e => e.Kind == CompanyEventKind.Merged && e.OldValue == "Mueller und Söhne (K-0002)" && e.UserId == _app.OwnerId);
    }

    [Fact]
    public async Task A_member_may_neither_merge_nor_delete_companies()
    {
        var member = await _app.CreateMemberAsync();
        var target = await Commands.CreateAsync(Named("Müller GmbH"), member);
        var source = await Commands.CreateAsync(Named("Schmid AG"), member);

        var merge = await Assert.ThrowsAsync<DomainException>(() => Commands.MergeAsync(source, target, member));
        var delete = await Assert.ThrowsAsync<DomainException>(() => Commands.DeleteAsync(source, member));

        Assert.Equal([ErrorKeys.OwnerOnly, ErrorKeys.OwnerOnly], new[] { merge.MessageKey, delete.MessageKey });
        await using var db = _app.NewContext();
        Assert.Equal(2, await db.Companies.CountAsync());
    }

    [Fact]
    public async Task A_deactivated_owner_may_neither_merge_nor_delete()
    {
        var second = await _app.CreateMemberAsync();
        var users = _app.Get<UserCommands>();
        await users.ChangeRoleAsync(second, true, _app.OwnerId);
        await users.SetActiveAsync(second, false, _app.OwnerId);
        var target = await Commands.CreateAsync(Named("Müller GmbH"), _app.OwnerId);
        var source = await Commands.CreateAsync(Named("Schmid AG"), _app.OwnerId);

        var merge = await Assert.ThrowsAsync<DomainException>(() => Commands.MergeAsync(source, target, second));
        var delete = await Assert.ThrowsAsync<DomainException>(() => Commands.DeleteAsync(source, second));

        Assert.Equal([ErrorKeys.OwnerOnly, ErrorKeys.OwnerOnly], new[] { merge.MessageKey, delete.MessageKey });
    }
}

public sealed class CompanyCommandsTestsOnSqlite() : CompanyCommandsTests(DatabaseProvider.Sqlite);

public sealed class CompanyCommandsTestsOnPostgres() : CompanyCommandsTests(DatabaseProvider.Postgres);
