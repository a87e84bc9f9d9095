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
    private static readonly ConcurrentDictionary<(string Icon, string SizeClasses, string? CssClass, string? Label), MarkupString> Shared = new();

    /// <summary>The classes of a small <c>MudIconButton</c>, for a plain <c>&lt;button&gt;</c> holding <see cref="IconButtonLabel"/>.</summary>
    public const string SmallIconButtonClass = "mud-button-root mud-icon-button mud-ripple mud-ripple-icon mud-icon-button-size-small";

    /// <summary>A small <c>MudIconButton</c>'s content: the decorative icon in its label span, one shared string per icon.</summary>
    /// <param name="icon">An <c>Icons.Material…</c> value.</param>
    public static MarkupString IconButtonLabel(string icon) => new($"<span class=\"mud-icon-button-label\">{Small(icon)}</span>");

    /// <param name="icon">An <c>Icons.Material…</c> value: the SVG's inner markup.</param>
    /// <param name="cssClass">Further classes, e.g. <c>mud-error-text</c> for the colour.</param>
    /// <param name="label">What the icon says to a screen reader; null for a decorative icon, which is hidden from it.</param>
    public static MarkupString Small(string icon, string? cssClass = null, string? label = null) =>
        Of(icon, SmallClasses, cssClass, label);

    /// <summary>A decorative icon of MudIcon's default (medium) size, e.g. a navigation link's.</summary>
    /// <param name="icon">An <c>Icons.Material…</c> value.</param>
    /// <param name="cssClass">Further classes, e.g. MudNavLink's <c>mud-nav-link-icon</c>.</param>
    public static MarkupString Medium(string icon, string cssClass) =>
        Of(icon, MediumClasses, cssClass, label: null);

    /// <summary>
    /// A decorative icon that refers to a symbol of a <see cref="Sprite"/> on the same page: a few dozen characters instead
    /// of the icon's path data, for markup built per item (board cards).
    /// </summary>
    /// <param name="symbolId">The symbol's id in the sprite.</param>
    /// <param name="cssClass">Further classes, e.g. <c>mud-warning-text</c> for the colour.</param>
    public static string Reference(string symbolId, string? cssClass = null) =>
        $"<svg class=\"{Classes(SmallClasses, cssClass)}\" focusable=\"false\" aria-hidden=\"true\"><use href=\"#{symbolId}\"/></svg>";

    /// <summary>Icons as symbols for <see cref="Reference"/>, rendered once per page: hidden, out of the layout and of the accessibility tree.</summary>
    /// <param name="cssClass">The sprite's class, which keeps it out of the layout (app.css).</param>
    /// <param name="symbols">Each symbol's id and its <c>Icons.Material…</c> value.</param>
    public static MarkupString Sprite(string cssClass, params (string Id, string Icon)[] symbols) => new(
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{cssClass}\" aria-hidden=\"true\" focusable=\"false\">"
        + string.Concat(symbols.Select(s => $"<symbol id=\"{s.Id}\" viewBox=\"0 0 24 24\">{s.Icon}</symbol>"))
        + "</svg>");

    private static MarkupString Of(string icon, string sizeClasses, string? cssClass, string? label) =>
        Shared.GetOrAdd((icon, sizeClasses, cssClass, label), static key => Markup(key.Icon, Classes(key.SizeClasses, key.CssClass), key.Label));

    private static MarkupString Markup(string icon, string classes, string? label)
    {
        var speaks = label is null ? "aria-hidden=\"true\"" : $"aria-label=\"{HtmlEncoder.Default.Encode(label)}\"";
        return new MarkupString($"<svg class=\"{classes}\" focusable=\"false\" viewBox=\"0 0 24 24\" role=\"img\" {speaks}>{icon}</svg>");
    }

    // MudIcon's classes for a small and a medium icon, so a plain one looks the same.
    private const string SmallClasses = "mud-icon-root mud-svg-icon mud-icon-size-small";
    private const string MediumClasses = "mud-icon-root mud-icon-default mud-svg-icon mud-icon-size-medium";

    private static string Classes(string sizeClasses, string? cssClass) =>
        HtmlEncoder.Default.Encode(cssClass is null ? sizeClasses : sizeClasses + " " + cssClass);
}
