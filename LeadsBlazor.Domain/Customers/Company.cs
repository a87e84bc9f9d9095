using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Customers;

/// <summary>A customer company from the small directory the lead form picks from.</summary>
public sealed class Company
{
    private Company()
    {
        Name = "";
    }

    public Company(string name) => Name = Text.Required(name, nameof(Name));

    public int Id { get; private set; }

    public string Name { get; private set; }

    public void Rename(string name) => Name = Text.Required(name, nameof(Name));
}
