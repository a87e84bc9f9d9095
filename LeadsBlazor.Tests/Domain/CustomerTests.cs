using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Leads;

namespace LeadsBlazor.Tests.Domain;

/// <summary>The rules of the customer directory: names, contact persons, delete and merge.</summary>
public sealed class CustomerTests
{
    private static readonly Actor Anna = LeadBuilder.Anna;

    private static Company NewCompany(string name = "Müller GmbH", string number = "K-0001") => new(name, number, Anna);

    [Theory]
    [InlineData("MUELLER gmbh")]
    [InlineData("müller  GmbH")]
    [InlineData("  MÜLLER GMBH ")]
    [InlineData("Mueller GmbH")]
    [InlineData("Mu\u0308ller GmbH")] // "ü" as u and a combining mark, as macOS writes it
    public void Names_that_differ_in_case_umlaut_spelling_or_spaces_are_one_name(string other)
    {
        Assert.Equal(CustomerName.Key("Müller GmbH"), CustomerName.Key(other));
    }

    [Fact]
    public void Sharp_s_and_accents_fold_as_a_German_writes_them_without()
    {
        Assert.Equal(CustomerName.Key("Straßenbau Weiß"), CustomerName.Key("Strassenbau Weiss"));
        Assert.Equal(CustomerName.Key("Café René"), CustomerName.Key("cafe rene"));
    }

    // Written out, ü is "ue" (the German convention on keyboards without umlauts); a bare u is another letter,
    // and "Muller" is another family's name, so the two must stay two customers.
    [Fact]
    public void An_umlaut_is_not_its_bare_vowel()
    {
        Assert.NotEqual(CustomerName.Key("Müller"), CustomerName.Key("Muller"));
    }

    [Theory]
    [InlineData("Müller GmbH")]
    [InlineData("MUELLER gmbh")]
    [InlineData("müller  GmbH")]
    public void A_name_the_directory_has_in_any_spelling_is_refused(string name)
    {
        var taken = new[] { CustomerName.Key("Müller GmbH"), CustomerName.Key("Schmid AG") };

        var error = Assert.Throws<DomainException>(() => Company.EnsureUnique(name, taken));

        Assert.Equal(ErrorKeys.DuplicateName, error.MessageKey);
        Assert.Equal(name.Trim(), error.Arguments[0]);
    }

    [Fact]
    public void A_different_name_is_accepted()
    {
        Company.EnsureUnique("Muller GmbH", [CustomerName.Key("Müller GmbH")]);
    }

    [Fact]
    public void A_new_company_keeps_its_name_key_and_records_its_creation()
    {
        var company = NewCompany("Müller GmbH", "K-0007");

        Assert.Equal(("K-0007", "Müller GmbH", CustomerName.Key("MUELLER GMBH")), (company.Number, company.Name, company.NameKey));
        var created = Assert.Single(company.History);
        Assert.Equal((CompanyEventKind.Created, "Müller GmbH", "anna"), (created.Kind, created.NewValue, created.UserId));
    }

    [Fact]
    public void A_rename_updates_the_key_and_the_history_says_old_and_new()
    {
        var company = NewCompany("Müller GmbH");

        company.Rename("Müller & Söhne GmbH", Anna);

        Assert.Equal(CustomerName.Key("mueller & soehne gmbh"), company.NameKey);
        var renamed = company.History.Last();
        Assert.Equal((CompanyEventKind.FieldChanged, "Name", "Müller GmbH", "Müller & Söhne GmbH"), (renamed.Kind, renamed.Field, renamed.OldValue, renamed.NewValue));
    }

    [Fact]
    public void A_person_added_to_a_company_belongs_to_it_and_the_company_records_it()
    {
        var company = NewCompany();

        var person = company.AddPerson(new PersonDetails(Salutation.Ms, "Jana", "Schmid", "Einkauf"), Anna);

        Assert.Same(company, person.Company);
        Assert.Equal("Jana Schmid", person.Name);
        Assert.Contains(person, company.People);
        var added = company.History.Last();
        Assert.Equal((CompanyEventKind.PersonAdded, "Jana Schmid", "Jana Schmid"), (added.Kind, added.Subject, added.NewValue));
    }

    [Fact]
    public void A_changed_person_leaves_each_changed_field_in_the_companys_history()
    {
        var company = NewCompany();
        var person = company.AddPerson(new PersonDetails(Salutation.Ms, "Jana", "Schmid", "Einkauf"), Anna);

        company.ChangePerson(person, new PersonDetails(Salutation.Ms, "Jana", "Schmid-Berger", "Geschäftsführerin"), Anna);

        var changes = company.History.Where(e => e.Kind == CompanyEventKind.PersonChanged).ToList();
        Assert.Equal(
            [("LastName", "Schmid", "Schmid-Berger"), ("Role", "Einkauf", "Geschäftsführerin")],
            changes.Select(e => (e.Field, e.OldValue, e.NewValue)));
        Assert.All(changes, e => Assert.Equal("Jana Schmid", e.Subject));
        Assert.Equal("Jana Schmid-Berger", person.Name);
    }

    [Fact]
    public void A_name_typed_as_one_text_splits_at_its_last_space()
    {
        Assert.Equal(("Hans Peter", "Müller"), (PersonDetails.FromName("Hans Peter Müller").FirstName, PersonDetails.FromName("Hans Peter Müller").LastName));
        Assert.Equal((null, "Jana"), (PersonDetails.FromName(" Jana ").FirstName, PersonDetails.FromName(" Jana ").LastName));
    }

