namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>A label's name and colour, as chips and dots show it.</summary>
public sealed record LabelChip(int Id, string Name, string Color);
