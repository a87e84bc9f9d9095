// Opens and closes the translated reconnect dialog (ReconnectModal.razor) as blazor.web.js reports the
// connection's state, and wires its two buttons. A module file, because the CSP forbids inline script.
const dialog = document.getElementById("components-reconnect-modal");

if (dialog) {
    dialog.addEventListener("components-reconnect-state-changed", onStateChanged);
    document.getElementById("components-reconnect-button")?.addEventListener("click", retry);
    document.getElementById("components-resume-button")?.addEventListener("click", resume);
    // Escape would close the modal dialog while the app is still unusable behind it.
    dialog.addEventListener("cancel", event => event.preventDefault());
}

function onStateChanged(event) {
    switch (event.detail.state) {
        case "show":
        case "paused":
            if (!dialog.open) {
                dialog.showModal();
            }
            break;
        case "hide":
            dialog.close();
            break;
        case "failed":
            // Blazor has given up retrying: try once more as soon as the user comes back to the tab.
            document.addEventListener("visibilitychange", retryWhenVisible);
            break;
        case "rejected":
            // The server is reachable but no longer knows this session: only a new page helps.
            location.reload();
            break;
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenVisible);
    try {
        // true: reconnected; false: the server answered but has dropped the circuit, whose state may
        // still be resumable; an exception: the server is not reachable yet.
        if (await Blazor.reconnect()) {
            return;
        }
        if (await Blazor.resumeCircuit()) {
            dialog.close();
        } else {
            location.reload();
        }
    } catch {
        document.addEventListener("visibilitychange", retryWhenVisible);
    }
}

async function resume() {
    try {
        if (!await Blazor.resumeCircuit()) {
            location.reload();
        }
    } catch {
        dialog.classList.remove("components-reconnect-paused");
        dialog.classList.add("components-reconnect-resume-failed");
    }
}

async function retryWhenVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
