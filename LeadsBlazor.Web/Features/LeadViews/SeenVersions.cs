namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>
/// The version of each lead as the user's browser last showed it: what an action on a lead must send, so that a
/// change the user has not seen yet is refused instead of silently overwritten. Filled by <see cref="SeenVersion"/>.
/// </summary>
/// <remarks>
/// "Loaded" is not "seen": a live reload (another user's change) loads the new version at once, but the browser
/// shows it only when it has applied the render batch. A click the browser sent before that was aimed at the old
/// version, and it reaches the circuit before the batch's acknowledgement (one SignalR connection, in order), while
/// Blazor Server calls OnAfterRender only once the browser acknowledged the batch (Renderer.InvokeRenderCompletedCalls
/// awaits RemoteRenderer's pending batch). So a version becomes "seen" in OnAfterRender of the render that showed it.
/// </remarks>
public sealed class SeenVersions
{
    private readonly Dictionary<int, long> _seen = [];

    /// <summary>The version the user saw of the lead; <paramref name="loaded"/> when no render of it has reached the browser yet.</summary>
    public long Of(int leadId, long loaded) => _seen.TryGetValue(leadId, out var version) ? version : loaded;

    internal void Saw(int leadId, long version) => _seen[leadId] = version;
}
