using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Data.Configurations;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Offers;

/// <summary>One offer on its lead's page; a variant (<see cref="IsVariant"/>) follows the offer it was copied from.</summary>
public sealed record LeadOffer(int Id, string Number, string Title, OfferStatus Status, DateOnly Date, DateOnly ValidUntil, Money Net, Money Gross, bool IsVariant);

/// <summary>
/// A lead's offers, variants grouped with the offer they came from (first offer first, groups in the order they began),
/// and what the section needs of the lead: whether it still takes offers and its possible revenue.
/// </summary>
public sealed record LeadOfferList(IReadOnlyList<LeadOffer> Offers, bool TakesOffers, Money Revenue)
{
    public IReadOnlyList<LeadOffer> Current => [.. Offers.Where(o => o.Status != OfferStatus.Archived)];

    public IReadOnlyList<LeadOffer> Archived => [.. Offers.Where(o => o.Status == OfferStatus.Archived)];
}

public sealed class LeadOffersQuery(IDbContextFactory<LeadsDbContext> contexts)
{
    /// <summary>The lead's offers; null when there is no such lead.</summary>
    public async Task<LeadOfferList?> GetAsync(int leadId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lead = await db.Leads.AsNoTracking().Where(l => l.Id == leadId)
            .Select(l => new { l.Status, Minor = EF.Property<long>(l, LeadConfiguration.RevenueMinor), Currency = EF.Property<string>(l, LeadConfiguration.RevenueCurrency) })
            .SingleOrDefaultAsync(cancellationToken);
        if (lead is null)
        {
            return null;
        }

        var offers = await db.Offers.AsNoTracking().Where(o => o.LeadId == leadId)
            .Select(o => new
            {
                o.Id,
                Group = o.VariantOfId ?? o.Id,
                o.VariantOfId,
                o.Number,
                o.Title,
                o.Status,
                o.Date,
                o.ValidUntil,
                Net = EF.Property<long>(o, OfferConfiguration.NetMinor),
                Gross = EF.Property<long>(o, OfferConfiguration.GrossMinor),
                o.CurrencyCode,
            })
            .ToListAsync(cancellationToken);
        var rows = offers
            .OrderBy(o => o.Group).ThenBy(o => o.VariantOfId is null ? 0 : 1).ThenBy(o => o.Id)
            .Select(o =>
            {
                var currency = Currency.Parse(o.CurrencyCode);
                return new LeadOffer(o.Id, o.Number, o.Title, o.Status, o.Date, o.ValidUntil,
                    Money.FromMinorUnits(o.Net, currency), Money.FromMinorUnits(o.Gross, currency), o.VariantOfId is not null);
            })
            .ToList();
        return new LeadOfferList(rows, lead.Status is not (LeadStatus.Lost or LeadStatus.Dropped), Money.FromMinorUnits(lead.Minor, Currency.Parse(lead.Currency)));
    }
}
