namespace LeadsBlazor.Web.Features.Board;

/// <summary>What the user chose when closing a lead.</summary>
public sealed record CloseLeadChoice(DateOnly ClosedOn, int? ReasonId, string? ReasonText);
