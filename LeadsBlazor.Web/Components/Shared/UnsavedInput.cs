using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LeadsBlazor.Web.Components.Shared;

/// <summary>
/// The way out of a dialog the user may have typed into. Escape and Cancel leave at once when nothing was typed and ask
/// first when something was, so no input is lost by accident; a click beside the dialog does not close it.
/// </summary>
/// <remarks>
/// A dialog wires it as <c>&lt;MudDialog OnKeyUp="leave.OnKeyUpAsync"&gt;</c> and its Cancel button to <see cref="LeaveAsync"/>.
/// MudBlazor hands Escape to a dialog only as the key is released, so the guard listens to key-up.
/// </remarks>
public sealed class UnsavedInput
{
    private readonly IMudDialogInstance dialog;
    private readonly IDialogService dialogs;
    private readonly IStringLocalizer text;
    private readonly Func<object?> input;
    private readonly Func<bool> busy;
    private readonly Task optionsTaken;
    private object? openedWith;
    private bool asking;
    private bool escapeAnswered;

    /// <summary>
    /// Takes over Escape and the backdrop of the dialog. <paramref name="input"/> gives everything the user can change as
    /// one value that compares by value (a tuple or a text); its value now is the dialog's opening state (see <see cref="Opened"/>).
    /// </summary>
    public UnsavedInput(IMudDialogInstance dialog, IDialogService dialogs, IStringLocalizer text, Func<object?> input, Func<bool>? busy = null)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(input);
        this.dialog = dialog;
        this.dialogs = dialogs;
        this.text = text;
        this.input = input;
        this.busy = busy ?? (() => false);
        openedWith = input();
        optionsTaken = dialog.SetOptionsAsync(dialog.Options with { CloseOnEscapeKey = false, BackdropClick = false });
    }

    /// <summary>For a dialog that loads what it shows: the fields now hold what the dialog opened with.</summary>
    public void Opened() => openedWith = input();

    /// <summary>Whether the user changed anything since the dialog opened.</summary>
    public bool HasInput => !Equals(input(), openedWith);

    public Task OnKeyUpAsync(KeyboardEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);

        // The release of an Escape that answered the question is not a new wish to leave.
        var answeredByEscape = escapeAnswered;
        escapeAnswered = false;
        return e.Key == "Escape" && !answeredByEscape ? LeaveAsync() : Task.CompletedTask;
    }

    public async Task LeaveAsync()
    {
        // A save under way finishes (and closes the dialog) by itself; a question already open is answered first.
        if (asking || busy())
        {
            return;
        }

        asking = true;
        try
        {
            await optionsTaken;

            // The question's first button has the focus, so Enter keeps editing: the safe answer is the default one.
            var keepEditing = HasInput
                ? await dialogs.ShowMessageBoxAsync(text["Unsaved.Title"], text["Unsaved.Text"], yesText: text["Unsaved.KeepEditing"], noText: text["Unsaved.Discard"],
                    options: new DialogOptions { BackdropClick = false, CloseOnEscapeKey = true })
                : false;
            if (keepEditing == false)
            {
                dialog.Cancel();
            }

            // Escape on the question keeps editing too.
            escapeAnswered = keepEditing is null;
        }
        finally
        {
            asking = false;
        }
    }
}
