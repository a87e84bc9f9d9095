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

    internal Stage(string name, string? englishName, Probability probability, int position)
    {
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

    /// <summary>The order on the board, 0 first.</summary>
    public int Position { get; private set; }

    public string DisplayName(bool english) => english && EnglishName is not null ? EnglishName : Name;

    internal void Rename(string name, string? englishName)
    {
        Name = Text.Required(name, nameof(Name));
        EnglishName = Text.Optional(englishName, nameof(EnglishName));
    }

    internal void Reweight(Probability probability) => Probability = probability;

    internal void MoveTo(int position) => Position = position;

    public override string ToString() => $"{Name} ({Probability})";
}
