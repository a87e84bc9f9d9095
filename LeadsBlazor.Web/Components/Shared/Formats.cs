using System.Collections.Concurrent;
using System.Globalization;
using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Web.Components.Shared;

/// <summary>Money and dates as the user's culture writes them: "12.000 €" in German, "€12,000" in English, "12.000 CHF".</summary>
public static class Formats
{
    private static readonly ConcurrentDictionary<string, string> Symbols = new(StringComparer.Ordinal);

    public static string Money(Money money, int decimals = 0) => Money(money.Amount, money.Currency.Code, decimals);

    public static string Money(decimal amount, string currencyCode, int decimals = 0)
    {
        var culture = CultureInfo.CurrentCulture;
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = Symbol(currencyCode);
        return amount.ToString("C" + decimals.ToString(CultureInfo.InvariantCulture), format);
    }

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    public static string Percent(int percent) => (percent / 100m).ToString("P0", CultureInfo.CurrentCulture);

    // The symbol a region that uses the currency writes (€, $, CHF); the ISO code where none is known.
    private static string Symbol(string code) => Symbols.GetOrAdd(code, c =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(culture => new RegionInfo(culture.Name))
            .FirstOrDefault(region => region.ISOCurrencySymbol == c)?.CurrencySymbol ?? c);

    /// <summary>An amount for machines (a data attribute a test or a script reads): invariant, always with its cents.</summary>
    public static string MachineMoney(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
