using LeadsBlazor.Web.Features.Labels;
using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LeadsBlazor.Web.Features.Leads;

/// <summary>The label picker's use cases, on the lead's and the labels' own: each change its own transaction and event.</summary>
public sealed class LabelAssignment(LeadCommands leads, LabelCommands labels, ISnackbar snackbar, IStringLocalizer<SharedResource> text) : ILabelAssignment
{
    public Task<bool> SetAsync(int leadId, long version, int labelId, bool on, string userId) =>
        snackbar.TryOnLeadAsync(text, version, v => on ? leads.AddLabelAsync(leadId, v, labelId, userId) : leads.RemoveLabelAsync(leadId, v, labelId, userId));

    public async Task<bool> CreateAndAddAsync(int leadId, long version, string name, string color, string userId)
    {
        var labelId = await labels.CreateAsync(name, color);
        return await SetAsync(leadId, version, labelId, on: true, userId);
    }
}
