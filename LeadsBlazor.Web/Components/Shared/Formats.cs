using System.Collections.Concurrent;
using System.Globalization;
using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Web.Components.Shared;

/// <summary>Money and dates as the user's culture writes them: "12.000 €" in German, "€12,000" in English, "12.000 CHF".</summary>
public static class Formats
{
    private static readonly ConcurrentDictionary<string, string> Symbols = new(StringComparer.Ordinal);

    /// <summary>Whether the user reads English: stage names then show their English name where the owner gave one.</summary>
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Money(Money money, int decimals = 0) => Money(money.Amount, money.Currency.Code, decimals);

    public static string Money(decimal amount, string currencyCode, int decimals = 0)
    {
        var culture = CultureInfo.CurrentCulture;
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = Symbol(currencyCode);
        if (format.CurrencySymbol.Any(char.IsLetter))
        {
            // A code or a word stands apart from the number ("CHF 3,500", not "CHF3,500"), as a symbol need not ("$3,500").
            format.CurrencyPositivePattern = format.CurrencyPositivePattern switch { 0 => 2, 1 => 3, var same => same };
            format.CurrencyNegativePattern = format.CurrencyNegativePattern switch
            {
                0 => 14, 1 => 9, 2 => 12, 3 => 11, 4 => 15, 5 => 8, 6 => 13, 7 => 10, var same => same,
            };
        }

        return amount.ToString("C" + decimals.ToString(CultureInfo.InvariantCulture), format);
    }

    /// <summary>Whole units for a whole amount ("5.000 €"), its cents for any other ("5.000,50 €"): a figure on a card loses nothing.</summary>
    public static string MoneyKeepingCents(Money money) => Money(money, decimal.Truncate(money.Amount) == money.Amount ? 0 : 2);

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>A month as a chart axis or a column head writes it: "Dez 26" in German, "Dec 26" in English (no abbreviation dot, it eats the space).</summary>
    public static string Month(DateOnly month) =>
        CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedMonthName(month.Month).TrimEnd('.') + " " + month.ToString("yy", CultureInfo.InvariantCulture);

    public static string Percent(int percent) => (percent / 100m).ToString("P0", CultureInfo.CurrentCulture);

    /// <summary>A rate with the decimals it has, as the culture writes a percentage: "19 %", "8,1 %", "7.7%".</summary>
    public static string Percent(decimal percent)
    {
        var decimals = percent == decimal.Round(percent) ? 0 : percent == decimal.Round(percent, 1) ? 1 : 2;
        return (percent / 100m).ToString("P" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.CurrentCulture);
    }

    // The symbol a region that uses the currency writes (€, $, CHF); the ISO code where none is known.
    private static string Symbol(string code) => Symbols.GetOrAdd(code, c =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(culture => new RegionInfo(culture.Name))
            .FirstOrDefault(region => region.ISOCurrencySymbol == c)?.CurrencySymbol ?? c);

    /// <summary>An amount for machines (a data attribute a test or a script reads): invariant, always with its cents.</summary>
    public static string MachineMoney(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
