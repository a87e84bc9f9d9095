namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>
/// Puts a label on a lead or takes it off with one click, and creates a label right where it is assigned (Rule 9).
/// The lead and label use cases live in features that use LeadViews, so the picker asks through this seam; the
/// lead's conflict handling (who changed what since the version the user saw, "apply anyway") comes with it.
/// </summary>
public interface ILabelAssignment
{
    /// <summary>Puts the label on (or takes it off) at the version the user saw; tells the user why not. True when it went through.</summary>
    Task<bool> SetAsync(int leadId, long version, int labelId, bool on, string userId);

    /// <summary>Creates the label (a taken name throws, for the name field) and puts it on the lead at the version the user saw.</summary>
    Task<bool> CreateAndAddAsync(int leadId, long version, string name, string color, string userId);
}
