using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Customers;

/// <summary>How a letter greets a person: "Sehr geehrte Frau …", "Sehr geehrter Herr …", or by full name.</summary>
public enum Salutation
{
    None = 0,
    Ms = 1,
    Mr = 2,
}

/// <summary>What a user enters for a contact person.</summary>
public sealed record PersonDetails(Salutation Salutation, string? FirstName, string? LastName, string? Role = null, string? Email = null, string? Phone = null, string? Mobile = null)
{
    /// <summary>A name typed as one text ("Jana Schmid"): the last word is the last name.</summary>
    public static PersonDetails FromName(string? name, string? email = null)
    {
        var trimmed = name?.Trim() ?? "";
        var space = trimmed.LastIndexOf(' ');
        return space < 0
            ? new PersonDetails(Salutation.None, null, trimmed, Email: email)
            : new PersonDetails(Salutation.None, trimmed[..space], trimmed[(space + 1)..], Email: email);
    }
}

/// <summary>
/// A contact person: of one <see cref="Company"/> (which records every change in its history), or of none, for a
/// private client. <see cref="Name"/> is the full name the lists, the search and the import use.
/// </summary>
public sealed class Person
{
    private Person()
    {
        Name = "";
        LastName = "";
    }

    /// <summary>A private client, of no company.</summary>
    public Person(PersonDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        Apply(details);
        LastName ??= "";
        Name ??= "";
    }

    public int Id { get; private set; }

    public Salutation Salutation { get; private set; }

    public string? FirstName { get; private set; }

    public string LastName { get; private set; }

    /// <summary>First and last name, as shown and searched.</summary>
    public string Name { get; private set; }

    /// <summary>The person's role at the company, e.g. "Einkauf" or "Geschäftsführerin".</summary>
    public string? Role { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public string? Mobile { get; private set; }

    public int? CompanyId { get; private set; }

    public Company? Company { get; private set; }

    public PersonDetails Details => new(Salutation, FirstName, LastName, Role, Email, Phone, Mobile);

    /// <summary>Changes a private client's details; a company's contact changes through <see cref="Company.ChangePerson"/>, which records it.</summary>
    public void Update(PersonDetails details)
    {
        if (CompanyId is not null || Company is not null)
        {
            throw new InvalidOperationException($"{Name} is a contact of a company; change them through the company.");
        }

        Apply(details);
    }

    internal void BelongTo(Company? company)
    {
        Company = company;
        CompanyId = company is null || company.Id == 0 ? null : company.Id;
    }

    /// <summary>Applies <paramref name="details"/> and says which fields changed (name, old, new), for the company's history.</summary>
    internal IReadOnlyList<(string Field, string? Old, string? New)> Apply(PersonDetails details)
    {
        var lastName = Text.Required(details.LastName, nameof(LastName), 100);
        var firstName = Text.Optional(details.FirstName, nameof(FirstName), 100);
        var role = Text.Optional(details.Role, nameof(Role), 100);
        var email = EmailAddress.Optional(details.Email, nameof(Email));
        var phone = Text.Optional(details.Phone, nameof(Phone), 50);
        var mobile = Text.Optional(details.Mobile, nameof(Mobile), 50);
        if (!Enum.IsDefined(details.Salutation))
        {
            throw new DomainException(nameof(Salutation), ErrorKeys.Required);
        }

        var changes = new List<(string, string?, string?)>();
        void Set(string field, string? old, string? value, Action<string?> assign)
        {
            if (!string.Equals(old, value, StringComparison.Ordinal))
            {
                changes.Add((field, old, value));
                assign(value);
            }
        }

        Set(nameof(Salutation), Salutation.ToString(), details.Salutation.ToString(), _ => Salutation = details.Salutation);
        Set(nameof(FirstName), FirstName, firstName, v => FirstName = v);
        Set(nameof(LastName), LastName, lastName, v => LastName = v!);
        Set(nameof(Role), Role, role, v => Role = v);
        Set(nameof(Email), Email, email, v => Email = v);
        Set(nameof(Phone), Phone, phone, v => Phone = v);
        Set(nameof(Mobile), Mobile, mobile, v => Mobile = v);
        Name = firstName is null ? lastName : $"{firstName} {lastName}";
        return changes;
    }
}
