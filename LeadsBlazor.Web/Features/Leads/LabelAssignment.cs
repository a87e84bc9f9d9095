using LeadsBlazor.Web.Features.Labels;
using LeadsBlazor.Web.Features.LeadViews;

namespace LeadsBlazor.Web.Features.Leads;

/// <summary>The label picker's use cases, on the lead's and the labels' own: each change its own transaction and event.</summary>
public sealed class LabelAssignment(LeadCommands leads, LabelCommands labels) : ILabelAssignment
{
    public Task AddAsync(int leadId, int labelId, string userId, CancellationToken cancellationToken = default) =>
        leads.AddLabelAsync(leadId, labelId, userId, cancellationToken);

    public Task RemoveAsync(int leadId, int labelId, string userId, CancellationToken cancellationToken = default) =>
        leads.RemoveLabelAsync(leadId, labelId, userId, cancellationToken);

    public async Task CreateAndAddAsync(int leadId, string name, string color, string userId, CancellationToken cancellationToken = default)
    {
        var labelId = await labels.CreateAsync(name, color, cancellationToken);
        await leads.AddLabelAsync(leadId, labelId, userId, cancellationToken);
    }
}
