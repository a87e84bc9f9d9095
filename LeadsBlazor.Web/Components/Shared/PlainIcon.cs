using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace LeadsBlazor.Web.Components.Shared;

/// <summary>
/// A MudBlazor icon as plain SVG, with MudIcon's classes (so it looks the same) but without a component: for markup
/// repeated hundreds of times on a page, such as board cards, where each component costs memory in every session.
/// </summary>
public static class PlainIcon
{
    /// <param name="icon">An <c>Icons.Material…</c> value: the SVG's inner markup.</param>
    /// <param name="cssClass">Further classes, e.g. <c>mud-error-text</c> for the colour.</param>
    /// <param name="label">What the icon says to a screen reader; null for a decorative icon, which is hidden from it.</param>
    public static RenderFragment Small(string icon, string? cssClass = null, string? label = null) => builder => Build(builder, icon, cssClass, label);

    private static void Build(RenderTreeBuilder builder, string icon, string? cssClass, string? label)
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", cssClass is null ? "mud-icon-root mud-svg-icon mud-icon-size-small" : "mud-icon-root mud-svg-icon mud-icon-size-small " + cssClass);
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "role", "img");
        if (label is null)
        {
            builder.AddAttribute(5, "aria-hidden", "true");
        }
        else
        {
            builder.AddAttribute(6, "aria-label", label);
        }

        builder.AddMarkupContent(7, icon);
        builder.CloseElement();
    }
}
