using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.Offers;
using LeadsBlazor.Web.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Tests.Features.Offers;

/// <summary>The offer use cases on the real database: numbers under concurrency, prefills, versions, and the lead's side.</summary>
public abstract class OfferCommandsTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(provider: provider);

    public void Dispose() => _app.Dispose();

    private OfferCommands Commands => _app.Get<OfferCommands>();

    private async Task<Offer> LoadAsync(int offerId)
    {
        await using var db = _app.NewContext();
        return await db.Offers.AsNoTracking().SingleAsync(o => o.Id == offerId);
    }

    private async Task<Lead> LeadWithCustomerAsync()
    {
        var lead = await _app.AddRunningLeadAsync((await _app.StagesAsync())[2].Id, currency: Currency.Eur);
        await using var db = _app.NewContext();
        var stored = await db.Leads.Include(l => l.Company).Include(l => l.ContactPerson).SingleAsync(l => l.Id == lead.Id);
        var company = new Company("Müller GmbH", "K-0001", _app.Actor);
        company.ChangeDetails(new CompanyDetails(new PostalAddress("Hauptstraße 1", "80331", "München", "DE")), _app.Actor);
        var person = company.AddPerson(new PersonDetails(Salutation.Ms, "Jana", "Schmid", Email: "jana.schmid@example.com"), _app.Actor);
        db.Companies.Add(company);
        stored.ChangeCustomer(company, person, _app.Actor);
        await db.SaveChangesAsync();
        return stored;
    }

    [Fact]
    public async Task A_new_offer_is_prefilled_from_the_leads_customer_and_the_owners_defaults()
    {
        var lead = await LeadWithCustomerAsync();

        var offer = await LoadAsync(await Commands.CreateAsync(lead.Id, _app.OwnerId));

        Assert.Equal($"A{_app.Today:yyMM}-001", offer.Number);
        Assert.Equal("Müller GmbH\nFrau Jana Schmid\nHauptstraße 1\n80331 München", offer.Recipient);
        Assert.Equal(("Sehr geehrte Frau Schmid,", 19m, _app.Today.AddDays(30)), (offer.Salutation, offer.TaxRatePercent, offer.ValidUntil));
        Assert.Equal((lead.Name, OfferStatus.Draft, "EUR"), (offer.Title, offer.Status, offer.CurrencyCode));
        Assert.Contains((await _app.ReloadAsync(lead.Id)).History, e => e.Kind == LeadEventKind.OfferChanged && e.Field == offer.Number && e.NewValue == "Draft");
    }

    [Fact]
    public async Task Sessions_creating_offers_at_once_get_different_numbers_that_increase()
    {
        var lead = await LeadWithCustomerAsync();

        // Each call is its own session (own context, own transaction), as two users pressing "new offer" at once.
        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _app.NewInstance<OfferCommands>().CreateAsync(lead.Id, _app.OwnerId))));

        await using var db = _app.NewContext();
        var numbers = await db.Offers.OrderBy(o => o.Id).Select(o => o.Number).ToListAsync();
        Assert.Equal(8, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"A{_app.Today:yyMM}-{n:000}"), numbers);
        Assert.Equal(8, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_draft_saved_at_a_stale_version_is_refused_and_a_sent_offer_cannot_be_saved()
    {
        var lead = await LeadWithCustomerAsync();
        var offer = await LoadAsync(await Commands.CreateAsync(lead.Id, _app.OwnerId));
        OfferPosition[] items = [OfferPosition.Item("Konzept", 1m, "pauschal", 2400m)];

        await Commands.UpdateAsync(offer.Id, offer.Version, offer.Details(), items, _app.OwnerId);
        var stale = await Assert.ThrowsAsync<DomainException>(() => Commands.UpdateAsync(offer.Id, offer.Version, offer.Details() with { Title = "Alt" }, [], _app.OwnerId));
        var saved = await LoadAsync(offer.Id);
        await Commands.MarkSentAsync(offer.Id, saved.Version, _app.OwnerId);
        var sent = await LoadAsync(offer.Id);
        var notDraft = await Assert.ThrowsAsync<DomainException>(() => Commands.UpdateAsync(offer.Id, sent.Version, sent.Details(), [], _app.OwnerId));

        Assert.Equal(OfferCommands.ChangedMeanwhile, stale.MessageKey);
        Assert.Equal(ErrorKeys.OfferNotDraft, notDraft.MessageKey);
        Assert.Equal((2856m, OfferStatus.Sent), (sent.Gross.Amount, sent.Status));
    }

    [Fact]
    public async Task Losing_the_lead_archives_its_open_offers_and_tells_the_offer_views()
    {
        var lead = await LeadWithCustomerAsync();
        var draft = await Commands.CreateAsync(lead.Id, _app.OwnerId);
        var confirmed = await Commands.CreateAsync(lead.Id, _app.OwnerId);
        await Commands.ConfirmAsync(confirmed, (await LoadAsync(confirmed)).Version, _app.OwnerId);
        using var published = _app.Get<IEventBus>().Record();
        var current = await _app.ReloadAsync(lead.Id);
        int reasonId;
        await using (var db = _app.NewContext())
        {
            reasonId = (await db.CloseReasons.FirstAsync()).Id;
        }

        await _app.Get<LeadCommands>().CloseAsync(lead.Id, current.Version, LeadStatus.Lost, _app.Today, reasonId, null, _app.OwnerId);

        Assert.Equal(OfferStatus.Archived, (await LoadAsync(draft)).Status);
        Assert.Equal(OfferStatus.Confirmed, (await LoadAsync(confirmed)).Status);
        await published.ArrivalAsync<OffersChanged>(changed => changed.OfferIds.SequenceEqual([draft]));
        var history = (await _app.ReloadAsync(lead.Id)).History;
        Assert.Contains(history, e => e.Kind == LeadEventKind.OfferChanged && e.OldValue == "Draft" && e.NewValue == "Archived");
    }

    [Fact]
    public async Task A_variant_gets_the_next_number_and_a_draft_is_deleted_while_the_history_keeps_it()
    {
        var lead = await LeadWithCustomerAsync();
        var first = await Commands.CreateAsync(lead.Id, _app.OwnerId);

        var variant = await LoadAsync(await Commands.CopyAsVariantAsync(first, _app.OwnerId));
        await Commands.DeleteAsync(variant.Id, variant.Version, _app.OwnerId);

        Assert.Equal(($"A{_app.Today:yyMM}-002", first), (variant.Number, variant.VariantOfId));
        await using var db = _app.NewContext();
        Assert.False(await db.Offers.AnyAsync(o => o.Id == variant.Id));
        Assert.Contains((await _app.ReloadAsync(lead.Id)).History, e => e.Kind == LeadEventKind.OfferChanged && e.Field == variant.Number && e.NewValue == Offer.Deleted);
    }

    [Fact]
    public async Task Deleting_the_first_draft_of_a_group_keeps_its_variants_together_and_its_number_is_not_given_again()
    {
        var lead = await LeadWithCustomerAsync();
        var first = await Commands.CreateAsync(lead.Id, _app.OwnerId);
        var second = await Commands.CopyAsVariantAsync(first, _app.OwnerId);
        var third = await Commands.CopyAsVariantAsync(first, _app.OwnerId);

        await Commands.DeleteAsync(first, (await LoadAsync(first)).Version, _app.OwnerId);
        var next = await LoadAsync(await Commands.CreateAsync(lead.Id, _app.OwnerId));

        Assert.Equal((null, second), ((await LoadAsync(second)).VariantOfId, (await LoadAsync(third)).VariantOfId));
        Assert.Equal($"A{_app.Today:yyMM}-004", next.Number);
    }
}

public sealed class OfferCommandsTestsOnSqlite() : OfferCommandsTests(DatabaseProvider.Sqlite);

public sealed class OfferCommandsTestsOnPostgres() : OfferCommandsTests(DatabaseProvider.Postgres);
