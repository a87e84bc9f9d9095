using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Offers;

/// <summary>
/// An offer's sums, exact in decimal: the items' net (optional items left out), the discount in percent on that sum,
/// the tax at the offer's rate on what remains, and the gross. Each subtotal line sums the items since the previous one.
/// </summary>
public sealed record OfferTotals(decimal ItemsNet, decimal Discount, decimal Net, decimal Tax, decimal Gross, IReadOnlyList<decimal> Subtotals)
{
    /// <summary>The largest discount and tax rate in percent an offer may carry.</summary>
    public const decimal MaxPercent = 100m;

    public static OfferTotals Of(IEnumerable<OfferPosition> positions, decimal discountPercent, decimal taxRatePercent)
    {
        ArgumentNullException.ThrowIfNull(positions);
        CheckPercent(discountPercent, "Discount");
        CheckPercent(taxRatePercent, "TaxRate");
        var itemsNet = 0m;
        var sinceSubtotal = 0m;
        var subtotals = new List<decimal>();
        foreach (var position in positions)
        {
            if (position.Kind == OfferPositionKind.Subtotal)
            {
                subtotals.Add(sinceSubtotal);
                sinceSubtotal = 0m;
            }
            else if (position.Kind == OfferPositionKind.Item && !position.Optional)
            {
                itemsNet += position.Net;
                sinceSubtotal += position.Net;
            }
        }

        var discount = Round(itemsNet * discountPercent / 100m);
        var net = itemsNet - discount;
        var tax = Round(net * taxRatePercent / 100m);
        return new OfferTotals(itemsNet, discount, net, tax, net + tax, subtotals);
    }

    private static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    // 8.1 % (Switzerland) needs one decimal, 7.7 % had it too; two are allowed, more is a typo.
    private static void CheckPercent(decimal percent, string field)
    {
        if (percent < 0 || percent > MaxPercent || decimal.Round(percent, 2) != percent)
        {
            throw new DomainException(field, ErrorKeys.PercentOutOfRange, MaxPercent);
        }
    }
}
