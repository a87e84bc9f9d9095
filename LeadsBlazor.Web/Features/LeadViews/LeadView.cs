namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>Which lead view a user looks at: the export names its sheet after it (Rule 10).</summary>
public enum LeadView
{
    Board,
    Potential,
    All,
}
