using System.Globalization;
using System.Text.RegularExpressions;

namespace LeadsBlazor.Domain.Common;

/// <summary>
/// A quantity as a person types it (0,125 Tage, 12.5 hours, 1.500 Stück). Unlike money it may have three decimals, so
/// the culture's own decimal separator is always the point ("0,125" in German is an eighth); the other separator
/// groups thousands only in groups of three ("1.500"), and otherwise is a point typed the other way ("1.5" = 1,5).
/// A group in the wrong place is no number, never a silent factor of a thousand.
/// </summary>
public static partial class QuantityText
{
    public static decimal? Read(string? text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var written = (text ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Replace("\u202f", "", StringComparison.Ordinal);
        // A minus is read, so that the item's rule can say a quantity must not be negative.
        var negative = written.StartsWith('-') || written.StartsWith('\u2212');
        written = negative ? written[1..] : written;
        var point = culture.NumberFormat.NumberDecimalSeparator is "," ? ',' : '.';
        var other = point == ',' ? '.' : ',';
        if (written.Length == 0 || written.Any(c => !char.IsAsciiDigit(c) && c != point && c != other) || written.Count(c => c == point) > 1)
        {
            return null;
        }

        string whole;
        string fraction;
        var pointAt = written.IndexOf(point, StringComparison.Ordinal);
        if (pointAt >= 0)
        {
            (whole, fraction) = (written[..pointAt], written[(pointAt + 1)..]);
        }
        else if (written.Count(c => c == other) == 1 && !Grouped().IsMatch(written.Replace(other, '\''))) // "1.5", typed the other way
        {
            var at = written.IndexOf(other, StringComparison.Ordinal);
            (whole, fraction) = (written[..at], written[(at + 1)..]);
        }
        else
        {
            (whole, fraction) = (written, "");
        }

        if (whole.Contains(other, StringComparison.Ordinal) && !Grouped().IsMatch(whole.Replace(other, '\'')))
        {
            return null;
        }

        var digits = whole.Replace(other.ToString(), "", StringComparison.Ordinal);
        if ((digits.Length == 0 && fraction.Length == 0) || fraction.Contains(other, StringComparison.Ordinal) || (pointAt >= 0 && fraction.Length == 0))
        {
            return null;
        }

        return decimal.TryParse($"{(digits.Length == 0 ? "0" : digits)}.{(fraction.Length == 0 ? "0" : fraction)}", NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? (negative ? -value : value)
            : null;
    }

    [GeneratedRegex(@"^\d{1,3}('\d{3})+$")]
    private static partial Regex Grouped();
}
