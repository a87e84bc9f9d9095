using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Data.Configurations;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Offers;

/// <summary>Another offer of the same group of variants, as the offer page links it.</summary>
public sealed record OfferVariantRow(int Id, string Number, OfferStatus Status, Money Gross);

/// <summary>
/// One offer as its page shows it: the offer, its lead (name, status), the lead's customer and contact person's
/// address (where "Versenden" mails to), the other offers of its variant group, and the lead's responsible user.
/// </summary>
public sealed record OfferPageData(
    Offer Offer,
    int LeadId,
    string LeadName,
    LeadStatus LeadStatus,
    int? CompanyId,
    string? CompanyName,
    string? ContactEmail,
    string ResponsibleName,
    IReadOnlyList<OfferVariantRow> Variants);

public sealed class OfferDetailsQuery(IDbContextFactory<LeadsDbContext> contexts)
{
    public async Task<OfferPageData?> GetAsync(int offerId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var offer = await db.Offers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == offerId, cancellationToken);
        if (offer is null)
        {
            return null;
        }

        var lead = await db.Leads.AsNoTracking()
            .Where(l => l.Id == offer.LeadId)
            .Select(l => new
            {
                l.Name,
                l.Status,
                l.CompanyId,
                Company = l.Company == null ? null : l.Company.Name,
                Email = l.ContactPerson == null ? null : l.ContactPerson.Email,
                l.ResponsibleUserId,

                // The one name the page shows, not every user's.
                Responsible = db.Users.Where(u => u.Id == l.ResponsibleUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        var group = offer.VariantGroupId;
        var variants = await db.Offers.AsNoTracking()
            .Where(o => o.Id != offerId && (o.Id == group || o.VariantOfId == group))
            .OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.Number, o.Status, o.CurrencyCode, Gross = EF.Property<long>(o, OfferConfiguration.GrossMinor) })
            .ToListAsync(cancellationToken);

        return new OfferPageData(
            offer,
            offer.LeadId,
            lead.Name,
            lead.Status,
            lead.CompanyId,
            lead.Company,
            lead.Email,
            lead.Responsible ?? lead.ResponsibleUserId,
            [.. variants.Select(v => new OfferVariantRow(v.Id, v.Number, v.Status, Money.FromMinorUnits(v.Gross, Currency.Parse(v.CurrencyCode))))]);
    }
}
