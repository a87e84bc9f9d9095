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
/// board shows it on every card. In a list the click stays here: it does not reach the row (rows link to the lead).
/// </summary>
/// <remarks>
/// 13 frames whatever the labels (the picker's aside): the bars are one markup frame, one string per set of labels shared by every card and
/// session that shows it (a board card has 32 frames in all; see <see cref="Features.Board.LeadCardMarkup"/>).
/// </remarks>
public static class LabelBars
{
    // An account has a few dozen labels and leads carry a few each: the sets in use are some hundreds. Renamed or recoloured
    // labels leave entries behind, so past a bound the cache starts again.
    private static readonly ConcurrentDictionary<string, MarkupString> Bars = new();

    private const int MostSetsKept = 4_096;

    /// <param name="labels">The labels the lead carries now.</param>
    /// <param name="pickText">"Labels wählen", the button's title.</param>
    /// <param name="open">Whether the picker is open (<c>aria-expanded</c>).</param>
    /// <param name="toggle">Opens or closes the picker.</param>
    /// <param name="picker">The open picker, anchored below the bars; null while closed.</param>
    /// <param name="keepsClick">
    /// Whether a click stays here, as in a grid row, which takes clicks too. A board card has no click handler around the
    /// bars, and the attribute's name would be one more string per card in every session.
    /// </param>
    public static RenderFragment Render(IReadOnlyList<LabelChip> labels, string pickText, bool open, EventCallback toggle, RenderFragment? picker, bool keepsClick = true) => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "label-picker");
        if (keepsClick)
        {
            builder.AddEventStopPropagationAttribute(2, "onclick", true);
        }

        builder.OpenElement(4, "button");
        builder.AddAttribute(5, "type", "button");
        builder.AddAttribute(6, "class", "label-bars");
        builder.AddAttribute(7, "title", pickText);
        builder.AddAttribute(8, "aria-haspopup", "true");
        builder.AddAttribute(9, "aria-expanded", open ? "true" : "false");
        builder.AddAttribute(10, "onclick", toggle);
        builder.AddAttribute(11, "data-testid", "label-bars");
        builder.AddContent(12, labels.Count == 0 ? PlainIcon.Small(Icons.Material.Outlined.NewLabel, "label-bars-empty", pickText) : BarsOf(labels));
        builder.CloseElement();
        builder.AddContent(13, picker);
        builder.CloseElement();
    };

    // The name is the user's text, so it is encoded.
    private static MarkupString BarsOf(IReadOnlyList<LabelChip> labels)
    {
        if (Bars.Count > MostSetsKept)
        {
            Bars.Clear();
        }

        // Each colour and name with its length in front, so that no two sets of labels make the same key whatever they hold.
        var key = string.Concat(labels.Select(l => $"{l.Color.Length};{l.Color}{l.Name.Length};{l.Name}"));
        return Bars.GetOrAdd(key, static (_, labels) => new MarkupString(string.Concat(labels.Select(label =>
        {
            var name = HtmlEncoder.Default.Encode(label.Name);
            return $"<span class=\"label-bar\" style=\"background:{HtmlEncoder.Default.Encode(label.Color)}\" title=\"{name}\" role=\"img\" aria-label=\"{name}\" data-testid=\"label-bar\" data-label=\"{name}\"></span>";
        }))), labels);
    }
}
