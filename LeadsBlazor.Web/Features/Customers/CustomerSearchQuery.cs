using System.Linq.Expressions;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Customers;

/// <summary>A company as a picker offers it; without an id it is one the user typed, created on save.</summary>
public sealed record CompanyOption(int? Id, string Name, string? Number = null, string? City = null, string? DefaultCurrencyCode = null)
{
    public bool IsNew => Id is null;
}

/// <summary>A contact person as a picker offers it, with their company (none for a private client); without an id it is one the user typed.</summary>
public sealed record PersonOption(int? Id, string Name, CompanyOption? Company = null, string? Role = null, string? Email = null)
{
    public bool IsNew => Id is null;

    /// <summary>Whether this person may be the contact of a lead for <paramref name="company"/>: theirs, a private client, or one still to be created.</summary>
    public bool FitsWith(CompanyOption? company) => company is null || Company is null || IsNew || (Company.Id is { } own && own == company.Id);
}

/// <summary>
/// Search as you type in the directory, in the database: the lead form never loads the whole directory, so it stays
/// fast with any number of customers. Companies match by their folded name (<see cref="CustomerName.Key"/>) or the
/// start of their number; persons by name or email.
/// </summary>
public sealed class CustomerSearchQuery(IDbContextFactory<LeadsDbContext> contexts)
{
    public const int Limit = 20;

    public async Task<IReadOnlyList<CompanyOption>> CompaniesAsync(string? text, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var typed = text?.Trim() ?? "";
        var key = CustomerName.Key(typed);
        var companies = db.Companies.AsNoTracking();
        if (key.Length > 0)
        {
            companies = companies.Where(c => c.NameKey.Contains(key) || TextSearch.Like(c.Number, LeadFilter.EscapeLike(typed) + "%"));
        }

        return await companies
            .OrderBy(c => c.NameKey.StartsWith(key) ? 0 : 1).ThenBy(c => c.NameKey)
            .Take(Limit)
            .Select(AsCompanyOption)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Persons matching <paramref name="text"/>. With a company chosen only its persons (first) and private clients
    /// come, since a person of another company cannot be the contact of its lead.
    /// </summary>
    public async Task<IReadOnlyList<PersonOption>> PeopleAsync(string? text, int? companyId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var typed = text?.Trim() ?? "";
        var people = db.People.AsNoTracking();
        if (companyId is { } id)
        {
            people = people.Where(p => p.CompanyId == id || p.CompanyId == null);
        }

        if (typed.Length > 0)
        {
            // LIKE folds ASCII case in SQLite, so "schmid" finds "Jana Schmid".
            var pattern = "%" + LeadFilter.EscapeLike(typed) + "%";
            people = people.Where(p => TextSearch.Like(p.Name, pattern) || (p.Email != null && TextSearch.Like(p.Email, pattern)));
        }

        return await people
            .OrderBy(p => p.CompanyId == companyId ? 0 : p.CompanyId == null ? 1 : 2).ThenBy(p => p.LastName).ThenBy(p => p.FirstName)
            .Take(Limit)
            .Select(AsPersonOption)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The customer and contact person a saved record names, as the pickers show them (null for none or one gone).</summary>
    public async Task<(CompanyOption? Company, PersonOption? Contact)> ChosenAsync(int? companyId, int? personId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var company = companyId is { } cid ? await db.Companies.AsNoTracking().Where(c => c.Id == cid).Select(AsCompanyOption).SingleOrDefaultAsync(cancellationToken) : null;
        var contact = personId is { } pid ? await db.People.AsNoTracking().Where(p => p.Id == pid).Select(AsPersonOption).SingleOrDefaultAsync(cancellationToken) : null;
        return (company, contact);
    }

    private static readonly Expression<Func<Company, CompanyOption>> AsCompanyOption = c => new CompanyOption(c.Id, c.Name, c.Number, c.City, c.DefaultCurrencyCode);

    private static readonly Expression<Func<Person, PersonOption>> AsPersonOption = p => new PersonOption(p.Id, p.Name,
        p.Company == null ? null : new CompanyOption(p.Company.Id, p.Company.Name, p.Company.Number, p.Company.City, p.Company.DefaultCurrencyCode),
        p.Role, p.Email);
}
