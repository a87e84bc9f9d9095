using System.Security.Claims;
using LeadsBlazor.Web.Components.Account.Protection;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace LeadsBlazor.Web.Components.Account;

/// <summary>
/// The circuit's sign-in, checked like a request's (<see cref="UserSessions.IsValidAsync"/>): every few seconds,
/// and at once when the user's sessions are ended (on this instance or, through the relay, another) (new password, deactivation, role change).
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly IDisposable _subscription;
    private Task<AuthenticationState>? _state;

    public IdentityRevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory, IEventBus events)
        : base(loggerFactory)
    {
        _scopeFactory = scopeFactory;
        _subscription = events.Subscribe(OnEventAsync);

        // The state a circuit (or a request) was given; a scope that never got one has no session to end.
        AuthenticationStateChanged += state => _state = state;
    }

    protected override TimeSpan RevalidationInterval => IdentityServiceCollectionExtensions.CircuitCheckInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // A new scope, so the check reads fresh data rather than the circuit's.
        await using var scope = _scopeFactory.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserSessions>().IsValidAsync(authenticationState.User, cancellationToken);
    }

    private async Task OnEventAsync(PipelineEvent pipelineEvent)
    {
        if (pipelineEvent is not UserSessionsEnded ended || _state is null)
        {
            return;
        }

        var state = await _state;
        if (state.User.FindFirstValue(ClaimTypes.NameIdentifier) == ended.UserId && !await ValidateAuthenticationStateAsync(state, CancellationToken.None))
        {
            NotifyAuthenticationStateChanged(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _subscription.Dispose();
        }

        base.Dispose(disposing);
    }
}
