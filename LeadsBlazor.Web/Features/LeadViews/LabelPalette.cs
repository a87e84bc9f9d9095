namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>A palette colour: its hex value and the text key of its name ("Rot", "Blau" …).</summary>
public sealed record PaletteColor(string Hex, string NameKey);

/// <summary>The colours a label can take: few enough to tell apart at a glance on a card, each with a name for screen readers.</summary>
public static class LabelPalette
{
    public static IReadOnlyList<PaletteColor> Colors { get; } =
    [
        new("#e53935", "Palette.Red"),
        new("#fb8c00", "Palette.Orange"),
        new("#fdd835", "Palette.Yellow"),
        new("#7cb342", "Palette.LightGreen"),
        new("#2e7d32", "Palette.Green"),
        new("#00897b", "Palette.Teal"),
        new("#1e88e5", "Palette.Blue"),
        new("#3949ab", "Palette.Indigo"),
        new("#8e24aa", "Palette.Purple"),
        new("#d81b60", "Palette.Pink"),
        new("#6d4c41", "Palette.Brown"),
        new("#757575", "Palette.Grey"),
    ];

    /// <summary>A new label's colour: the first one no label has yet, so labels stay apart; the first one when all are taken.</summary>
    public static string FirstUnused(IEnumerable<string> usedColors)
    {
        var used = usedColors.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Colors.FirstOrDefault(c => !used.Contains(c.Hex))?.Hex ?? Colors[0].Hex;
    }

    public static bool Contains(string color) => Colors.Any(c => string.Equals(c.Hex, color, StringComparison.OrdinalIgnoreCase));
}
