using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Components.Shared;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace LeadsBlazor.Web.Features.Leads;

/// <summary>One lead: its fields, status moves, labels, notes and history, live for every session.</summary>
public sealed partial class LeadPage
{
    private LeadDetails? details;
    private bool loaded;
    private string userId = "";

    [Parameter]
    public int LeadId { get; set; }

    [Inject]
    private LeadDetailsQuery Query { get; set; } = default!;

    [Inject]
    private LeadCommands Commands { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync() => userId = await AuthenticationState.UserIdAsync();

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        details = await Query.GetAsync(LeadId);
        loaded = true;
    }

    private long Version => details!.Lead.Version;

    private Task StartAsync() => RunAsync(() => Commands.StartAsync(LeadId, Version, null, userId));

    private Task MoveAsync(int stageId) => RunAsync(() => Commands.MoveToStageAsync(LeadId, Version, stageId, userId));

    private Task BackToPotentialAsync() => RunAsync(() => Commands.BackToPotentialAsync(LeadId, Version, userId));

    // A reopened lead is acted on now: its next action is today.
    private Task ReopenAsync(LeadStatus to) =>
        RunAsync(() => Commands.ReopenAsync(LeadId, Version, to, to == LeadStatus.Running ? details!.Lead.StageId ?? details.Stages[0].Id : null, details!.Today, userId));

    private Task AddNoteAsync(string text) => RunAsync(() => Commands.AddNoteAsync(LeadId, text, userId));

    private Task ToggleLabelAsync(int labelId, bool isOn) =>
        RunAsync(() => isOn ? Commands.RemoveLabelAsync(LeadId, labelId, userId) : Commands.AddLabelAsync(LeadId, labelId, userId));

    private async Task CloseAsync(LeadStatus outcome)
    {
        if (await Dialogs.AskToCloseAsync(outcome, details!.Lead.Name, details.Today) is { } choice)
        {
            await RunAsync(() => Commands.CloseAsync(LeadId, Version, outcome, choice.ClosedOn, choice.ReasonId, choice.ReasonText, userId));
        }
    }

    // A saved edit comes back through the bus (LeadChanged) and reloads the page there.
    private Task EditAsync() =>
        Dialogs.ShowAsync<LeadFormDialog>(T["Lead.Edit"], new DialogParameters<LeadFormDialog> { { d => d.LeadId, LeadId } }, LeadFormDialog.Options);

    // Every action: run the use case and say what went wrong in the user's words. A committed change reloads
    // the page through its bus event; a refused one reloads here, so the page shows the lead as it now is.
    private async Task RunAsync(Func<Task> action)
    {
        if (!await Snackbar.TryAsync(T, action))
        {
            await LoadAsync();
        }
    }
}
