using System.Security.Claims;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace LeadsBlazor.Web.Features.Forecast;

/// <summary>
/// The forecast (Rule 15): the running leads' weighted revenue of the view's filter spread over the next twelve months per stage,
/// as a chart and a table, with the won revenue beside it. Every change to a lead, stage, label or rate reloads it through
/// <see cref="LiveRefresh"/>, so its total keeps matching the board's weighted volume in every session.
/// </summary>
public sealed partial class ForecastPage
{
    private ForecastView? forecast;
    private ClaimsPrincipal _user = new();
    private int _loads;

    [Inject]
    private ForecastQuery Query { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>"me", a user id, or empty for everyone.</summary>
    [SupplyParameterFromQuery(Name = "responsible")]
    public string? Responsible { get; set; }

    /// <summary>Label ids the leads must all carry, comma-separated.</summary>
    [SupplyParameterFromQuery(Name = "labels")]
    public string? Labels { get; set; }

    [SupplyParameterFromQuery(Name = "q")]
    public string? Search { get; set; }

    protected override async Task OnInitializedAsync() => _user = (await AuthenticationState).User;

    protected override Task OnParametersSetAsync() => ReloadAsync();

    // A live refresh and a changed filter may load at once: only the latest load is shown, never an older one that finished later.
    private async Task ReloadAsync()
    {
        var load = ++_loads;
        var loaded = await Query.GetAsync(LeadViewParameters.Filter(_user, Responsible, Labels, Search));
        if (load == _loads)
        {
            forecast = loaded;
        }
    }
}
