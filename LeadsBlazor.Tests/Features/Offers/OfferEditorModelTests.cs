using System.Globalization;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Tests.Domain;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web;
using LeadsBlazor.Web.Features.Offers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Tests.Features.Offers;

/// <summary>The offer page's input reads as the user writes it, and its sums are the domain's (OfferTotals), whatever the order.</summary>
public sealed class OfferEditorModelTests
{
    // The app's texts in the culture the context sets for this test (set here, so it holds in the test's own flow).
    private static (IStringLocalizer Text, CultureInfo Culture) TextOf(Bunit.BunitContext context) =>
        (context.Services.GetRequiredService<IStringLocalizer<SharedResource>>(), CultureInfo.CurrentCulture);

    private static OfferPositionRow Item(OfferEditorModel model, string text, string quantity, string price, bool optional = false)
    {
        var row = model.Add(OfferPositionKind.Item);
        (row.Text, row.QuantityText, row.UnitPriceText, row.Optional) = (text, quantity, price, optional);
        return row;
    }

    [Fact]
    public async Task German_input_with_decimal_commas_reads_to_the_sums_the_domain_counts()
    {
        await using var context = ComponentContext.Create();
        var (text, culture) = TextOf(context);
        var model = new OfferEditorModel { DiscountText = "2,5", TaxRateText = "8,1" };
        Item(model, "Konzept", "1,5", "1.200,50");
        Item(model, "Workshop", "0,125", "800");
        Item(model, "Schulung", "2", "450", optional: true);

        var reading = model.Read(text, culture);

        Assert.True(reading.IsValid, string.Join("; ", reading.Errors.Values));
        var expected = OfferTotals.Of(
            [OfferPosition.Item("Konzept", 1.5m, null, 1200.50m), OfferPosition.Item("Workshop", 0.125m, null, 800m), OfferPosition.Item("Schulung", 2m, null, 450m, optional: true)],
            2.5m, 8.1m);
        Assert.Equal(expected with { Subtotals = [] }, reading.Totals! with { Subtotals = [] });
        Assert.Equal((2.5m, 8.1m), (reading.DiscountPercent, reading.TaxRatePercent));
        Assert.Equal([1800.75m, 100m, 900m], [.. Enumerable.Range(0, 3).Select(i => reading.NetOf(i)!.Value)]);
    }

    [Fact]
    public async Task Moving_an_item_above_a_subtotal_moves_its_net_into_that_subtotal_and_keeps_the_totals()
    {
        await using var context = ComponentContext.Create();
        var (text, culture) = TextOf(context);
        var model = new OfferEditorModel { TaxRateText = "19" };
        Item(model, "Konzept", "1", "1000");
        model.Add(OfferPositionKind.Subtotal);
        var late = Item(model, "Umsetzung", "2", "300");
        model.Add(OfferPositionKind.Subtotal);
        var before = model.Read(text, culture);

        model.Move(late, 1);
        var after = model.Read(text, culture);

        Assert.Equal([1000m, 600m], before.Totals!.Subtotals);
        Assert.Equal([1600m, 0m], after.Totals!.Subtotals);
        Assert.Equal(1600m, after.SubtotalOf(2));
        Assert.Equal((before.Totals.Net, before.Totals.Gross), (after.Totals.Net, after.Totals.Gross));
        Assert.Equal(["Konzept", "Umsetzung", null, null], model.Rows.Select(r => r.Text));
        Assert.Equal([0, 1, 2, 3], model.Rows.Select(r => r.Index));
    }

    [Theory]
    [InlineData("de-DE", "-5", "1", OfferEditorModel.UnitPriceField, "Der Betrag darf nicht negativ sein.")]
    [InlineData("de-DE", "0,5555", "1", OfferEditorModel.UnitPriceField, "Höchstens 2 Nachkommastellen.")]
    [InlineData("de-DE", "100", "0,1255", OfferEditorModel.QuantityField, "Höchstens 3 Nachkommastellen.")]
    [InlineData("en-US", "100", "-1", OfferEditorModel.QuantityField, "The amount must not be negative.")]
    public async Task A_broken_item_shows_the_domains_message_at_its_field_and_keeps_the_input(string culture, string price, string quantity, string field, string message)
    {
        await using var context = ComponentContext.Create(culture);
        var (text, read) = TextOf(context);
        var model = new OfferEditorModel();
        Item(model, "Konzept", "1", "100");
        var broken = Item(model, "Workshop", quantity, price);

        var reading = model.Read(text, read);

        Assert.Equal(message, Assert.Single(reading.Errors).Value);
        Assert.Equal(message, reading.ErrorOf(OfferEditorReading.PositionField(broken, field)));
        Assert.Null(reading.Totals);
        Assert.Equal((price, quantity), (broken.UnitPriceText, broken.QuantityText));
    }

    [Fact]
    public async Task A_rate_above_100_percent_is_refused_at_its_field()
    {
        await using var context = ComponentContext.Create();
        var (text, culture) = TextOf(context);
        var model = new OfferEditorModel { TaxRateText = "119" };

        var reading = model.Read(text, culture);

        Assert.Equal("Bitte einen Prozentsatz von 0 bis 100 mit höchstens zwei Nachkommastellen eingeben.", reading.ErrorOf(nameof(OfferDetails.TaxRatePercent)));
    }

    [Fact]
    public async Task A_rate_that_is_no_number_or_carries_a_currency_is_refused_as_a_percentage()
    {
        await using var context = ComponentContext.Create();
        var (text, culture) = TextOf(context);
        var model = new OfferEditorModel { DiscountText = "viel", TaxRateText = "19 €" };

        var reading = model.Read(text, culture);

        Assert.Equal("„viel“ ist kein Prozentsatz. Zum Beispiel: 19 oder 8,1.", reading.ErrorOf(nameof(OfferDetails.DiscountPercent)));
        Assert.Equal("„19 €“ ist kein Prozentsatz. Zum Beispiel: 19 oder 8,1.", reading.ErrorOf(nameof(OfferDetails.TaxRatePercent)));
    }

    [Fact]
    public async Task Input_counts_as_unsaved_only_when_it_differs_from_the_offer_loaded()
    {
        await using var context = ComponentContext.Create();
        var (_, culture) = TextOf(context);
        var lead = Lead.CreatePotential("Relaunch", "u1", Money.Zero(Currency.Eur), LeadBuilder.Today, null, LeadBuilder.Anna);
        var offer = Offer.Create(lead, "A2612-001", new OfferDetails("Relaunch", LeadBuilder.Today, LeadBuilder.Today.AddDays(30), "Müller GmbH", null, null, null, OfferLanguage.German, 0m, 19m, null), LeadBuilder.Anna);
        offer.Edit(offer.Details(), [OfferPosition.Item("Konzept", 1m, "pauschal", 2400m)]);
        var model = OfferEditorModel.Of(offer, culture);
        var loaded = model.InputState();

        Assert.Equal(loaded, OfferEditorModel.Of(offer, culture).InputState());
        model.Rows[0].UnitPriceText = "2.500,00";
        Assert.NotEqual(loaded, model.InputState());
        Assert.Equal(("2.400,00", "1"), (OfferEditorModel.Of(offer, culture).Rows[0].UnitPriceText, OfferEditorModel.Of(offer, culture).Rows[0].QuantityText));
    }
}
