using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Accounts;

/// <summary>A reason offered when a lead is lost or dropped (price, timing, competitor, …); retired reasons stay on old leads.</summary>
public sealed class CloseReason
{
    private CloseReason()
    {
        Name = "";
    }

    public CloseReason(string name, int position)
    {
        Name = Text.Required(name, nameof(Name));
        Position = position;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public int Position { get; private set; }

    public bool Retired { get; private set; }

    public static IReadOnlyList<CloseReason> Defaults() =>
        [new("Preis", 0), new("Zeitpunkt", 1), new("Wettbewerber", 2), new("Kein Budget", 3), new("Sonstiges", 4)];

    internal void Rename(string name) => Name = Text.Required(name, nameof(Name));

    internal void Retire() => Retired = true;

    internal void Restore() => Retired = false;

    internal void MoveTo(int position) => Position = position;
}
