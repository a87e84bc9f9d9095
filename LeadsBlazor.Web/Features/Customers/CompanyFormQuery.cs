using System.Globalization;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Customers;

/// <summary>A country the form offers: its ISO code and its name in the user's language.</summary>
public sealed record CountryOption(string Code, string Name);

/// <summary>What the company form offers: the account's currencies (its own first), the labels, and every country.</summary>
public sealed record CompanyFormOptions(string AccountCurrency, IReadOnlyList<string> Currencies, IReadOnlyList<LabelChip> Labels, IReadOnlyList<CountryOption> Countries);

/// <summary>A stored company as the form edits it, with the version the user saw.</summary>
public sealed record StoredCompany(CompanyInput Input, long Version);

public sealed class CompanyFormQuery(IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account)
{
    // Most customers of a firm in Germany, Austria or Switzerland sit in one of them: these lead the list.
    private static readonly string[] NearCountries = ["DE", "AT", "CH"];

    public async Task<CompanyFormOptions> OptionsAsync(CancellationToken cancellationToken = default)
    {
        var settings = await account.GetAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return new CompanyFormOptions(
            settings.CurrencyCode,
            [.. settings.Currencies.Select(c => c.Code).OrderBy(c => c != settings.CurrencyCode).ThenBy(c => c, StringComparer.Ordinal)],
            await LabelListQuery.Chips(db).ToListAsync(cancellationToken),
            Countries(CultureInfo.CurrentUICulture));
    }

    /// <summary>The company's fields, or null when it is gone.</summary>
    public async Task<StoredCompany?> GetAsync(int companyId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var company = await db.Companies.AsNoTracking().Include(c => c.Labels).SingleOrDefaultAsync(c => c.Id == companyId, cancellationToken);
        return company is null ? null : new StoredCompany(CompanyInput.Of(company), company.Version);
    }

    /// <summary>Every country .NET knows, named in <paramref name="culture"/>'s language: Germany, Austria and Switzerland first, then by name.</summary>
    public static IReadOnlyList<CountryOption> Countries(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var codes = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => { try { return new RegionInfo(c.Name).TwoLetterISORegionName; } catch (ArgumentException) { return null; } })
            .OfType<string>()
            .Where(code => code.Length == 2 && code.All(char.IsAsciiLetterUpper))
            .Union(NearCountries)
            .Distinct(StringComparer.Ordinal);
        var comparer = StringComparer.Create(culture, ignoreCase: true);
        return [.. codes.Select(code => new CountryOption(code, PostalAddress.CountryName(code, culture)))
            .OrderBy(c => Array.IndexOf(NearCountries, c.Code) is var near and >= 0 ? near : NearCountries.Length)
            .ThenBy(c => c.Name, comparer)];
    }
}
