using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Offers;

namespace LeadsBlazor.Tests.Domain;

/// <summary>The offer's rules: only drafts change, the status moves, variants, and the lead's history of every step.</summary>
public sealed class OfferTests
{
    private static readonly DateOnly Today = LeadBuilder.Today;
    private static readonly Actor Anna = LeadBuilder.Anna;

    private static Lead RunningLead(Currency? currency = null)
    {
        var lead = LeadBuilder.Running(LeadBuilder.DefaultStages().Stages[2], 12_000m);
        if (currency is { } other)
        {
            lead.ChangeRevenue(Money.Revenue(12_000m, other), Anna);
        }

        return lead;
    }

    private static OfferDetails Details(decimal discount = 0m, decimal tax = 19m) =>
        new("Relaunch Website", Today, Today.AddDays(30), "Müller GmbH\nFrau Jana Schmid\nHauptstraße 1\n80331 München", "Sehr geehrte Frau Schmid,", null, "Mit freundlichen Grüßen", OfferLanguage.German, discount, tax, null);

    private static readonly OfferPosition[] ThreeItems =
    [
        OfferPosition.Item("Konzept", 1m, "pauschal", 2400m),
        OfferPosition.Item("Entwicklung", 40m, "Std.", 110m),
        OfferPosition.Item("Schulung", 4m, "Std.", 110m, optional: true),
    ];

    private static IEnumerable<(string? Field, string? From, string? To)> OfferSteps(Lead lead) =>
        lead.History.Where(e => e.Kind == LeadEventKind.OfferChanged).Select(e => (e.Field, e.OldValue, e.NewValue));

    [Fact]
    public void A_new_offer_is_a_draft_in_the_leads_currency_with_its_number_and_the_lead_records_it()
    {
        var lead = RunningLead(Currency.Chf);

        var offer = Offer.Create(lead, "A2612-001", Details(), Anna);

        Assert.Equal((OfferStatus.Draft, "A2612-001", "CHF"), (offer.Status, offer.Number, offer.CurrencyCode));
        Assert.Equal([("A2612-001", null, "Draft")], OfferSteps(lead));
    }

    [Fact]
    public void Editing_stores_the_exact_sums_without_the_optional_item()
    {
        var offer = Offer.Create(RunningLead(), "A2612-001", Details(), Anna);

        offer.Edit(Details(discount: 10m, tax: 19m), ThreeItems);

        // 2,400 + 4,400 = 6,800; −10 % = 6,120; +19 % = 1,162.80 → 7,282.80. The optional 440 is not in it.
        Assert.Equal((6120m, 7282.80m), (offer.Net.Amount, offer.Gross.Amount));
        Assert.Equal(3, offer.Positions.Count);
    }

    [Fact]
    public void Only_a_draft_can_be_edited_a_sent_offer_stays_as_the_customer_received_it()
    {
        var lead = RunningLead();
        var offer = Offer.Create(lead, "A2612-001", Details(), Anna);
        offer.Edit(Details(), ThreeItems);
        offer.Send(lead, "jana.schmid@example.com", Anna);

        var error = Assert.Throws<DomainException>(() => offer.Edit(Details(discount: 50m), []));

        Assert.Equal((ErrorKeys.OfferNotDraft, "A2612-001"), (error.MessageKey, error.Arguments[0]));
        Assert.Equal(3, offer.Positions.Count);
        Assert.Equal(("jana.schmid@example.com", Anna.At), (offer.SentTo, offer.SentAt));
    }

    [Fact]
    public void The_status_moves_draft_sent_confirmed_and_each_step_is_in_the_leads_history()
    {
        var lead = RunningLead();
        var offer = Offer.Create(lead, "A2612-001", Details(), Anna);

        offer.Send(lead, null, Anna);
        offer.Confirm(lead, Anna);

        Assert.Equal(OfferStatus.Confirmed, offer.Status);
        Assert.Equal([("A2612-001", null, "Draft"), ("A2612-001", "Draft", "Sent"), ("A2612-001", "Sent", "Confirmed")], OfferSteps(lead));
        Assert.Equal(ErrorKeys.OfferStatusMoveNotAllowed, Assert.Throws<DomainException>(() => offer.Send(lead, null, Anna)).MessageKey);
    }

    [Fact]
    public void An_archived_offer_moves_nowhere_and_only_a_draft_can_be_deleted()
    {
        var lead = RunningLead();
        var sent = Offer.Create(lead, "A2612-001", Details(), Anna);
        sent.Send(lead, null, Anna);
        var draft = Offer.Create(lead, "A2612-002", Details(), Anna);

        Assert.Equal(ErrorKeys.OfferDeleteOnlyDraft, Assert.Throws<DomainException>(() => sent.Delete(lead, Anna)).MessageKey);
        draft.Delete(lead, Anna);
        sent.Archive(lead, Anna);

        Assert.Equal(ErrorKeys.OfferStatusMoveNotAllowed, Assert.Throws<DomainException>(() => sent.Confirm(lead, Anna)).MessageKey);
        Assert.Contains(("A2612-002", "Draft", Offer.Deleted), OfferSteps(lead));
        Assert.Contains(("A2612-001", "Sent", "Archived"), OfferSteps(lead));
    }

