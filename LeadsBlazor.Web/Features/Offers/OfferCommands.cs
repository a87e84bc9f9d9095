using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Offers;

/// <summary>
/// The use cases of offers. Each runs in its own context and write transaction (so two sessions creating offers at once
/// take different numbers), lets the <see cref="Offer"/> apply its rules and write the lead's history, commits, and
/// publishes <see cref="OffersChanged"/>. Any user may write offers on any lead, as on leads.
/// </summary>
public sealed class OfferCommands(IDbContextFactory<LeadsDbContext> contexts, IEventBus events, TimeProvider time)
{
    public const string ChangedMeanwhile = "Error.OfferChangedMeanwhile";

    /// <summary>A new draft on the lead, prefilled from its customer and the owner's defaults (<see cref="OfferDefaults"/>).</summary>
    public async Task<int> CreateAsync(int leadId, string userId, OfferLanguage? language = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var (actor, today, account) = await ActorAsync(db, userId, cancellationToken);
        var lead = await db.Leads.Include(l => l.Company).Include(l => l.ContactPerson)
            .SingleOrDefaultAsync(l => l.Id == leadId, cancellationToken) ?? throw new DomainException("Lead", ErrorKeys.UnknownLead, leadId);
        var settings = await SettingsAsync(db, cancellationToken);
        var details = OfferDefaults.For(lead, settings, account, today, language);
        var offer = Offer.Create(lead, await NextNumberAsync(db, today, cancellationToken), details, actor);
        db.Offers.Add(offer);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.Publish(new OffersChanged(lead.Id, lead.ResponsibleUserId, LeadTouched: true, offer.Id));
        return offer.Id;
    }

    /// <summary>Saves a draft's letter and positions at the <paramref name="version"/> the user saw; a change made meanwhile is refused, the input kept.</summary>
    public Task UpdateAsync(int offerId, long version, OfferDetails details, IReadOnlyList<OfferPosition> positions, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(offerId, version, userId, leadTouched: false, (_, offer, _, _) =>
        {
            offer.Edit(details, positions);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Draft → sent without a mail: the PDF went to the customer another way (handed over, by post).</summary>
    public Task MarkSentAsync(int offerId, long version, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(offerId, version, userId, leadTouched: true, (_, offer, lead, actor) =>
        {
            offer.Send(lead, null, actor);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task ConfirmAsync(int offerId, long version, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(offerId, version, userId, leadTouched: true, (_, offer, lead, actor) =>
        {
            offer.Confirm(lead, actor);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task ArchiveAsync(int offerId, long version, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(offerId, version, userId, leadTouched: true, (_, offer, lead, actor) =>
        {
            offer.Archive(lead, actor);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Deletes a draft; the lead's history keeps that it existed.</summary>
    public Task DeleteAsync(int offerId, long version, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(offerId, version, userId, leadTouched: true, async (db, offer, lead, actor) =>
        {
            offer.Delete(lead, actor);
            Offer.Regroup(await db.Offers.Where(o => o.VariantOfId == offer.Id).ToListAsync(cancellationToken));
            db.Offers.Remove(offer);
        }, cancellationToken);

    /// <summary>Sets the lead's possible revenue to the offer's net sum; the lead's history records the change.</summary>
    public Task TakeRevenueAsync(int offerId, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(offerId, null, userId, leadTouched: true, (_, offer, lead, actor) =>
        {
            offer.TakeRevenueInto(lead, actor);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>A copy of the offer as a new draft with the next number, grouped with its variants; returns the new offer's id.</summary>
    public async Task<int> CopyAsVariantAsync(int offerId, string userId, CancellationToken cancellationToken = default)
    {
        Offer? variant = null;
        await ChangeAsync(offerId, null, userId, leadTouched: true, async (db, offer, lead, actor) =>
        {
            var today = (await db.AccountSettings.AsNoTracking().SingleAsync(cancellationToken)).DateOf(actor.At);
            variant = offer.CopyAsVariant(lead, await NextNumberAsync(db, today, cancellationToken), today, actor);
            db.Offers.Add(variant);
        }, cancellationToken);
        return variant!.Id;
    }

    /// <summary>
    /// The one change of an offer: loads it and its lead, checks the version the user saw (null: the action does not
    /// overwrite anyone's input), applies the rule, saves and tells the other sessions.
    /// </summary>
    internal async Task ChangeAsync(int offerId, long? version, string userId, bool leadTouched, Func<LeadsDbContext, Offer, Lead, Actor, Task> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.BeginWriteAsync(cancellationToken);
        var (actor, _, _) = await ActorAsync(db, userId, cancellationToken);
        var offer = await db.Offers.SingleOrDefaultAsync(o => o.Id == offerId, cancellationToken)
            ?? throw new DomainException("Offer", ErrorKeys.UnknownOffer, offerId);
        if (version is { } seen && offer.Version != seen)
        {
            throw new DomainException("Offer", ChangedMeanwhile, offer.Number);
        }

        var lead = await db.Leads.SingleAsync(l => l.Id == offer.LeadId, cancellationToken);
        await change(db, offer, lead, actor);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another writer got in between (possible only without the write transaction, e.g. on another provider).
            throw new DomainException("Offer", ChangedMeanwhile, offer.Number);
        }

        await transaction.CommitAsync(cancellationToken);
        events.Publish(new OffersChanged(lead.Id, lead.ResponsibleUserId, leadTouched, offerId));
    }

    /// <summary>The owner's offer settings, tracked (the start of the app seeds them, see DatabaseInitializer).</summary>
    internal static Task<OfferSettings> SettingsAsync(LeadsDbContext db, CancellationToken cancellationToken) =>
        db.OfferSettings.SingleAsync(cancellationToken);

    private static async Task<string> NextNumberAsync(LeadsDbContext db, DateOnly today, CancellationToken cancellationToken) =>
        (await db.NumberRangeAsync(NumberRangeKind.Offer, cancellationToken)).Take(today);

    private async Task<(Actor Actor, DateOnly Today, Domain.Accounts.AccountSettings Account)> ActorAsync(LeadsDbContext db, string userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(userId) || !await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, cancellationToken))
        {
            throw new DomainException("User", ErrorKeys.UnknownUser, userId ?? "");
        }

        var account = await db.AccountSettings.AsNoTracking().SingleAsync(cancellationToken);
        var now = time.GetUtcNow();
        return (new Actor(userId, now), account.DateOf(now), account);
    }
}
