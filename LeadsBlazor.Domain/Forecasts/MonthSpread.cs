namespace LeadsBlazor.Domain.Forecasts;

/// <summary>
/// An amount in cents spread over the months of a <see cref="ForecastHorizon"/> by days (Rule 15): the part of the period
/// before the horizon's first month, one amount per month, and the part after its last month. The parts add up to the
/// amount exactly, to the cent.
/// </summary>
public sealed record MonthSpread(long Before, IReadOnlyList<long> Months, long Later)
{
    public long Total => Before + Months.Sum() + Later;
}

/// <summary>The months a forecast shows: <see cref="Months"/> calendar months from the one holding <see cref="Today"/>.</summary>
public sealed record ForecastHorizon
{
    public const int DefaultMonths = 12;

    public ForecastHorizon(DateOnly today, int months = DefaultMonths)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        Today = today;
        Months = months;
        FirstMonth = new DateOnly(today.Year, today.Month, 1);
    }

    public DateOnly Today { get; }

    public int Months { get; }

    /// <summary>The first day of the current month.</summary>
    public DateOnly FirstMonth { get; }

    /// <summary>The first day of each month shown, the current month first.</summary>
    public IEnumerable<DateOnly> MonthStarts => Enumerable.Range(0, Months).Select(FirstMonth.AddMonths);

    /// <summary>
    /// Spreads <paramref name="cents"/> over the period <paramref name="from"/>–<paramref name="to"/> (both days included) by days:
    /// each month gets its share of the period's days. Shares are rounded so that the running sum is rounded once, so no cent is
    /// lost or made up (a lead from 15.01. to 14.03. of a common year puts 28 of its 59 days, about half, into February).
    /// A period with one open end counts wholly on its known end; the caller keeps leads without any period apart.
    /// </summary>
    public MonthSpread Spread(long cents, DateOnly? from, DateOnly? to)
    {
        var first = from ?? to ?? throw new ArgumentException("A spread needs at least one end of the period.", nameof(from));
        var last = to ?? from!.Value;
        if (last < first)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(to));
        }

        // Days per part: index 0 = before the horizon, 1..Months = the months, Months + 1 = later.
        var days = new long[Months + 2];
        for (var start = first; start <= last;)
        {
            var monthEnd = new DateOnly(start.Year, start.Month, 1).AddMonths(1).AddDays(-1);
            var end = monthEnd < last ? monthEnd : last;
            days[PartOf(start)] += end.DayNumber - start.DayNumber + 1;
            start = end.AddDays(1);
        }

        var totalDays = (decimal)(last.DayNumber - first.DayNumber + 1);
        var parts = new long[days.Length];
        long daysSoFar = 0, centsSoFar = 0;
        for (var i = 0; i < days.Length; i++)
        {
            daysSoFar += days[i];
            var runningCents = (long)decimal.Round((decimal)cents * daysSoFar / totalDays, MidpointRounding.AwayFromZero);
            parts[i] = runningCents - centsSoFar;
            centsSoFar = runningCents;
        }

        return new MonthSpread(parts[0], parts[1..^1], parts[^1]);
    }

    /// <summary>The index of a month in the horizon (0 = current month), or -1 before it, or <see cref="Months"/> after it.</summary>
    public int IndexOf(DateOnly day)
    {
        var index = ((day.Year - FirstMonth.Year) * 12) + day.Month - FirstMonth.Month;
        return Math.Clamp(index, -1, Months);
    }

    private int PartOf(DateOnly day) => IndexOf(day) + 1;
}
