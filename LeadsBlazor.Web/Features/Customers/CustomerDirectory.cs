using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Customers;

/// <summary>
/// Finds and creates companies and contact persons the one way the lead form, the company pages and both imports do:
/// a name that <see cref="CustomerName"/> folds to the same key ("MÜLLER gmbh" for "Müller GmbH") is the same entry.
/// </summary>
public static class CustomerDirectory
{
    /// <summary>How two customer names compare: as <see cref="CustomerName.Key"/> folds them.</summary>
    public static readonly IEqualityComparer<string> NameComparer = new KeyComparer();

    /// <summary>The companies (tracked, so a new lead can point to them) named any of <paramref name="names"/>, keyed by name.</summary>
    public static async Task<Dictionary<string, Company>> CompaniesNamedAsync(this LeadsDbContext db, IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var keys = names.Select(CustomerName.Key).Distinct().ToList();
        var found = new Dictionary<string, Company>(NameComparer);
        foreach (var chunk in keys.Chunk(500))
        {
            foreach (var company in await db.Companies.Where(c => chunk.Contains(c.NameKey)).ToListAsync(cancellationToken))
            {
                found.TryAdd(company.Name, company);
            }
        }

        return found;
    }

    /// <summary>The contact persons (tracked, with their company) named any of <paramref name="names"/>.</summary>
    public static async Task<List<Person>> PeopleNamedAsync(this LeadsDbContext db, IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = names.Select(n => n.Trim()).ToHashSet(StringComparer.InvariantCultureIgnoreCase);

        // SQLite's lower() folds only ASCII letters, so the database narrows by length (case never changes a name's
        // length) and .NET compares what is left, umlauts included.
        var lengths = wanted.Select(n => n.Length).Distinct().ToList();
        var candidates = await db.People.Include(p => p.Company).Where(p => lengths.Contains(p.Name.Length)).ToListAsync(cancellationToken);
        return [.. candidates.Where(p => wanted.Contains(p.Name))];
    }

    /// <summary>The person named <paramref name="name"/> of <paramref name="company"/> (of none, for a private client), if the list has one.</summary>
    public static Person? Of(this IEnumerable<Person> people, string name, Company? company) =>
        people.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.InvariantCultureIgnoreCase)
            && (company is null ? p.CompanyId is null && p.Company is null : ReferenceEquals(p.Company, company) || (company.Id != 0 && p.CompanyId == company.Id)));

    /// <summary>
    /// A new company with the next customer number, added to <paramref name="db"/>. A name the directory already has is refused
    /// (the database's unique key would refuse it too, but this says which name).
    /// </summary>
    public static async Task<Company> NewCompanyAsync(this LeadsDbContext db, string name, Actor actor, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = CustomerName.Key(name);
        var taken = db.Companies.Local.Where(c => c.NameKey == key).Select(c => c.NameKey).ToList();
        if (taken.Count == 0 && await db.Companies.AnyAsync(c => c.NameKey == key, cancellationToken))
        {
            taken.Add(key);
        }

        Company.EnsureUnique(name, taken);
        var company = new Company(name, (await db.NumberRangeAsync(NumberRangeKind.Customer, cancellationToken)).Take(today), actor);
        db.Companies.Add(company);
        return company;
    }

    private sealed class KeyComparer : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) => x is null ? y is null : y is not null && CustomerName.Key(x) == CustomerName.Key(y);

        public int GetHashCode(string obj) => CustomerName.Key(obj).GetHashCode(StringComparison.Ordinal);
    }
}
