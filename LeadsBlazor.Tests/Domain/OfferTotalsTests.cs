using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Offers;

namespace LeadsBlazor.Tests.Domain;

public sealed class OfferTotalsTests
{
    [Fact]
    public void An_item_is_quantity_times_unit_price_rounded_to_the_cent_half_away_from_zero()
    {
        Assert.Equal(41.33m, OfferPosition.Item("Beratung", 0.333m, "Std.", 124.10m).Net); // 41.3253 → 41.33
        Assert.Equal(0.01m, OfferPosition.Item("Kleinteil", 0.5m, "Stk.", 0.01m).Net);      // 0.005 → 0.01
        Assert.Equal(0m, OfferPosition.Title("Konzeption").Net);
    }

    [Fact]
    public void Optional_items_are_shown_but_not_summed_and_subtotals_sum_the_items_since_the_last_one()
    {
        OfferPosition[] positions =
        [
            OfferPosition.Title("Konzeption"),
            OfferPosition.Item("Workshop", 2m, "Tage", 1200m),
            OfferPosition.Item("Moodboard", 1m, "pauschal", 800m, optional: true),
            OfferPosition.Subtotal(),
            OfferPosition.PageBreak(),
            OfferPosition.Title("Umsetzung"),
            OfferPosition.Description("Templates, Inhalte, Go-live"),
            OfferPosition.Item("Entwicklung", 40m, "Std.", 115m),
            OfferPosition.Subtotal(),
        ];

        var totals = OfferTotals.Of(positions, discountPercent: 0m, taxRatePercent: 19m);

        Assert.Equal([2400m, 4600m], totals.Subtotals);
        Assert.Equal((7000m, 0m, 7000m, 1330m, 8330m), (totals.ItemsNet, totals.Discount, totals.Net, totals.Tax, totals.Gross));
    }

    [Fact]
    public void The_discount_is_taken_from_the_net_sum_and_the_tax_from_what_remains_each_rounded_to_the_cent()
    {
        var totals = OfferTotals.Of([OfferPosition.Item("Retainer", 3m, "Monate", 1333.33m)], discountPercent: 2.5m, taxRatePercent: 8.1m);

        // 3 × 1,333.33 = 3,999.99; 2.5 % = 99.99975 → 100.00; net 3,899.99; 8.1 % = 315.89919 → 315.90.
        Assert.Equal((3999.99m, 100.00m, 3899.99m, 315.90m, 4215.89m), (totals.ItemsNet, totals.Discount, totals.Net, totals.Tax, totals.Gross));
    }

    [Fact]
    public void Reverse_charge_is_a_tax_rate_of_zero()
    {
        var totals = OfferTotals.Of([OfferPosition.Item("Lizenz", 1m, null, 5000m)], 0m, 0m);

        Assert.Equal((5000m, 0m, 5000m), (totals.Net, totals.Tax, totals.Gross));
    }

    [Theory]
    [InlineData(-1, 19)]
    [InlineData(101, 19)]
    [InlineData(0, 19.005)]
    public void A_discount_or_tax_rate_outside_0_to_100_or_with_more_than_two_decimals_is_refused(decimal discount, decimal tax)
    {
        var error = Assert.Throws<DomainException>(() => OfferTotals.Of([], discount, tax));

        Assert.Equal(ErrorKeys.PercentOutOfRange, error.MessageKey);
    }

    [Fact]
    public void Items_refuse_negative_amounts_and_more_decimals_than_cents_or_thousandths()
    {
        Assert.Equal(ErrorKeys.NegativeAmount, Assert.Throws<DomainException>(() => OfferPosition.Item("x", -1m, null, 10m)).MessageKey);
        Assert.Equal(ErrorKeys.TooManyDecimals, Assert.Throws<DomainException>(() => OfferPosition.Item("x", 1m, null, 10.001m)).MessageKey);
        Assert.Equal(ErrorKeys.TooManyDecimals, Assert.Throws<DomainException>(() => OfferPosition.Item("x", 1.0001m, null, 10m)).MessageKey);
    }
}
