namespace LeadsBlazor.Domain.Forecasts;

/// <summary>One stage's share of a <see cref="PipelineSnapshot"/>: its name on that day, its running leads and their weighted volume in cents.</summary>
public sealed record StageSnapshot(int StageId, string Name, int Count, long WeightedCents);

/// <summary>
/// Rule 15 (trend): the pipeline's weighted volume per stage as it stood on one day, kept for the trend. There is one snapshot per
/// day (the database's unique day guards it across instances); it is written once and never changed.
/// </summary>
public sealed class PipelineSnapshot
{
    private readonly List<StageSnapshot> _stages = [];

    private PipelineSnapshot()
    {
        CurrencyCode = "EUR";
    }

    public PipelineSnapshot(DateOnly day, DateTimeOffset takenAt, string currencyCode, IEnumerable<StageSnapshot> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        Day = day;
        TakenAt = takenAt;
        CurrencyCode = currencyCode;
        _stages.AddRange(stages);
        TotalWeightedCents = _stages.Sum(s => s.WeightedCents);
    }

    public long Id { get; private set; }

    /// <summary>The day (account time zone) the snapshot stands for.</summary>
    public DateOnly Day { get; private set; }

    public DateTimeOffset TakenAt { get; private set; }

    /// <summary>The account currency the amounts are in on that day.</summary>
    public string CurrencyCode { get; private set; }

    public long TotalWeightedCents { get; private set; }

    public IReadOnlyList<StageSnapshot> Stages => _stages.AsReadOnly();
}
