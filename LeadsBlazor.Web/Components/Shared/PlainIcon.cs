using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;

namespace LeadsBlazor.Web.Components.Shared;

/// <summary>
/// A MudBlazor icon as plain SVG, with MudIcon's classes (so it looks the same) but without a component: for markup
/// repeated hundreds of times on a page, such as board cards, where each component costs memory in every session.
/// The icon is one markup frame, not an element with six attribute frames: every frame a card renders is held twice
/// (the last render and the next) in every session showing the card.
/// </summary>
public static class PlainIcon
{
    // The same few icons on every card, with a label from a handful of texts per language: one string each, shared by all sessions.
    private static readonly ConcurrentDictionary<(string Icon, string? CssClass, string? Label), MarkupString> Shared = new();

    /// <param name="icon">An <c>Icons.Material…</c> value: the SVG's inner markup.</param>
    /// <param name="cssClass">Further classes, e.g. <c>mud-error-text</c> for the colour.</param>
    /// <param name="label">What the icon says to a screen reader; null for a decorative icon, which is hidden from it.</param>
    public static MarkupString Small(string icon, string? cssClass = null, string? label = null) =>
        Shared.GetOrAdd((icon, cssClass, label), static key => Markup(key.Icon, key.CssClass, key.Label));

    private static MarkupString Markup(string icon, string? cssClass, string? label)
    {
        var classes = cssClass is null ? "mud-icon-root mud-svg-icon mud-icon-size-small" : "mud-icon-root mud-svg-icon mud-icon-size-small " + cssClass;
        var speaks = label is null ? "aria-hidden=\"true\"" : $"aria-label=\"{HtmlEncoder.Default.Encode(label)}\"";
        return new MarkupString($"<svg class=\"{HtmlEncoder.Default.Encode(classes)}\" focusable=\"false\" viewBox=\"0 0 24 24\" role=\"img\" {speaks}>{icon}</svg>");
    }
}
