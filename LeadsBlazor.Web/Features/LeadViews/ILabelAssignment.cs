namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>
/// Puts a label on a lead or takes it off with one click, and creates a label right where it is assigned (Rule 9).
/// The lead and label use cases live in features that use LeadViews, so the picker asks through this seam.
/// </summary>
public interface ILabelAssignment
{
    Task AddAsync(int leadId, int labelId, string userId, CancellationToken cancellationToken = default);

    Task RemoveAsync(int leadId, int labelId, string userId, CancellationToken cancellationToken = default);

    /// <summary>Creates the label and puts it on the lead.</summary>
    Task CreateAndAddAsync(int leadId, string name, string color, string userId, CancellationToken cancellationToken = default);
}
