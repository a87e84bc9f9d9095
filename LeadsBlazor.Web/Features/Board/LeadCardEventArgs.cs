using Microsoft.AspNetCore.Components;

namespace LeadsBlazor.Web.Features.Board;

/// <summary>A board card's event as its column receives it: which card (its lead's id, 0 when the event came from no card).</summary>
/// <remarks>
/// A column handles its cards' drag and menu events (<c>wwwroot/LeadsBlazor.Web.lib.module.js</c> registers them): with
/// handlers of their own, each card held three delegates, three entries in the circuit's event table and three callbacks
/// in its column's frames, in every session showing the board (ADR 0017).
/// </remarks>
public sealed class LeadCardEventArgs : EventArgs
{
    public int LeadId { get; set; }
}

/// <summary>
/// The card events a column takes: a card lifted, a drag ended (dropped or not), a card's menu button pressed. Razor finds
/// custom events only on a class named exactly <c>EventHandlers</c>.
/// </summary>
[EventHandler("onleadcarddragstart", typeof(LeadCardEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
[EventHandler("onleadcarddragend", typeof(LeadCardEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
[EventHandler("onleadcardmenu", typeof(LeadCardEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers
{
}
