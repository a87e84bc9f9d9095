using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Customers;

/// <summary>A contact person, optionally working for a <see cref="Company"/>.</summary>
public sealed class Person
{
    private Person()
    {
        Name = "";
    }

    public Person(string name, string? email = null, string? phone = null, Company? company = null)
    {
        Name = Text.Required(name, nameof(Name));
        Email = Text.Optional(email, nameof(Email));
        Phone = Text.Optional(phone, nameof(Phone), 50);
        Company = company;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public int? CompanyId { get; private set; }

    public Company? Company { get; private set; }
}
