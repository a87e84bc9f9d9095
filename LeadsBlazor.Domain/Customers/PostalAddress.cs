using System.Globalization;
using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Customers;

/// <summary>
/// A postal address: street (with number, maybe several lines), postcode, city and the ISO 3166 country code.
/// <see cref="Lines"/> prints it the way the destination country's post reads it.
/// </summary>
public sealed record PostalAddress
{
    public PostalAddress(string? street, string? postcode, string? city, string? countryCode)
    {
        Street = Text.Optional(street, nameof(Street), 300);
        Postcode = Text.Optional(postcode, nameof(Postcode), 20);
        City = Text.Optional(city, nameof(City), 100);
        CountryCode = Country(countryCode);
    }

    public static PostalAddress Empty { get; } = new(null, null, null, null);

    public string? Street { get; }

    public string? Postcode { get; }

    public string? City { get; }

    /// <summary>Two letters, upper case (DE, AT, CH, …); null when not given.</summary>
    public string? CountryCode { get; }

    public bool IsEmpty => Street is null && Postcode is null && City is null && CountryCode is null;

    // Countries whose post wants "City, POSTCODE" or the postcode on a line of its own; the rest of Europe writes "POSTCODE City".
    private static readonly HashSet<string> CityThenPostcode = ["US", "CA", "AU"];
    private static readonly HashSet<string> PostcodeOwnLine = ["GB", "IE"];

    /// <summary>
    /// The address as printed on a letter sent from <paramref name="senderCountryCode"/>: the postcode before or after the city
    /// as the destination wants it, and the destination country in capitals on the last line when it is abroad (UPU / DIN 5008),
    /// named in <paramref name="culture"/>'s language.
    /// </summary>
    public IReadOnlyList<string> Lines(string? senderCountryCode, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var lines = new List<string>();
        if (Street is not null)
        {
            lines.AddRange(Street.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        var country = CountryCode ?? senderCountryCode;
        if (country is not null && PostcodeOwnLine.Contains(country))
        {
            AddIfAny(lines, City?.ToUpperInvariant());
            AddIfAny(lines, Postcode);
        }
        else if (country is not null && CityThenPostcode.Contains(country))
        {
            AddIfAny(lines, string.Join(" ", new[] { City, Postcode }.OfType<string>()));
        }
        else
        {
            AddIfAny(lines, string.Join(" ", new[] { Postcode, City }.OfType<string>()));
        }

        if (CountryCode is not null && !string.Equals(CountryCode, senderCountryCode, StringComparison.Ordinal))
        {
            lines.Add(CountryName(CountryCode, culture).ToUpper(culture));
        }

        return lines;
    }

    /// <summary>The country's name in <paramref name="culture"/>'s language, e.g. "Schweiz" or "Switzerland".</summary>
    public static string CountryName(string countryCode, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        try
        {
            // RegionInfo("CH").DisplayName is the name in the region's own default language ("Svizzera"), whatever the UI
            // culture; a culture of the reader's language in that region ("de-CH", "en-CH") names it in theirs.
            var language = culture.TwoLetterISOLanguageName is { Length: 2 } named && named != CultureInfo.InvariantCulture.TwoLetterISOLanguageName ? named : "en";
            return new RegionInfo($"{language}-{countryCode}").NativeName;
        }
        catch (ArgumentException)
        {
            return countryCode;
        }
    }

    private static void AddIfAny(List<string> lines, string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            lines.Add(line);
        }
    }

    private static string? Country(string? code)
    {
        var trimmed = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        try
        {
            return trimmed.Length == 2 && new RegionInfo(trimmed).TwoLetterISORegionName == trimmed
                ? trimmed
                : throw new DomainException(nameof(CountryCode), ErrorKeys.UnknownCountry, trimmed);
        }
        catch (ArgumentException)
        {
            throw new DomainException(nameof(CountryCode), ErrorKeys.UnknownCountry, trimmed);
        }
    }
}
