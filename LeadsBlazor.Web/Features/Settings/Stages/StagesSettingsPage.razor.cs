using LeadsBlazor.Web.Components.Shared;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace LeadsBlazor.Web.Features.Settings.Stages;

/// <summary>Rule 2 for the owner: the running stages in order, with their probabilities and what they hold; live for every session.</summary>
public sealed partial class StagesSettingsPage
{
    private StageSettings? settings;
    private int revision;

    [Inject]
    private StageSettingsQuery Query { get; set; } = default!;

    [Inject]
    private StageCommands Commands { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync() => settings = await Query.GetAsync();

    // Another owner's session, or a lead moved on the board, changes the figures here too.
    private async Task ReloadAsync()
    {
        settings = await Query.GetAsync();
        revision++;
    }

    private async Task AddAsync() => await ShowStageDialogAsync(T["Stage.Add"], null);

    private async Task EditAsync(StageRow stage) => await ShowStageDialogAsync(T["Stage.Edit"], stage);

    private async Task ShowStageDialogAsync(string title, StageRow? stage)
    {
        var parameters = new DialogParameters<StageDialog> { { d => d.Stage, stage }, { d => d.Volume, settings!.Volume } };
        var dialog = await Dialogs.ShowAsync<StageDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await ReloadAsync();
        }
    }

    private async Task DeleteAsync(StageRow stage)
    {
        var parameters = new DialogParameters<DeleteStageDialog> { { d => d.Stage, stage }, { d => d.Stages, settings!.Stages } };
        var dialog = await Dialogs.ShowAsync<DeleteStageDialog>(T["Stage.DeleteTitle", stage.Name], parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await ReloadAsync();
        }
    }

    private async Task OnDroppedAsync(MudItemDropInfo<StageRow> drop) => await MoveAsync(drop.Item!, drop.IndexInZone);

    private async Task MoveAsync(StageRow stage, int newIndex)
    {
        var userId = await AuthenticationState.UserIdAsync();
        await Snackbar.TryAsync(T, () => Commands.MoveAsync(stage.Id, newIndex, userId));

        // Also after a refusal: the list shows the order that is saved, not the one dragged.
        await ReloadAsync();
    }
}
