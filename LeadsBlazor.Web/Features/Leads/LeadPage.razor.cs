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
    private readonly SeenVersions seen = new();
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
    private Attachments.AttachmentStore Files { get; set; } = default!;

    [Inject]
    private Projects.LeadProjectsQuery LeadProjects { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync() => userId = await AuthenticationState.UserIdAsync();

    protected override Task OnParametersSetAsync() => LoadAsync();

    // A tel: link carries only what a phone dials: "+49 89 123-45" becomes "+498912345".
    private static string Dialable(string number) => new([.. number.Where((c, i) => char.IsAsciiDigit(c) || (c == '+' && i == 0))]);

    private async Task LoadAsync()
    {
        details = await Query.GetAsync(LeadId);
        loaded = true;
    }

    private Task StartAsync() => RunAsync(version => Commands.StartAsync(LeadId, version, null, userId));

    private Task MoveAsync(int stageId) => RunAsync(version => Commands.MoveToStageAsync(LeadId, version, stageId, userId));

    private Task BackToPotentialAsync() => RunAsync(version => Commands.BackToPotentialAsync(LeadId, version, userId));

    // A reopened lead is acted on now: its next action is today. Its projects stay; a lead that has some asks first.
    private async Task ReopenAsync(LeadStatus to)
    {
        var seenAtClick = SeenVersion;
        var stageId = to == LeadStatus.Running ? details!.Lead.StageId ?? details.Stages[0].Id : (int?)null;
        var today = details!.Today;
        var projects = await LeadProjects.CountAsync(LeadId);
        if (projects > 0 && await Dialogs.ShowMessageBoxAsync(T["LeadProjects.ReopenTitle"], T.Plural(projects, "LeadProjects.ReopenOne", "LeadProjects.ReopenMany", projects),
                yesText: T["LeadProjects.ReopenYes"], cancelText: T["Common.Cancel"]) != true)
        {
            return;
        }

        await RunAsync(seenAtClick, version => Commands.ReopenAsync(LeadId, version, to, stageId, today, userId));
    }

    // A note only adds, so it carries no version (see LeadCommands). True when saved: a refused note stays in its box.
    private Task<bool> AddNoteAsync(string text) => Snackbar.TryAsync(T, () => Commands.AddNoteAsync(LeadId, text, userId));

    private Task ToggleLabelAsync(int labelId, bool isOn) =>
        RunAsync(version => isOn ? Commands.RemoveLabelAsync(LeadId, version, labelId, userId) : Commands.AddLabelAsync(LeadId, version, labelId, userId));

    // The bytes go only once the lead no longer names the file.
    private Task RemoveAttachmentAsync(int attachmentId) =>
        RunAsync(async version => Files.Delete(await Commands.RemoveAttachmentAsync(LeadId, version, attachmentId, userId)));

    // The version is the one seen at the click that opened the dialog: what changes while it is open is shown before it is overwritten.
    private async Task CloseAsync(LeadStatus outcome)
    {
        var seenAtClick = SeenVersion;
        if (await Dialogs.AskToCloseAsync(outcome, details!.Lead.Name, details.Today) is { } choice)
        {
            await RunAsync(seenAtClick, version => Commands.CloseAsync(LeadId, version, outcome, choice.ClosedOn, choice.ReasonId, choice.ReasonText, userId));
        }
    }

    // A saved edit comes back through the bus (LeadChanged) and reloads the page there.
    private Task EditAsync() =>
        Dialogs.ShowAsync<LeadFormDialog>(T["Lead.Edit"], new DialogParameters<LeadFormDialog> { { d => d.LeadId, LeadId } }, LeadFormDialog.Options);

    private long SeenVersion => seen.Of(LeadId, details!.Lead.Version);

    // Every action on the version the user saw (read before the first await, while the click is the latest thing
    // the circuit heard from the browser): run the use case and say what went wrong in the user's words. A committed
    // change reloads the page through its bus event; a refused one reloads here, so the page shows the lead as it now
    // is while the message says who changed what and offers the action on top of that.
    private Task RunAsync(Func<long, Task> action) => RunAsync(SeenVersion, action);

    private async Task RunAsync(long version, Func<long, Task> action)
    {
        if (!await Snackbar.TryOnLeadAsync(T, version, action))
        {
            await LoadAsync();
        }
    }
}
