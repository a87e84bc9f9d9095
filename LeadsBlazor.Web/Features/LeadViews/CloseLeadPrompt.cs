using LeadsBlazor.Domain.Leads;
using MudBlazor;

namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>The one way a view asks how a lead closes (Rule 1): the board's drop or menu and the lead page's buttons use it.</summary>
public static class CloseLeadPrompt
{
    /// <summary>Shows <see cref="CloseLeadDialog"/>; null when the user cancels.</summary>
    public static async Task<CloseLeadChoice?> AskToCloseAsync(this IDialogService dialogs, LeadStatus outcome, string leadName, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var parameters = new DialogParameters<CloseLeadDialog>
        {
            { d => d.Outcome, outcome },
            { d => d.LeadName, leadName },
            { d => d.Today, today },
        };
        var dialog = await dialogs.ShowAsync<CloseLeadDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        return await dialog.Result is { Canceled: false, Data: CloseLeadChoice choice } ? choice : null;
    }
}
