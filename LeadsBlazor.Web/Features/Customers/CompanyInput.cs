using LeadsBlazor.Domain.Customers;

namespace LeadsBlazor.Web.Features.Customers;

/// <summary>What the company form sends: every field a user edits on a company.</summary>
public sealed record CompanyInput
{
    public string Name { get; init; } = "";

    public string? Street { get; init; }

    public string? Postcode { get; init; }

    public string? City { get; init; }

    /// <summary>ISO 3166 two-letter code, e.g. DE.</summary>
    public string? CountryCode { get; init; }

    public string? Website { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    /// <summary>The currency new leads for this company start in; null for the account's.</summary>
    public string? DefaultCurrency { get; init; }

    public string? Notes { get; init; }

    public IReadOnlyCollection<int> LabelIds { get; init; } = [];

    /// <summary>The form's fields of a stored company.</summary>
    public static CompanyInput Of(Company company)
    {
        ArgumentNullException.ThrowIfNull(company);
        return new()
        {
            Name = company.Name,
            Street = company.Street,
            Postcode = company.Postcode,
            City = company.City,
            CountryCode = company.CountryCode,
            Website = company.Website,
            Phone = company.Phone,
            Email = company.Email,
            DefaultCurrency = company.DefaultCurrencyCode,
            Notes = company.Notes,
            LabelIds = [.. company.Labels.Select(l => l.Id)],
        };
    }
}