    [Fact]
    public void A_variant_is_a_new_draft_with_the_next_number_the_same_positions_and_validity_grouped_with_its_first_offer()
    {
        var lead = RunningLead();
        var first = Offer.Create(lead, "A2612-001", Details() with { ValidUntil = Today.AddDays(14) }, Anna);
        first.Edit(first.Details(), ThreeItems);
        first.Send(lead, null, Anna);

        var variant = first.CopyAsVariant(lead, "A2612-002", Today.AddDays(3), Anna);
        var second = variant.CopyAsVariant(lead, "A2612-003", Today.AddDays(3), Anna);

        Assert.Equal((OfferStatus.Draft, "A2612-002", Today.AddDays(3), Today.AddDays(17)), (variant.Status, variant.Number, variant.Date, variant.ValidUntil));
        Assert.Equal(first.Positions, variant.Positions);
        Assert.Equal(first.Gross, variant.Gross);
        Assert.Equal(first.VariantGroupId, second.VariantOfId);
        Assert.Contains(("A2612-003", "A2612-002", "Draft"), OfferSteps(lead));
    }

    [Theory]
    [InlineData(LeadStatus.Lost)]
    [InlineData(LeadStatus.Dropped)]
    public void Losing_or_dropping_a_lead_archives_its_draft_and_sent_offers_but_not_confirmed_ones(LeadStatus outcome)
    {
        var lead = RunningLead();
        var draft = Offer.Create(lead, "A2612-001", Details(), Anna);
        var sent = Offer.Create(lead, "A2612-002", Details(), Anna);
        sent.Send(lead, null, Anna);
        var confirmed = Offer.Create(lead, "A2612-003", Details(), Anna);
        confirmed.Confirm(lead, Anna);
        lead.Close(outcome, Today, new CloseReason("Preis", 0), null, Anna);

        var archived = Offer.ArchiveOpenOffersOf(lead, [draft, sent, confirmed], Anna);

        Assert.Equal([draft, sent], archived);
        Assert.Equal((OfferStatus.Archived, OfferStatus.Archived, OfferStatus.Confirmed), (draft.Status, sent.Status, confirmed.Status));
        Assert.Contains(("A2612-002", "Sent", "Archived"), OfferSteps(lead));
        Assert.Equal(ErrorKeys.OfferOnClosedLead, Assert.Throws<DomainException>(() => Offer.Create(lead, "A2612-004", Details(), Anna)).MessageKey);
    }

    [Fact]
    public void Winning_a_lead_archives_nothing()
    {
        var lead = RunningLead();
        var sent = Offer.Create(lead, "A2612-001", Details(), Anna);
        sent.Send(lead, null, Anna);
        lead.Close(LeadStatus.Won, Today, null, null, Anna);

        Assert.Empty(Offer.ArchiveOpenOffersOf(lead, [sent], Anna));
        Assert.Equal(OfferStatus.Sent, sent.Status);
    }

    [Fact]
    public void Taking_the_revenue_sets_the_leads_possible_revenue_to_the_net_sum_and_records_it()
    {
        var lead = RunningLead();
        var offer = Offer.Create(lead, "A2612-001", Details(discount: 10m), Anna);
        offer.Edit(offer.Details(), ThreeItems);

        offer.TakeRevenueInto(lead, Anna);

        Assert.Equal(Money.Revenue(6120m, Currency.Eur), lead.Revenue);
        Assert.Contains(lead.History, e => e.Field == nameof(Lead.Revenue) && e.OldValue == "12000.00 EUR" && e.NewValue == "6120.00 EUR");
    }

    [Fact]
    public void The_letter_is_checked_valid_until_not_before_the_date_and_the_recipient_fits_the_window()
    {
        var offer = Offer.Create(RunningLead(), "A2612-001", Details(), Anna);

        Assert.Equal(ErrorKeys.InvalidPeriod, Assert.Throws<DomainException>(() => offer.Edit(Details() with { ValidUntil = Today.AddDays(-1) }, [])).MessageKey);
        Assert.Equal(ErrorKeys.TooManyLines, Assert.Throws<DomainException>(() => offer.Edit(Details() with { Recipient = "1\n2\n3\n4\n5\n6\n7" }, [])).MessageKey);
        Assert.Equal(ErrorKeys.Required, Assert.Throws<DomainException>(() => offer.Edit(Details() with { Title = " " }, [])).MessageKey);

        offer.Edit(Details() with { Recipient = "  Müller GmbH \r\n\r\n Hauptstraße 1 " }, []);
        Assert.Equal("Müller GmbH\nHauptstraße 1", offer.Recipient);
    }

    [Fact]
    public void The_logo_must_be_a_png_or_jpeg_recognised_by_its_bytes()
    {
        var settings = new OfferSettings("Seeblick Digital GmbH", "CH", new OfferTexts(null, null, null), new OfferTexts(null, null, null));
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0];

        settings.ChangeLogo(png);

        Assert.Equal(("image/png", 8.1m), (settings.LogoContentType, settings.TaxRatePercent));
        Assert.Equal(ErrorKeys.InvalidLogo, Assert.Throws<DomainException>(() => settings.ChangeLogo("GIF89a"u8.ToArray())).MessageKey);
        Assert.Equal(ErrorKeys.InvalidLogo, Assert.Throws<DomainException>(() => settings.ChangeLogo([.. png, .. new byte[OfferSettings.LogoMaxBytes]])).MessageKey);
    }
}
