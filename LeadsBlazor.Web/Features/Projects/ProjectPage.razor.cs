using LeadsBlazor.Domain.Projects;
using LeadsBlazor.Web.Components.Shared;
using LeadsBlazor.Web.Features.Attachments;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace LeadsBlazor.Web.Features.Projects;

/// <summary>One project: its details, status moves, the lead's offers to bill, files, notes and history, live for every session.</summary>
public sealed partial class ProjectPage
{
    private ProjectOverview? overview;
    private bool loaded;
    private string userId = "";

    [Parameter]
    public int ProjectId { get; set; }

    [Inject]
    private ProjectDetailsQuery Query { get; set; } = default!;

    [Inject]
    private ProjectCommands Commands { get; set; } = default!;

    [Inject]
    private AttachmentStore Files { get; set; } = default!;

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
        overview = await Query.GetAsync(ProjectId);
        loaded = true;
    }

    // At the version on screen: a move someone else overtook is refused, and the page shows the project as it now is.
    private async Task ChangeStatusAsync(ProjectStatus to)
    {
        var version = overview!.Project.Version;
        if (!await Snackbar.TryAsync(T, () => Commands.ChangeStatusAsync(ProjectId, version, to, userId)))
        {
            await LoadAsync();
        }
    }

    // The dialog starts from the project as shown. A save publishes ProjectsChanged, and this page's LiveRefresh reloads
    // it like every other session's, so the page does not load it a second time here.
    private Task EditAsync() => ProjectDialog.EditAsync(Dialogs, T["ProjectDialog.EditTitle"], ProjectId, overview!.Project.Version);

    // A note only adds, so it carries no version. True when saved: a refused note stays in its box.
    private Task<bool> AddNoteAsync(string text) => Snackbar.TryAsync(T, () => Commands.AddNoteAsync(ProjectId, text, userId));

    private Task AttachAsync(StoredFile stored) => Commands.AttachAsync(ProjectId, stored, userId);

    // The bytes go only once the project no longer names the file.
    private async Task RemoveAttachmentAsync(int attachmentId)
    {
        var name = overview!.Project.Attachments.FirstOrDefault(a => a.Id == attachmentId)?.FileName ?? "";
        if (await Dialogs.ShowMessageBoxAsync(T["ProjectPage.RemoveFile"], T["ProjectPage.RemoveFileText", name],
                yesText: T["Lead.RemoveAttachment"], cancelText: T["Common.Cancel"]) == true)
        {
            await Snackbar.TryAsync(T, async () => Files.Delete(await Commands.RemoveAttachmentAsync(ProjectId, attachmentId, userId)));
        }
    }
}
