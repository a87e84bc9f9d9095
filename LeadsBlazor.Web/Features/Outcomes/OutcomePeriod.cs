using System.Globalization;

namespace LeadsBlazor.Web.Features.Outcomes;

/// <summary>The periods a user picks with one click; <see cref="OutcomePeriod.Of"/> turns one into dates.</summary>
public enum OutcomePreset
{
    ThisMonth,
    Last3Months,
    Last12Months,
    ThisYear,
    LastYear,
}

/// <summary>
/// The days whose closed leads the outcome analysis counts, both ends included (a lead's closed-on date is a day in the account's
/// calendar). In the URL as ?from=2026-01-01&amp;to=2026-12-31; without them, the last 12 months.
/// </summary>
public sealed record OutcomePeriod(DateOnly From, DateOnly To)
{
    public const OutcomePreset DefaultPreset = OutcomePreset.Last12Months;

    /// <summary>A preset on <paramref name="today"/>: "last 3 months" are the 3 months up to and including today.</summary>
    public static OutcomePeriod Of(OutcomePreset preset, DateOnly today) => preset switch
    {
        OutcomePreset.ThisMonth => new(new DateOnly(today.Year, today.Month, 1), new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1)),
        OutcomePreset.Last3Months => new(today.AddMonths(-3).AddDays(1), today),
        OutcomePreset.Last12Months => new(today.AddMonths(-12).AddDays(1), today),
        OutcomePreset.ThisYear => new(new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)),
        OutcomePreset.LastYear => new(new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31)),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, null),
    };

    /// <summary>The period the URL names; a missing or unreadable end falls back to the default's, and reversed ends are put in order.</summary>
    public static OutcomePeriod FromUrl(string? from, string? to, DateOnly today)
    {
        var fallback = Of(DefaultPreset, today);
        var start = Parse(from) ?? fallback.From;
        var end = Parse(to) ?? fallback.To;
        return start <= end ? new(start, end) : new(end, start);
    }

    /// <summary>The preset this period is on <paramref name="today"/>, if it is one.</summary>
    public OutcomePreset? PresetOn(DateOnly today) =>
        Enum.GetValues<OutcomePreset>().Cast<OutcomePreset?>().FirstOrDefault(p => Of(p!.Value, today) == this);

    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
