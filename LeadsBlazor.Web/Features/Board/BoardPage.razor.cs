using System.Security.Claims;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Components.Shared;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace LeadsBlazor.Web.Features.Board;

/// <summary>
/// The kanban of running leads. Dropping a card saves the stage at once; a failed save puts the card
/// back and says why. Every committed change to what the board shows reloads it through
/// <see cref="LiveRefresh"/>, so all sessions see it live; a reload renders only the columns and cards that changed.
/// </summary>
/// <remarks>
/// The cards drag with the browser's own drag and drop (Blazor's drag events), not MudBlazor's <c>MudDropContainer</c>: that
/// puts two more components around every card (its drop item and a cascading value) with seven event handlers, which
/// kept an open board at 3.6 MB of server memory per session for 200 cards (issue 20 asks for 2 MB), and it orders a
/// zone's items by its own table, which a live board had to follow. Keyboard and touch users move a card with its menu.
/// </remarks>
public sealed partial class BoardPage : IDisposable
{
    private const string WonZone = "won";
    private const string LostZone = "lost";

    private readonly Dictionary<int, int> _cardsPerStage = [];
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private readonly SeenVersions seen = new();
    private readonly BoardColumns columns = new();
    private BoardData? board;
    private BoardCard? dragged;
    private string _userId = "";
    private ClaimsPrincipal _user = new();

    [Inject]
    private BoardQuery Query { get; set; } = default!;

    [Inject]
    private LeadCommands Commands { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

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

    protected override async Task OnInitializedAsync()
    {
        _user = (await AuthenticationState).User;
        _userId = _user.UserId();
    }

    // No double loads: the prerender computed this view's board into the shared views (BoardQuery), so the interactive
    // render's load takes it from there instead of querying again. The board is not handed over as persisted component
    // state: a board of 200 cards is larger than the 32 KB a circuit's start message may carry.
    protected override Task OnParametersSetAsync() => ReloadAsync();

    public void Dispose()
    {
        _reloading.Dispose();
    }

    private LeadFilter Filter => LeadViewParameters.Filter(_user, Responsible, Labels, Search);

    private async Task ReloadAsync()
    {
        await _reloading.WaitAsync();
        try
        {
            board = await Query.LoadAsync(Filter, _cardsPerStage);
            columns.Load(board.Cards);
            // A lifted card that a reload moved or removed has left the page with its element, so its drag's end never
            // arrives: the board stops showing the drop targets.
            if (dragged is not null && !columns.In(dragged.Zone).Any(c => c.Id == dragged.Id))
            {
                dragged = null;
            }
        }
        finally
        {
            _reloading.Release();
        }
    }

    private void DragStarted(BoardCard card) => dragged = card;

    // A drop reaches its zone before the drag ends, so this only clears a drag that ended nowhere.
    private void DragEnded(BoardCard card)
    {
        if (dragged?.Id == card.Id)
        {
            dragged = null;
        }
    }

    private Task DropAsync(string zone)
    {
        if (dragged is not { } card)
        {
            return Task.CompletedTask;
        }

        dragged = null;
        return MoveAsync(card, zone, seen.Of(card.Id, card.Version));
    }

    /// <summary>
    /// Moves a card to a stage column, or closes its lead when it lands on "won" or "lost"; the card menu calls this too.
    /// <paramref name="version"/> is the card's version as the browser showed it when the user dropped or clicked.
    /// </summary>
    private async Task MoveAsync(BoardCard card, string zone, long version)
    {
        if (zone == card.Zone || board is null)
        {
            return;
        }

        Func<long, Task> action;
        if (zone is WonZone or LostZone)
        {
            var outcome = zone == WonZone ? LeadStatus.Won : LeadStatus.Lost;
            if (await Dialogs.AskToCloseAsync(outcome, card.Name, board.Today) is not { } choice)
            {
                await PutBackAsync(card);
                return;
            }

            action = async version =>
            {
                await Commands.CloseAsync(card.Id, version, outcome, choice.ClosedOn, choice.ReasonId, choice.ReasonText, _userId);
                Snackbar.Add(T["Board.Closed", card.Name, T[$"Status.{outcome}"]], Severity.Success);
            };
        }
        else
        {
            var column = board.Columns.Single(c => c.Zone == zone);
            // The card shows in its new column at once; the loaded card stays as loaded (it may be shared with other sessions).
            columns.Dropped(card, zone);
            action = async version =>
            {
                await Commands.MoveToStageAsync(card.Id, version, column.StageId, _userId);
                Snackbar.Add(T["Board.Moved", card.Name, column.Name], Severity.Success);
            };
        }

        // A card someone else moved (or changed) since this board loaded it: the drop is refused, the card goes
        // where the database has it and the message says who moved it where. Applying this drop anyway is one
        // click ("Apply anyway") on top of their version: a drop was aimed at the card as it was shown, so it
        // must not silently undo the other person's move.
        if (!await Snackbar.TryOnLeadAsync(T, version, action))
        {
            await PutBackAsync(card);
        }
    }

    // A refused or cancelled move publishes nothing, so the board reloads itself to put the card back where
    // the database has it; a saved one reaches this board through the bus like every other. A refusal means the
    // database is ahead of the shared board (another instance's change not heard yet): it is read again.
    private async Task PutBackAsync(BoardCard card)
    {
        columns.TakeBack(card.Id);
        await Query.ForgetAsync(Filter, _cardsPerStage);
        await ReloadAsync();
        StateHasChanged();
    }

    private async Task ChooseMoveAsync(BoardCard card)
    {
        var seenAtClick = seen.Of(card.Id, card.Version);
        var stages = board!.Columns.Where(c => c.Zone != card.Zone).Select(c => (c.Zone, c.Name)).ToList();
        var parameters = new DialogParameters<MoveLeadDialog>
        {
            { d => d.LeadName, card.Name },
            { d => d.Stages, stages },
            { d => d.WonZone, WonZone },
            { d => d.LostZone, LostZone },
        };
        var dialog = await Dialogs.ShowAsync<MoveLeadDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: string zone })
        {
            await MoveAsync(card, zone, seenAtClick);
        }
    }

    private async Task ShowMoreAsync(int stageId)
    {
        _cardsPerStage[stageId] = _cardsPerStage.GetValueOrDefault(stageId, BoardQuery.PageSize) + BoardQuery.PageSize;
        await ReloadAsync();
    }
}
