using Microsoft.AspNetCore.Components.Server.Circuits;

namespace LeadsBlazor.Web.Infrastructure.Live;

/// <summary>
/// Whether this session's browser is connected right now (one per circuit). While it is not (a closed tab, a laptop
/// lid, a lost network), Blazor keeps the circuit for <c>DisconnectedCircuitRetentionPeriod</c> in case the browser
/// comes back; <see cref="LiveRefresh"/> asks here and loads nothing for a view nobody can see, and reloads once when the
/// connection is back. Outside a circuit (the prerendering request, a component test) the connection counts as up.
/// </summary>
public sealed class CircuitConnection : CircuitHandler
{
    private volatile bool _up = true;

    /// <summary>Raised when the browser is connected (again).</summary>
    public event Action? Restored;

    public bool IsUp => _up;

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _up = true;
        Restored?.Invoke();
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _up = false;
        return Task.CompletedTask;
    }
}
