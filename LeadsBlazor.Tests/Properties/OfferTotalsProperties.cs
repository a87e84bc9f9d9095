using CsCheck;
using LeadsBlazor.Domain.Offers;

namespace LeadsBlazor.Tests.Properties;

/// <summary>
/// Rule 14's sums for random offers (odd quantities and prices, optional items, subtotals, any discount and tax rate
/// with two decimals): every figure is whole cents, the items' sum is the per-item rule summed by hand, the subtotals
/// add up to it, and discount, net, tax and gross follow from it exactly.
/// </summary>
public sealed class OfferTotalsProperties
{
    private sealed record RandomPosition(int Kind, long QuantityThousandths, long PriceCents, bool Optional);

    private static readonly Gen<RandomPosition> PositionGen =
        Gen.Select(Gen.Int[0, 4], Gen.Long[0, 999_999], Gen.Long[0, 50_000_000], Gen.Bool)
            .Select((kind, quantity, price, optional) => new RandomPosition(kind, quantity, price, optional));

    private static OfferPosition Position(RandomPosition p) => p.Kind switch
    {
        0 => OfferPosition.Title("Konzeption"),
        1 => OfferPosition.Description("Workshop und Protokoll"),
        2 => OfferPosition.Subtotal(),
        3 => OfferPosition.PageBreak(),
        _ => OfferPosition.Item("Leistung", p.QuantityThousandths / 1000m, "Std.", p.PriceCents / 100m, p.Optional),
    };

    private static bool WholeCents(decimal amount) => decimal.Round(amount, 2) == amount;

    [Fact]
    public void Totals_are_whole_cents_and_follow_from_the_items_exactly()
    {
        Gen.Select(PositionGen.Array[0, 40], Gen.Int[0, 10_000], Gen.Int[0, 10_000]).Sample((randoms, discountBasis, taxBasis) =>
        {
            var positions = randoms.Select(Position).ToList();
            var discount = discountBasis / 100m;
            var tax = taxBasis / 100m;

            var totals = OfferTotals.Of([.. positions, OfferPosition.Subtotal()], discount, tax);

            var byHand = positions.Where(p => p.Kind == OfferPositionKind.Item && !p.Optional)
                .Sum(p => decimal.Round(p.Quantity * p.UnitPrice, 2, MidpointRounding.AwayFromZero));
            Assert.Equal(byHand, totals.ItemsNet);
            Assert.Equal(totals.ItemsNet, totals.Subtotals.Sum());
            Assert.All(new[] { totals.ItemsNet, totals.Discount, totals.Net, totals.Tax, totals.Gross }, amount => Assert.True(WholeCents(amount), $"{amount} is not whole cents"));
            Assert.Equal(totals.ItemsNet - totals.Discount, totals.Net);
            Assert.Equal(totals.Net + totals.Tax, totals.Gross);
            Assert.True(Math.Abs(totals.Discount - (totals.ItemsNet * discount / 100m)) <= 0.005m);
            Assert.True(Math.Abs(totals.Tax - (totals.Net * tax / 100m)) <= 0.005m);
            Assert.True(totals.Net >= 0 && totals.Gross >= totals.Net);
        });
    }
}
