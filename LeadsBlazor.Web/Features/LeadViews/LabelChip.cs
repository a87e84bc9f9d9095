using System.Globalization;

namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>A label's name and colour, as chips and dots show it.</summary>
public sealed record LabelChip(int Id, string Name, string Color)
{
    /// <summary>A filled chip in the label's colour, its text black or white, whichever reads better on it.</summary>
    public string FilledStyle => $"background:{Color};color:{TextColorOn(Color)}";

    // WCAG's relative luminance: above the point where black and white contrast equally (about 0.18), black wins.
    // A colour that is not #rgb or #rrggbb keeps white text, as before.
    internal static string TextColorOn(string color)
    {
        var hex = color.TrimStart('#');
        if (hex.Length == 3)
        {
            hex = string.Concat(hex.Select(c => new string(c, 2)));
        }

        if (hex.Length != 6 || !int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
        {
            return "#fff";
        }

        static double Channel(int value)
        {
            var c = value / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var luminance = (0.2126 * Channel((rgb >> 16) & 0xff)) + (0.7152 * Channel((rgb >> 8) & 0xff)) + (0.0722 * Channel(rgb & 0xff));
        return luminance > 0.179 ? "#000" : "#fff";
    }
}
