using System.Globalization;

namespace LeadsBlazor.Domain.Common;

/// <summary>An ISO-4217 currency code such as EUR or CHF.</summary>
public readonly record struct Currency
{
    // The codes .NET knows from its region data: every currency a firm in practice invoices in.
    private static readonly HashSet<string> KnownCodes = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).ISOCurrencySymbol; } catch (ArgumentException) { return null; } })
        .Where(code => code is { Length: 3 })
        .Select(code => code!)
        .ToHashSet(StringComparer.Ordinal);

    private Currency(string code) => Code = code;

    public string Code { get; }

    public static Currency Eur { get; } = new("EUR");

    public static Currency Chf { get; } = new("CHF");

    public static Currency Parse(string? code, string field = "Currency")
    {
        var normalized = code?.Trim().ToUpperInvariant() ?? "";
        return IsIsoCode(normalized) ? new Currency(normalized) : throw new DomainException(field, ErrorKeys.UnknownCurrency, code ?? "");
    }

    public static bool IsIsoCode(string code) => KnownCodes.Contains(code);

    /// <summary>Every code <see cref="Parse"/> accepts, in order: what a currency picker offers.</summary>
    public static IReadOnlyList<string> KnownCodesInOrder { get; } = [.. KnownCodes.Order(StringComparer.Ordinal)];

    public override string ToString() => Code;
}
