using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using LeadsBlazor.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LeadsBlazor.Web.Features.Board;

/// <summary>
/// What a board card only shows (customer, revenue, responsible, next action, idle mark) as one markup frame, and the
/// icons it uses as an SVG sprite the board renders once.
/// </summary>
/// <remarks>
/// Blazor holds each component's frames in arrays that grow by doubling from 32, twice per component (the last render and
/// the next), in every session showing the card. As elements with attributes these parts took a card to about 75 frames
/// (arrays of 128); as one frame the card stays within 32. The icons are <c>&lt;use&gt;</c> references to the sprite, so
/// a card's string holds no path data. Every text from the user is encoded.
/// </remarks>
public static class LeadCardMarkup
{
    private const string EventIcon = "lead-card-icon-event";
    private const string DueIcon = "lead-card-icon-due";
    private const string IdleIcon = "lead-card-icon-idle";

    private static readonly string EventSvg = PlainIcon.Reference(EventIcon);
    private static readonly string DueSvg = PlainIcon.Reference(DueIcon);
    private static readonly string IdleSvg = PlainIcon.Reference(IdleIcon, "mud-warning-text");

    /// <summary>The icons the cards refer to, once per board.</summary>
    public static MarkupString Sprite { get; } = PlainIcon.Sprite(
        "lead-card-sprite",
        (EventIcon, Icons.Material.Outlined.Event),
        (DueIcon, Icons.Material.Filled.NotificationImportant),
        (IdleIcon, Icons.Material.Filled.HourglassBottom));

    // Each card's details, kept with the card: the cards of a board are shared by every session showing its view (ADR 0014),
    // so they share one string too instead of a copy each (at 200 cards about 0.5 MB per session). Built again only in
    // another language; a card that changes is a new card.
    private static readonly ConditionalWeakTable<BoardCard, Built> Cache = new();

    private sealed record Built(string Culture, string Texts, MarkupString Html);

    /// <summary>The card's details, with the idle mark's words (<c>Attention.NoChangeFor</c>) in the user's language.</summary>
    public static MarkupString Details(BoardCard card, IStringLocalizer texts)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(texts);
        var culture = CultureInfo.CurrentCulture.Name;
        var language = CultureInfo.CurrentUICulture.Name;
        if (Cache.TryGetValue(card, out var built) && built.Culture == culture && built.Texts == language)
        {
            return built.Html;
        }

        var html = Build(card, texts);
        Cache.AddOrUpdate(card, new Built(culture, language, html));
        return html;
    }

    private static MarkupString Build(BoardCard card, IStringLocalizer texts)
    {
        var html = new StringBuilder(512);
        if (!string.IsNullOrEmpty(card.Customer))
        {
            html.Append("<span class=\"mud-typography mud-typography-caption lead-card-customer\">").Append(Encode(card.Customer)).Append("</span>");
        }

        var responsible = Encode(card.ResponsibleName);
        html.Append("<div class=\"lead-card-row lead-card-money\"><p class=\"mud-typography mud-typography-body2 lead-card-revenue\" data-value=\"")
            .Append(card.Revenue.Amount.ToString(CultureInfo.InvariantCulture)).Append("\">").Append(Encode(Formats.MoneyKeepingCents(card.Revenue))).Append("</p>")
            .Append("<div class=\"mud-avatar mud-avatar-small mud-avatar-outlined mud-avatar-outlined-primary lead-card-avatar\" role=\"img\" title=\"")
            .Append(responsible).Append("\" aria-label=\"").Append(responsible).Append("\">").Append(Encode(card.ResponsibleInitials)).Append("</div></div>");

        if (card.NextActionOn is { } next)
        {
            html.Append(card.IsDue
                    ? "<span class=\"mud-typography mud-typography-caption mud-error-text lead-card-next\" data-due=\"true\">"
                    : "<span class=\"mud-typography mud-typography-caption lead-card-next\" data-due=\"false\">")
                .Append(card.IsDue ? DueSvg : EventSvg)
                .Append(' ')
                .Append(Encode(Formats.Date(next)));
            if (card.IdleDays is { } idle)
            {
                var text = Encode(texts["Attention.NoChangeFor", idle]);
                html.Append(" <span class=\"lead-card-idle\" role=\"img\" title=\"").Append(text).Append("\" aria-label=\"").Append(text)
                    .Append("\" data-testid=\"idle-mark\" data-days=\"").Append(idle.ToString(CultureInfo.InvariantCulture)).Append("\">")
                    .Append(IdleSvg).Append("</span>");
            }

            html.Append("</span>");
        }

        return new MarkupString(html.ToString());
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
