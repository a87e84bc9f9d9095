namespace LeadsBlazor.Domain.Forecasts;

/// <summary>One stage's row of the forecast: its leads without a period, one amount per month, and what falls after the horizon (cents).</summary>
public sealed record ForecastRow(int StageId, long WithoutPeriod, IReadOnlyList<long> Months, long Later)
{
    public long Total => WithoutPeriod + Months.Sum() + Later;
}

/// <summary>
/// Rule 15, the forecast: every running lead's weighted revenue (Rule 4, in cents of the account currency) spread over its
/// service period by days, per stage and month. Decisions, also written in docs/rules.md:
/// <list type="bullet">
/// <item>A lead without a service period goes into a column of its own ("ohne Zeitraum").</item>
/// <item>The part of a period before the current month is still expected, so it counts in the current month.</item>
/// <item>The part after the horizon goes into "später".</item>
/// <item>A period with one open end counts wholly on its known end.</item>
/// </list>
/// Nothing is rounded twice, so the sum over all columns is the weighted volume of the same leads, to the cent.
/// Won revenue, the comparison line, is spread the same way but only its days inside the horizon count (what was
/// earned before is history, not forecast); a won lead without a period counts in the month it was won.
/// </summary>
public sealed class PipelineForecast(ForecastHorizon horizon)
{
    private readonly Dictionary<int, Accumulator> _stages = [];
    private readonly long[] _won = new long[horizon.Months];

    public ForecastHorizon Horizon { get; } = horizon;

    /// <summary>The rows in the order of <paramref name="stageOrder"/>; a stage without leads has a row of zeros.</summary>
    public IReadOnlyList<ForecastRow> Rows(IEnumerable<int> stageOrder) =>
        [.. stageOrder.Select(id => _stages.TryGetValue(id, out var a) ? a.ToRow(id) : new ForecastRow(id, 0, new long[Horizon.Months], 0))];

    /// <summary>Won revenue per month of the horizon, in cents.</summary>
    public IReadOnlyList<long> WonMonths => _won;

    /// <summary>The sum of all rows: the weighted volume of the leads added.</summary>
    public long Total => _stages.Values.Sum(a => a.WithoutPeriod + a.Months.Sum() + a.Later);

    /// <summary>Adds <paramref name="count"/> running leads of one stage that weigh <paramref name="weightedCents"/> each and share one period.</summary>
    public void AddRunning(int stageId, long weightedCents, DateOnly? from, DateOnly? to, int count = 1)
    {
        var row = _stages.TryGetValue(stageId, out var found) ? found : _stages[stageId] = new Accumulator(Horizon.Months);
        if (from is null && to is null)
        {
            row.WithoutPeriod += weightedCents * count;
            return;
        }

        var spread = Horizon.Spread(weightedCents, from, to);
        row.Months[0] += spread.Before * count;
        for (var i = 0; i < spread.Months.Count; i++)
        {
            row.Months[i] += spread.Months[i] * count;
        }

        row.Later += spread.Later * count;
    }

    /// <summary>Adds <paramref name="count"/> won leads of <paramref name="cents"/> each (unweighted) that share one period and closing date.</summary>
    public void AddWon(long cents, DateOnly? from, DateOnly? to, DateOnly? closedOn, int count = 1)
    {
        if (from is null && to is null)
        {
            var index = closedOn is { } on ? Horizon.IndexOf(on) : -1;
            if (index >= 0 && index < Horizon.Months)
            {
                _won[index] += cents * count;
            }

            return;
        }

        var spread = Horizon.Spread(cents, from, to);
        for (var i = 0; i < spread.Months.Count; i++)
        {
            _won[i] += spread.Months[i] * count;
        }
    }

    private sealed class Accumulator(int months)
    {
        public long WithoutPeriod { get; set; }

        public long[] Months { get; } = new long[months];

        public long Later { get; set; }

        public ForecastRow ToRow(int stageId) => new(stageId, WithoutPeriod, [.. Months], Later);
    }
}
