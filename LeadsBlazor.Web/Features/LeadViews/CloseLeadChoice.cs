namespace LeadsBlazor.Web.Features.LeadViews;

/// <summary>What the user chose when closing a lead.</summary>
public sealed record CloseLeadChoice(DateOnly ClosedOn, int? ReasonId, string? ReasonText);
