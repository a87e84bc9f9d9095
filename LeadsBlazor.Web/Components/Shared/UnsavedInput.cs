using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LeadsBlazor.Web.Components.Shared;

/// <summary>Leaving a form the user has typed into: they are asked first, so Escape or Cancel never loses input by accident.</summary>
public static class UnsavedInput
{
    /// <summary>
    /// True when the user chose to discard their input, false when they chose to keep editing, null when they closed the
    /// question with Escape (which keeps editing too). A click beside the question does not answer it.
    /// </summary>
    public static Task<bool?> AskToDiscardAsync(this IDialogService dialogs, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(text);
        return dialogs.ShowMessageBoxAsync(
            text["Unsaved.Title"], text["Unsaved.Text"], yesText: text["Unsaved.Discard"], noText: text["Unsaved.KeepEditing"],
            options: new DialogOptions { BackdropClick = false, CloseOnEscapeKey = true });
    }
}