    [Fact]
    public void A_person_named_by_leads_cannot_be_removed()
    {
        var company = NewCompany();
        var person = company.AddPerson(PersonDetails.FromName("Jana Schmid"), Anna);

        var error = Assert.Throws<DomainException>(() => company.RemovePerson(person, leadsNamingThem: 2, Anna));

        Assert.Equal((ErrorKeys.PersonHasLeads, "Jana Schmid", 2), (error.MessageKey, error.Arguments[0], error.Arguments[1]));
        Assert.Contains(person, company.People);
    }

    [Fact]
    public void A_person_no_lead_names_is_removed_and_the_company_records_it()
    {
        var company = NewCompany();
        var person = company.AddPerson(PersonDetails.FromName("Jana Schmid"), Anna);

        company.RemovePerson(person, leadsNamingThem: 0, Anna);

        Assert.Empty(company.People);
        var removed = company.History.Last();
        Assert.Equal((CompanyEventKind.PersonRemoved, "Jana Schmid", "Jana Schmid", null), (removed.Kind, removed.Subject, removed.OldValue, removed.NewValue));
    }

    [Fact]
    public void A_private_client_belongs_to_no_company()
    {
        var client = new Person(PersonDetails.FromName("Jana Schmid"));

        Assert.Null(client.Company);
        Assert.Null(client.CompanyId);
        client.Update(new PersonDetails(Salutation.Ms, "Jana", "Schmid", Email: "jana@example.com"));
        Assert.Equal("jana@example.com", client.Email);
    }

    [Fact]
    public void A_lead_refuses_a_contact_of_another_company()
    {
        var mueller = NewCompany("Müller GmbH", "K-0001");
        var schmid = NewCompany("Schmid AG", "K-0002");
        var jana = schmid.AddPerson(PersonDetails.FromName("Jana Schmid"), Anna);
        var lead = LeadBuilder.Potential();

        var error = Assert.Throws<DomainException>(() => lead.ChangeCustomer(mueller, jana, Anna));

        Assert.Equal((ErrorKeys.PersonOfOtherCompany, "Jana Schmid", "Schmid AG"), (error.MessageKey, error.Arguments[0], error.Arguments[1]));
        Assert.Null(lead.Company);
    }

    [Fact]
    public void A_lead_takes_a_contact_of_its_company_or_a_private_client()
    {
        var schmid = NewCompany("Schmid AG", "K-0002");
        var jana = schmid.AddPerson(PersonDetails.FromName("Jana Schmid"), Anna);
        var client = new Person(PersonDetails.FromName("Otto Privat"));
        var lead = LeadBuilder.Potential();
        var other = LeadBuilder.Potential();

        lead.ChangeCustomer(schmid, jana, Anna);
        other.ChangeCustomer(null, client, Anna);

        Assert.Equal(("Schmid AG", "Jana Schmid"), (lead.Company!.Name, lead.ContactPerson!.Name));
        Assert.Equal((null, "Otto Privat"), (other.Company?.Name, other.ContactPerson!.Name));
    }

    [Fact]
    public void A_company_with_leads_refuses_delete()
    {
        var company = NewCompany("Müller GmbH");

        var error = Assert.Throws<DomainException>(() => company.EnsureDeletable(leads: 3));

        Assert.Equal((ErrorKeys.CompanyHasLeads, "Müller GmbH", 3), (error.MessageKey, error.Arguments[0], error.Arguments[1]));
        company.EnsureDeletable(leads: 0);
    }

    [Fact]
    public void A_merge_moves_leads_persons_and_history_and_leaves_a_trace()
    {
        var source = NewCompany("MUELLER GMBH", "K-0003");
        var target = NewCompany("Müller GmbH", "K-0001");
        var jana = source.AddPerson(PersonDetails.FromName("Jana Schmid"), Anna);
        var leads = new[] { LeadBuilder.Potential(), LeadBuilder.Potential() };
        leads[0].ChangeCustomer(source, jana, Anna);
        leads[1].ChangeCustomer(source, null, Anna);
        var sourceHistory = source.History.ToList();

        CustomerMerge.Merge(source, target, leads, [], Anna);

        Assert.All(leads, l => Assert.Same(target, l.Company));
        Assert.Same(jana, leads[0].ContactPerson);
        Assert.All(leads, l => Assert.Contains(l.History, e => e.Field == nameof(Lead.Company) && e.OldValue == "MUELLER GMBH" && e.NewValue == "Müller GmbH"));
        Assert.Same(target, jana.Company);
        Assert.Equal([jana], target.People);
        Assert.Empty(source.People);
        Assert.All(sourceHistory, e => Assert.Contains(e, target.History));
        Assert.Empty(source.History);
        var merged = target.History.Last();
        Assert.Equal((CompanyEventKind.Merged, "MUELLER GMBH (K-0003)", "Müller GmbH", "anna"), (merged.Kind, merged.OldValue, merged.NewValue, merged.UserId));
    }

    [Fact]
    public void A_company_cannot_be_merged_into_itself()
    {
        var company = NewCompany();
        var lead = LeadBuilder.Potential();
        lead.ChangeCustomer(company, null, Anna);

        var error = Assert.Throws<DomainException>(() => CustomerMerge.Merge(company, company, [lead], [], Anna));

        Assert.Equal(ErrorKeys.MergeIntoItself, error.MessageKey);
        Assert.DoesNotContain(company.History, e => e.Kind == CompanyEventKind.Merged);
    }
}
