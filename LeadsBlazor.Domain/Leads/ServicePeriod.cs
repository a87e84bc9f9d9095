using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Leads;

/// <summary>
/// The lead's service period ("Leistungszeitraum"): either end may be open, but a closed one ends on or after its start.
/// The form asks it before saving, so the user sees the same message the lead would give.
/// </summary>
public static class ServicePeriod
{
    public static void Require(DateOnly? from, DateOnly? to)
    {
        BusinessDate.Require(from, nameof(Lead.ServiceFrom));
        BusinessDate.Require(to, nameof(Lead.ServiceTo));
        if (from is not null && to is not null && to < from)
        {
            throw new DomainException(nameof(Lead.ServiceTo), ErrorKeys.InvalidPeriod);
        }
    }
}
