using System.Linq.Expressions;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Customers;

/// <summary>
/// What the company list shows: a search over name (as <see cref="CustomerName"/> folds it), number, city, email and the
/// contact persons' names; the labels a company must all carry; one country. The list and its export apply the same filter.
/// </summary>
public sealed record CompanyFilter(string? Search = null, IReadOnlyCollection<int>? LabelIds = null, string? CountryCode = null)
{
    public IQueryable<Company> Apply(IQueryable<Company> companies)
    {
        ArgumentNullException.ThrowIfNull(companies);
        foreach (var labelId in LabelIds ?? [])
        {
            companies = companies.Where(c => c.Labels.Any(label => label.Id == labelId));
        }

        if (!string.IsNullOrWhiteSpace(CountryCode))
        {
            var country = CountryCode.Trim().ToUpperInvariant();
            companies = companies.Where(c => c.CountryCode == country);
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            // The name is searched by its key, so "müller" and "MUELLER" find "Müller GmbH"; SQLite's LIKE alone folds only ASCII.
            var key = "%" + LeadFilter.EscapeLike(CustomerName.Key(Search)) + "%";
            var text = "%" + LeadFilter.EscapeLike(Search.Trim()) + "%";
            companies = companies.Where(c =>
                TextSearch.Like(c.NameKey, key)
                || TextSearch.Like(c.Number, text)
                || (c.City != null && TextSearch.Like(c.City, text))
                || (c.Email != null && TextSearch.Like(c.Email, text))
                || c.People.Any(p => TextSearch.Like(p.Name, text)));
        }

        return companies;
    }
}

/// <summary>One row of the company list.</summary>
public sealed record CompanyRow(
    int Id,
    string Number,
    string Name,
    string? Postcode,
    string? City,
    string? CountryCode,
    string? Phone,
    string? Email,
    int People,
    string? FirstPerson,
    int OpenLeads);

public sealed record CompanyListPage(IReadOnlyList<CompanyRow> Rows, int Total);

/// <summary>The customer directory's list: filter, sort and page in the database, so a long list costs one page of rows and one count.</summary>
public sealed class CompanyListQuery(IDbContextFactory<LeadsDbContext> contexts)
{
    // LeadStatusExtensions.IsOpen, as the database can ask it.
    private static readonly Expression<Func<Lead, bool>> Open = l => l.Status == LeadStatus.Potential || l.Status == LeadStatus.Running;

    public async Task<CompanyListPage> GetAsync(CompanyFilter filter, string? sortBy, bool descending, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var companies = filter.Apply(db.Companies.AsNoTracking());
        var total = await companies.CountAsync(cancellationToken);
        var rows = await Sort(db, companies, sortBy, descending)
            .Skip(Math.Max(0, page) * pageSize)
            .Take(pageSize)
            .Select(c => new CompanyRow(
                c.Id,
                c.Number,
                c.Name,
                c.Postcode,
                c.City,
                c.CountryCode,
                c.Phone,
                c.Email,
                c.People.Count,
                c.People.OrderBy(p => p.Id).Select(p => p.Name).FirstOrDefault(),
                db.Leads.Where(Open).Count(l => l.CompanyId == c.Id)))
            .ToListAsync(cancellationToken);
        return new CompanyListPage(rows, total);
    }

    /// <summary>The countries the directory's companies are in, for the country filter.</summary>
    public async Task<IReadOnlyList<string>> CountriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Companies.AsNoTracking().Where(c => c.CountryCode != null).Select(c => c.CountryCode!).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The grid's sort by column name; none (or an unknown one) sorts by name. The country sorts by its code, which the database
    /// knows; its name depends on the reader's language. An empty city or country sorts as the smallest on both databases (<see cref="EmptyFirst"/>).
    /// </summary>
    public static IQueryable<Company> Sort(LeadsDbContext db, IQueryable<Company> companies, string? sortBy, bool descending)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (sortBy, descending) switch
        {
            (nameof(CompanyRow.Number), false) => companies.OrderBy(c => c.Number).ThenBy(c => c.Id),
            (nameof(CompanyRow.Number), true) => companies.OrderByDescending(c => c.Number).ThenBy(c => c.Id),
            (nameof(CompanyRow.City), var desc) => companies.OrderByEmptyFirst(c => c.City, desc).ThenBy(c => c.NameKey),
            (nameof(CompanyRow.CountryCode), var desc) => companies.OrderByEmptyFirst(c => c.CountryCode, desc).ThenBy(c => c.NameKey),
            (nameof(CompanyRow.OpenLeads), var desc) => OpenLeads(db, companies, desc),
            (_, true) => companies.OrderByDescending(c => c.NameKey).ThenBy(c => c.Id),
            _ => companies.OrderBy(c => c.NameKey).ThenBy(c => c.Id),
        };
    }

    private static IOrderedQueryable<Company> OpenLeads(LeadsDbContext db, IQueryable<Company> companies, bool descending)
    {
        var ordered = descending
            ? companies.OrderByDescending(c => db.Leads.Where(Open).Count(l => l.CompanyId == c.Id))
            : companies.OrderBy(c => db.Leads.Where(Open).Count(l => l.CompanyId == c.Id));
        return ordered.ThenBy(c => c.NameKey);
    }
}
