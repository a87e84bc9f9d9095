using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Projects;

/// <summary>The "+ Neues Projekt" dialog's prefilled input: from a won lead, or empty with the user as leader.</summary>
public sealed class NewProjectQuery(IDbContextFactory<LeadsDbContext> contexts)
{
    /// <summary>
    /// Everything the lead knows (Rule 11): its name, customer and contact person, the responsible user as leader, its
    /// currency, labels, info and service period as the project's dates, and as budget the net sum of its sent and
    /// confirmed offers — one per group of variants — or, without such offers, its possible revenue. A lead that is not
    /// (or no longer) won is refused here already, before anyone fills in the dialog.
    /// </summary>
    public async Task<ProjectInput> FromLeadAsync(int leadId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lead = await db.Leads.AsNoTracking().Include(l => l.Labels)
            .SingleOrDefaultAsync(l => l.Id == leadId, cancellationToken) ?? throw new DomainException(nameof(Lead), ErrorKeys.UnknownLead, leadId);
        if (lead.Status != LeadStatus.Won)
        {
            throw new DomainException(nameof(Lead), ErrorKeys.ProjectFromUnwonLead, lead.Name);
        }

        var currency = lead.Revenue.Currency;
        var offered = await db.Offers.AsNoTracking()
            .Where(o => o.LeadId == leadId && (o.Status == OfferStatus.Sent || o.Status == OfferStatus.Confirmed) && o.CurrencyCode == currency.Code)
            .Select(o => new { o.Id, Group = o.VariantOfId ?? o.Id, o.Status, Net = EF.Property<long>(o, Data.Configurations.OfferConfiguration.NetMinor) })
            .ToListAsync(cancellationToken);

        // Variants are alternatives the customer chooses between: a group counts once, by its confirmed offer, else its newest.
        var chosen = offered.GroupBy(o => o.Group).Select(g => g.OrderByDescending(o => o.Status == OfferStatus.Confirmed).ThenByDescending(o => o.Id).First());
        var budget = offered.Count > 0 ? Money.FromMinorUnits(chosen.Sum(o => o.Net), currency).Amount : lead.Revenue.Amount;
        return new ProjectInput
        {
            Name = lead.Name,
            CompanyId = lead.CompanyId,
            ContactPersonId = lead.ContactPersonId,
            LeaderUserId = lead.ResponsibleUserId,
            CurrencyCode = currency.Code,
            Budget = budget,
            StartOn = lead.ServiceFrom,
            FinishOn = lead.ServiceTo,
            LabelIds = [.. lead.Labels.Select(l => l.Id)],
            Info = lead.Info,
        };
    }

    /// <summary>How many of the lead's offers saving the project confirms: those the customer has not yet decided on (draft or sent).</summary>
    public async Task<int> OffersToConfirmAsync(int leadId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Offers.CountAsync(o => o.LeadId == leadId && (o.Status == OfferStatus.Draft || o.Status == OfferStatus.Sent), cancellationToken);
    }

    /// <summary>A project without a lead: the user leads it, in the account's currency.</summary>
    public async Task<ProjectInput> StandaloneAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var currency = await db.AccountSettings.AsNoTracking().Select(a => a.CurrencyCode).SingleAsync(cancellationToken);
        return new ProjectInput { LeaderUserId = userId, CurrencyCode = currency };
    }
}
