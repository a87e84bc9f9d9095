using System.Globalization;

namespace LeadsBlazor.Domain.Common;

/// <summary>What <see cref="MoneyText.Read"/> made of a text: the amount and the currency it named, or why it is no amount.</summary>
public sealed record MoneyTextResult(decimal Amount, Currency? Currency, string? ErrorKey, IReadOnlyList<object> Arguments)
{
    public bool IsValid => ErrorKey is null;

    /// <summary>The reason as the domain's error, so that it reaches the user in their language like every broken rule.</summary>
    public DomainException ToException(string field) => new(field, ErrorKey ?? ErrorKeys.NotAnAmount, [.. Arguments]);
}

/// <summary>
/// Reads an amount as people write it: "5000", "5.000", "5000,50", "5.000,50 €", "CHF 3'500", "5,000.50".
/// The form and the Excel import both read amounts through it, so that a text means the same in both.
/// </summary>
public static class MoneyText
{
    // Symbols people type in front of or after an amount, beside the ISO codes Currency knows.
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["€"] = "EUR", ["$"] = "USD", ["US$"] = "USD", ["£"] = "GBP", ["Fr."] = "CHF", ["SFr."] = "CHF",
    };

    // Thousands are grouped with a space, a no-break space, a narrow no-break space, an apostrophe or its typographic form (de-CH).
    private static readonly char[] AlwaysGroups = [' ', '\u00A0', '\u202F', '\'', '\u2019'];

    public static bool TryParse(string? text, CultureInfo culture, out decimal amount, out Currency? currency)
    {
        var result = Read(text, culture);
        (amount, currency) = (result.Amount, result.Currency);
        return result.IsValid;
    }

    public static MoneyTextResult Read(string? text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var written = text?.Trim() ?? "";
        if (written.Length == 0)
        {
            return Fail(ErrorKeys.Required);
        }

        var rest = written;
        Currency? currency = null;
        if (TakeCurrency(ref rest, culture) is { } named)
        {
            if (named.ErrorKey is not null)
            {
                return named;
            }

            currency = named.Currency;
        }

        var negative = false;
        if (rest.StartsWith('-') || rest.StartsWith('\u2212'))
        {
            negative = true;
            rest = rest[1..].TrimStart();
            // "-CHF 100" as well as "CHF -100".
            if (currency is null && TakeCurrency(ref rest, culture) is { } after)
            {
                if (after.ErrorKey is not null)
                {
                    return after;
                }

                currency = after.Currency;
            }
        }

        var digits = rest;
        foreach (var group in AlwaysGroups.Append(culture.NumberFormat.NumberGroupSeparator.Length == 1 ? culture.NumberFormat.NumberGroupSeparator[0] : ' '))
        {
            if (group is not '.' and not ',')
            {
                digits = digits.Replace(group.ToString(), "", StringComparison.Ordinal);
            }
        }

        if (digits.Length == 0 || digits.Any(c => !char.IsAsciiDigit(c) && c is not '.' and not ','))
        {
            return Fail(ErrorKeys.NotAnAmount, written);
        }

        if (Normalize(digits) is not { } invariant)
        {
            return Fail(ErrorKeys.NotAnAmount, written);
        }

        var point = invariant.IndexOf('.', StringComparison.Ordinal);
        if (point >= 0 && invariant.Length - point - 1 > 2)
        {
            return Fail(ErrorKeys.TooManyDecimals, 2);
        }

        if (!decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return Fail(ErrorKeys.AmountTooLarge, Money.MaxRevenue);
        }

        return new MoneyTextResult(negative ? -value : value, currency, null, []);
    }

    /// <summary>
    /// Decides which of "." and "," is the decimal point and returns the digits with at most one ".":
    /// with both, the last one is the point; one that occurs several times groups thousands; a single one
    /// before exactly three digits groups thousands too ("5.000" and "5,000"), since money has only cents;
    /// else it is the point. Groups of thousands must have three digits, or the text is no amount.
    /// </summary>
    private static string? Normalize(string digits)
    {
        var lastDot = digits.LastIndexOf('.');
        var lastComma = digits.LastIndexOf(',');
        if (lastDot < 0 && lastComma < 0)
        {
            return digits;
        }

        char? point;
        char? group;
        if (lastDot >= 0 && lastComma >= 0)
        {
            (point, group) = lastDot > lastComma ? ('.', ',') : (',', '.');
        }
        else
        {
            var only = lastDot >= 0 ? '.' : ',';
            var count = digits.Count(c => c == only);
            var tail = digits.Length - digits.LastIndexOf(only) - 1;
            (point, group) = count > 1 || tail == 3 ? ((char?)null, (char?)only) : (only, null);
        }

        var pointAt = point is { } p ? digits.LastIndexOf(p) : digits.Length;
        var whole = digits[..pointAt];
        var fraction = point is null ? "" : digits[(pointAt + 1)..];
        if (fraction.Contains('.', StringComparison.Ordinal) || fraction.Contains(',', StringComparison.Ordinal) || (point is not null && fraction.Length == 0))
        {
            return null;
        }

        if (group is { } g)
        {
            var parts = whole.Split(g);
            if (parts[0].Length is 0 or > 3 || parts.Skip(1).Any(part => part.Length != 3) || (point is { } pp && whole.Contains(pp, StringComparison.Ordinal)))
            {
                return null;
            }

            whole = string.Concat(parts);
        }

        if (whole.Length == 0 || whole.Contains('.', StringComparison.Ordinal) || whole.Contains(',', StringComparison.Ordinal))
        {
            return null;
        }

        return fraction.Length == 0 ? whole : $"{whole}.{fraction}";
    }

    // A currency at the start or the end: an ISO code (CHF 3'500, 3.500 CHF) or a symbol (5.000 €, €5,000).
    private static MoneyTextResult? TakeCurrency(ref string rest, CultureInfo culture)
    {
        // Symbols with a dot ("Fr.") first, since a dot would otherwise end the leading word.
        foreach (var (symbol, code) in Symbols.Where(s => s.Key.Contains('.', StringComparison.Ordinal)))
        {
            if (rest.StartsWith(symbol, StringComparison.OrdinalIgnoreCase))
            {
                rest = rest[symbol.Length..].Trim();
                return new MoneyTextResult(0m, Currency.Parse(code), null, []);
            }
        }

        var leading = new string([.. rest.TakeWhile(c => !char.IsAsciiDigit(c) && c is not '-' and not '\u2212' and not '.' and not ',' && !char.IsWhiteSpace(c))]);
        var trailing = new string([.. rest.Reverse().TakeWhile(c => !char.IsAsciiDigit(c) && !char.IsWhiteSpace(c)).Reverse()]);
        foreach (var (token, atStart) in new[] { (leading, true), (trailing, false) })
        {
            if (token.Length == 0)
            {
                continue;
            }

            var code = CodeOf(token, culture);
            if (code is null)
            {
                // Letters that are no currency: say which code is unknown when it looks like one, else that the text is no amount.
                return token.Length == 3 && token.All(char.IsAsciiLetter) && rest.Any(char.IsAsciiDigit)
                    ? Fail(ErrorKeys.UnknownCurrency, token.ToUpperInvariant())
                    : null;
            }

            rest = (atStart ? rest[token.Length..] : rest[..^token.Length]).Trim();
            return new MoneyTextResult(0m, Currency.Parse(code), null, []);
        }

        return null;
    }

    private static string? CodeOf(string token, CultureInfo culture)
    {
        if (token.Length == 3 && Currency.IsIsoCode(token.ToUpperInvariant()))
        {
            return token.ToUpperInvariant();
        }

        if (Symbols.TryGetValue(token, out var code))
        {
            return code;
        }

        // The culture's own symbol, e.g. "kr" in Danish.
        if (!culture.IsNeutralCulture && culture.Name.Length > 0 && token == culture.NumberFormat.CurrencySymbol)
        {
            return new RegionInfo(culture.Name).ISOCurrencySymbol;
        }

        return null;
    }

    private static MoneyTextResult Fail(string key, params object[] arguments) => new(0m, null, key, arguments);
}
