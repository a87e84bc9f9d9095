using System.Text.RegularExpressions;
using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Labels;

/// <summary>A label (name and colour) any user can put on leads.</summary>
public sealed partial class Label
{
    private Label()
    {
        Name = "";
        Color = "";
    }

    public Label(string name, string color)
    {
        Name = Text.Required(name, nameof(Name), 50);
        Color = CheckColor(color);
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>A CSS colour as #rrggbb.</summary>
    public string Color { get; private set; }

    public void Rename(string name) => Name = Text.Required(name, nameof(Name), 50);

    public void Recolor(string color) => Color = CheckColor(color);

    /// <summary>Label names are unique, ignoring case.</summary>
    public static void EnsureUnique(string name, IEnumerable<string> existingNames)
    {
        var trimmed = name.Trim();
        if (existingNames.Any(n => string.Equals(n, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException(nameof(Name), ErrorKeys.DuplicateName, trimmed);
        }
    }

    private static string CheckColor(string color) =>
        color is not null && HexColor().IsMatch(color) ? color.ToLowerInvariant() : throw new DomainException(nameof(Color), ErrorKeys.InvalidColor, color ?? "");

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();
}
