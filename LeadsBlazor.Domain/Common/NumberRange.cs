namespace LeadsBlazor.Domain.Common;

/// <summary>What a <see cref="NumberRange"/> numbers.</summary>
public enum NumberRangeKind
{
    Customer = 0,
    Offer = 1,
    Project = 2,
}

/// <summary>
/// A number range ("Nummernkreis"): the owner's prefix and a counter that only ever goes up, so no number is given twice,
/// even after a prefix change. A monthly range writes the year and month after the prefix and counts per month
/// (A2612-003); a plain one counts on for ever (K-0001).
/// </summary>
public sealed class NumberRange
{
    public const int PrefixMaxLength = 10;

    private NumberRange()
    {
        Prefix = "";
    }

    public NumberRange(NumberRangeKind kind, string prefix, int digits, bool monthly)
    {
        Kind = kind;
        Prefix = CheckPrefix(prefix);
        Digits = digits is >= 1 and <= 9 ? digits : throw new ArgumentOutOfRangeException(nameof(digits));
        Monthly = monthly;
    }

    /// <summary>The ranges a new account starts with: K-0001 for customers, A2612-001 for offers, P2612-001 for projects.</summary>
    public static IReadOnlyList<NumberRange> Defaults() =>
    [
        new(NumberRangeKind.Customer, "K-", 4, monthly: false),
        new(NumberRangeKind.Offer, "A", 3, monthly: true),
        new(NumberRangeKind.Project, "P", 3, monthly: true),
    ];

    public NumberRangeKind Kind { get; private set; }

    public string Prefix { get; private set; }

    public int Digits { get; private set; }

    public bool Monthly { get; private set; }

    /// <summary>The month (yyMM) <see cref="Last"/> counts in, for a monthly range.</summary>
    public string? Period { get; private set; }

    /// <summary>The last number given.</summary>
    public int Last { get; private set; }

    /// <summary>The number the next <see cref="Take"/> would give on <paramref name="today"/>, for the settings page's preview.</summary>
    public string Peek(DateOnly today)
    {
        var period = PeriodOf(today);
        return Format(period, period == Period ? Last + 1 : 1);
    }

    /// <summary>Gives the next number and counts it as used.</summary>
    public string Take(DateOnly today)
    {
        var period = PeriodOf(today);
        if (period != Period)
        {
            Period = period;
            Last = 0;
        }

        Last++;
        return Format(period, Last);
    }

    public void ChangePrefix(string prefix) => Prefix = CheckPrefix(prefix);

    /// <summary>Counts numbers given before the range existed (a database from an older version), so they are not given again.</summary>
    public void SkipTo(int last) => Last = Math.Max(Last, last);

    private string? PeriodOf(DateOnly today) => Monthly ? today.ToString("yyMM", System.Globalization.CultureInfo.InvariantCulture) : null;

    private string Format(string? period, int number) =>
        period is null
            ? Prefix + number.ToString(new string('0', Digits), System.Globalization.CultureInfo.InvariantCulture)
            : $"{Prefix}{period}-{number.ToString(new string('0', Digits), System.Globalization.CultureInfo.InvariantCulture)}";

    // Letters, digits and - / _ . only: a number is printed on letters and typed into bank transfers.
    private static string CheckPrefix(string? prefix)
    {
        var trimmed = prefix?.Trim() ?? "";
        return trimmed.Length <= PrefixMaxLength && trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/' or '_' or '.')
            ? trimmed
            : throw new DomainException(nameof(Prefix), ErrorKeys.InvalidPrefix, PrefixMaxLength);
    }
}
