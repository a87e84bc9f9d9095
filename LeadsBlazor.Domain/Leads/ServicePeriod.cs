using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Leads;

/// <summary>
/// The lead's service period ("Leistungszeitraum"): either end may be open, but a closed one ends on or after its start.
/// The form asks it before saving, so the user sees the same message the lead would give; a project's period keeps the same rule.
/// </summary>
public static class ServicePeriod
{
    public static void Require(DateOnly? from, DateOnly? to) => Require(from, to, nameof(Lead.ServiceFrom), nameof(Lead.ServiceTo));

    /// <summary>The same rule for any from–to pair (a project's start and finish), each broken end named by its own field.</summary>
    public static void Require(DateOnly? from, DateOnly? to, string fromField, string toField)
    {
        BusinessDate.Require(from, fromField);
        BusinessDate.Require(to, toField);
        if (from is not null && to is not null && to < from)
        {
            throw new DomainException(toField, ErrorKeys.InvalidPeriod);
        }
    }
}
