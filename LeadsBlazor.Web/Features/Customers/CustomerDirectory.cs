using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Customers;

/// <summary>
/// Finds companies and contact persons by name, the one way the lead form and the import do: a name that
/// differs only in case ("überland ag" for "Überland AG") is the same entry, never a second one.
/// </summary>
public static class CustomerDirectory
{
    /// <summary>How two customer names compare: case-insensitive, umlauts included.</summary>
    public static readonly StringComparer NameComparer = StringComparer.InvariantCultureIgnoreCase;

    /// <summary>The companies (tracked, so a new lead can point to them) named any of <paramref name="names"/>, keyed by name.</summary>
    public static async Task<Dictionary<string, Company>> CompaniesNamedAsync(this LeadsDbContext db, IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = names.ToHashSet(NameComparer);
        var lengths = Lengths(wanted);
        var found = new Dictionary<string, Company>(NameComparer);
        foreach (var company in await db.Companies.Where(c => lengths.Contains(c.Name.Length)).ToListAsync(cancellationToken))
        {
            if (wanted.Contains(company.Name))
            {
                found.TryAdd(company.Name, company);
            }
        }

        return found;
    }

    /// <summary>The contact persons (tracked) named any of <paramref name="names"/>, keyed by name.</summary>
    public static async Task<Dictionary<string, Person>> PeopleNamedAsync(this LeadsDbContext db, IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = names.ToHashSet(NameComparer);
        var lengths = Lengths(wanted);
        var found = new Dictionary<string, Person>(NameComparer);
        foreach (var person in await db.People.Where(p => lengths.Contains(p.Name.Length)).ToListAsync(cancellationToken))
        {
            if (wanted.Contains(person.Name))
            {
                found.TryAdd(person.Name, person);
            }
        }

        return found;
    }

    // SQLite's lower() and LIKE fold only ASCII letters, so the database narrows by length (case never changes a
    // name's length) and .NET compares what is left, umlauts included.
    private static List<int> Lengths(IEnumerable<string> names) => [.. names.Select(n => n.Length).Distinct()];
}
