// Blazor's JavaScript initializer for this app (loaded by blazor.web.js because of its name).
//
// Board cards report their events to their column (Features/Board/LeadCardEventArgs.cs) instead of holding handlers of their
// own: every handler is a delegate and an entry in the circuit's event table, and a board shows hundreds of cards in
// every open session. The column learns which card from the card's data-lead-id.

const cardOf = target => target instanceof Element ? target.closest('.lead-card[data-lead-id]') : null;

const leadCardEventArgs = event => ({ leadId: Number(cardOf(event.target)?.dataset.leadId ?? 0) });

export function afterWebStarted(blazor) {
    blazor.registerCustomEventType('leadcarddragstart', { browserEventName: 'dragstart', createEventArgs: leadCardEventArgs });
    blazor.registerCustomEventType('leadcarddragend', { browserEventName: 'dragend', createEventArgs: leadCardEventArgs });
    // Only a click on a card's menu button becomes this event: other clicks on a card (its link) do not reach the server.
    blazor.registerCustomEventType('leadcardmenu', { createEventArgs: leadCardEventArgs });
    document.addEventListener('click', event => {
        const menu = event.target instanceof Element ? event.target.closest('.lead-card-menu') : null;
        if (menu && cardOf(menu)) {
            menu.dispatchEvent(new CustomEvent('leadcardmenu', { bubbles: true }));
        }
    });

    // The card in the air is dimmed where it was lifted: what the browser shows of a drag, with no round trip. After the
    // next frame, as the browser takes the image that follows the pointer once the dragstart handlers ran; not if the
    // drag ended before that frame.
    let lifted = null;
    document.addEventListener('dragstart', event => {
        lifted = cardOf(event.target);
        const card = lifted;
        card && requestAnimationFrame(() => lifted === card && card.classList.add('lead-card-dragging'));
    });
    document.addEventListener('dragend', event => {
        lifted = null;
        cardOf(event.target)?.classList.remove('lead-card-dragging');
    });
}
