using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using LeadsBlazor.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>
/// A lead's labels as small coloured bars in one button that opens the label picker; plain markup, no component, as a
/// board shows it on every card. The click stays here: it neither opens the lead (rows and cards link to it) nor starts a drag.
/// </summary>
public static class LabelBars
{
    // The labels an account has are a few dozen; renamed or recoloured ones add an entry each, which stays small.
    private static readonly ConcurrentDictionary<(string Name, string Color), MarkupString> Bars = new();

    /// <param name="leadId">The lead, for tests and tools: <c>data-lead-id</c>.</param>
    /// <param name="labels">The labels the lead carries now.</param>
    /// <param name="pickText">"Labels wählen", the button's title.</param>
    /// <param name="open">Whether the picker is open (<c>aria-expanded</c>).</param>
    /// <param name="toggle">Opens or closes the picker.</param>
    /// <param name="picker">The open picker, anchored below the bars; null while closed.</param>
    public static RenderFragment Render(int leadId, IReadOnlyList<LabelChip> labels, string pickText, bool open, EventCallback toggle, RenderFragment? picker) => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "label-picker");
        builder.AddAttribute(2, "draggable", "false");
        builder.AddEventStopPropagationAttribute(3, "onclick", true);
        builder.AddAttribute(4, "data-testid", "label-picker");
        builder.AddAttribute(5, "data-lead-id", leadId);

        builder.OpenElement(6, "button");
        builder.AddAttribute(7, "type", "button");
        builder.AddAttribute(8, "class", "label-bars");
        builder.AddAttribute(9, "title", pickText);
        builder.AddAttribute(10, "aria-haspopup", "true");
        builder.AddAttribute(11, "aria-expanded", open ? "true" : "false");
        builder.AddAttribute(12, "draggable", "false");
        builder.AddAttribute(13, "onclick", toggle);
        builder.AddAttribute(14, "data-testid", "label-bars");
        foreach (var label in labels)
        {
            builder.AddContent(15, Bar(label));
        }

        if (labels.Count == 0)
        {
            builder.AddContent(23, PlainIcon.Small(Icons.Material.Outlined.NewLabel, "label-bars-empty", pickText));
        }

        builder.CloseElement();
        builder.AddContent(24, picker);
        builder.CloseElement();
    };

    // One markup frame per bar instead of an element with seven attribute frames (a card's frames are held twice in every
    // session showing it). The name is the user's text, so it is encoded; the same label gives the same string, shared.
    private static MarkupString Bar(LabelChip label) => Bars.GetOrAdd((label.Name, label.Color), static key =>
    {
        var name = HtmlEncoder.Default.Encode(key.Name);
        return new MarkupString($"<span class=\"label-bar\" style=\"background:{HtmlEncoder.Default.Encode(key.Color)}\" title=\"{name}\" role=\"img\" aria-label=\"{name}\" data-testid=\"label-bar\" data-label=\"{name}\"></span>");
    });
}
