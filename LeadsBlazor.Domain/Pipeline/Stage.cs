using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Pipeline;

/// <summary>An "Akquise-Stufe": one step of the running pipeline, with the probability its leads are won.</summary>
public sealed class Stage
{
    // EF Core materialises through this constructor.
    private Stage()
    {
        Name = "";
    }

    internal Stage(string name, string? englishName, Probability probability, int position, int? idleDays = null)
    {
        IdleDays = idleDays;
        Name = Text.Required(name, nameof(Name));
        EnglishName = Text.Optional(englishName, nameof(EnglishName));
        Probability = probability;
        Position = position;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>An optional English name shown to users who chose English.</summary>
    public string? EnglishName { get; private set; }

    public Probability Probability { get; private set; }

    /// <summary>Rule 5: after how many days without any change a running lead in this stage needs attention; null = never.</summary>
    public int? IdleDays { get; private set; }

    /// <summary>The order on the board, 0 first.</summary>
    public int Position { get; private set; }

    /// <summary>A running lead of this stage whose last change lies before this day is idle (Rule 5); null when the stage sets no idle days.</summary>
    public DateOnly? IdleSince(DateOnly today) => IdleDays is { } days ? today.AddDays(-days) : null;

    /// <summary>Rule 5: whether a running lead of this stage last changed on <paramref name="lastChangedOn"/> is idle on <paramref name="today"/>.</summary>
    public bool IsIdle(DateOnly lastChangedOn, DateOnly today) => IdleSince(today) is { } since && lastChangedOn < since;

    public const int MaxIdleDays = 365;

    public string DisplayName(bool english) => english && EnglishName is not null ? EnglishName : Name;

    internal void Rename(string name, string? englishName)
    {
        Name = Text.Required(name, nameof(Name));
        EnglishName = Text.Optional(englishName, nameof(EnglishName));
    }

    internal void Reweight(Probability probability) => Probability = probability;

    internal void SetIdleDays(int? days) =>
        IdleDays = days is null or (>= 1 and <= MaxIdleDays) ? days : throw new DomainException(nameof(IdleDays), ErrorKeys.IdleDaysOutOfRange, 1, MaxIdleDays);

    internal void MoveTo(int position) => Position = position;

    public override string ToString() => $"{Name} ({Probability})";
}
