namespace LeadsBlazor.Web.Features.Customers;

/// <summary>The company form's fields as the user types them; <see cref="ToInput"/> hands them to the use case.</summary>
public sealed class CompanyFormModel
{
    public string Name { get; set; } = "";

    public string? Street { get; set; }

    public string? Postcode { get; set; }

    public string? City { get; set; }

    public string? CountryCode { get; set; }

    public string? Website { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? DefaultCurrency { get; set; }

    public string? Notes { get; set; }

    public IReadOnlyCollection<int> LabelIds { get; set; } = [];

    public void Load(CompanyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        (Name, Street, Postcode, City, CountryCode) = (input.Name, input.Street, input.Postcode, input.City, input.CountryCode);
        (Website, Phone, Email, DefaultCurrency, Notes) = (input.Website, input.Phone, input.Email, input.DefaultCurrency, input.Notes);
        LabelIds = [.. input.LabelIds];
    }

    public CompanyInput ToInput() => new()
    {
        Name = Name,
        Street = Street,
        Postcode = Postcode,
        City = City,
        CountryCode = CountryCode,
        Website = Website,
        Phone = Phone,
        Email = Email,
        DefaultCurrency = DefaultCurrency,
        Notes = Notes,
        LabelIds = [.. LabelIds],
    };

    /// <summary>Everything the user can change as one text, which the unsaved-input guard compares.</summary>
    public string InputState() => string.Join('\u001f', new[] { Name, Street, Postcode, City, CountryCode, Website, Phone, Email, DefaultCurrency, Notes }
        .Select(v => v?.Trim() ?? "")
        .Concat(LabelIds.Order().Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
