using System.Linq.Expressions;
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
    public static Task<Dictionary<string, Company>> CompaniesNamedAsync(this LeadsDbContext db, IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return NamedAsync(db.Companies, c => c.Name, names, cancellationToken);
    }

    /// <summary>The contact persons (tracked) named any of <paramref name="names"/>, keyed by name.</summary>
    public static Task<Dictionary<string, Person>> PeopleNamedAsync(this LeadsDbContext db, IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return NamedAsync(db.People, p => p.Name, names, cancellationToken);
    }

    // SQLite's lower() and LIKE fold only ASCII letters, so the database narrows by length (case never changes a
    // name's length) and .NET compares what is left, umlauts included.
    private static async Task<Dictionary<string, T>> NamedAsync<T>(IQueryable<T> entries, Expression<Func<T, string>> name, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var wanted = names.ToHashSet(NameComparer);
        var lengths = wanted.Select(n => n.Length).Distinct().ToList();
        var hasWantedLength = Expression.Lambda<Func<T, bool>>(
            Expression.Call(Expression.Constant(lengths), typeof(List<int>).GetMethod(nameof(List<int>.Contains))!, Expression.Property(name.Body, nameof(string.Length))),
            name.Parameters);
        var nameOf = name.Compile();
        var found = new Dictionary<string, T>(NameComparer);
        foreach (var entry in await entries.Where(hasWantedLength).ToListAsync(cancellationToken))
        {
            if (wanted.Contains(nameOf(entry)))
            {
                found.TryAdd(nameOf(entry), entry);
            }
        }

        return found;
    }
}
