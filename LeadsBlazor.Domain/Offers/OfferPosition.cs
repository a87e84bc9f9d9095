using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Offers;

/// <summary>What a line of an offer is: a heading, free text, a priced item, a subtotal of the items above, or a page break.</summary>
public enum OfferPositionKind
{
    Title = 0,
    Description = 1,
    Item = 2,
    Subtotal = 3,
    PageBreak = 4,
}

/// <summary>
/// One line of an offer ("Position"). Only an item carries a quantity, unit and unit price; an optional item is shown
/// with its price but not summed, as the customer may leave it out.
/// </summary>
public sealed record OfferPosition
{
    private OfferPosition(OfferPositionKind kind, string? text, decimal quantity, string? unit, decimal unitPrice, bool optional)
    {
        Kind = kind;
        Text = text;
        Quantity = quantity;
        Unit = unit;
        UnitPrice = unitPrice;
        Optional = optional;
    }

    public OfferPositionKind Kind { get; }

    /// <summary>The heading, the description or the item's name.</summary>
    public string? Text { get; }

    public decimal Quantity { get; }

    /// <summary>E.g. "Std.", "Stk.", "pauschal".</summary>
    public string? Unit { get; }

    public decimal UnitPrice { get; }

    public bool Optional { get; }

    public static OfferPosition Title(string text) => new(OfferPositionKind.Title, Common.Text.Required(text, nameof(Title)), 0, null, 0, false);

    public static OfferPosition Description(string text) => new(OfferPositionKind.Description, Common.Text.Required(text, nameof(Description), Common.Text.LongTextMaxLength), 0, null, 0, false);

    public static OfferPosition Subtotal(string? text = null) => new(OfferPositionKind.Subtotal, Common.Text.Optional(text, nameof(Subtotal)), 0, null, 0, false);

    public static OfferPosition PageBreak() => new(OfferPositionKind.PageBreak, null, 0, null, 0, false);

    /// <summary>A priced item: quantity up to three decimals (hours), a unit price in cents, never negative.</summary>
    public static OfferPosition Item(string text, decimal quantity, string? unit, decimal unitPrice, bool optional = false)
    {
        if (quantity < 0 || unitPrice < 0)
        {
            throw new DomainException(quantity < 0 ? nameof(Quantity) : nameof(UnitPrice), ErrorKeys.NegativeAmount);
        }

        if (decimal.Round(quantity, 3) != quantity || decimal.Round(unitPrice, 2) != unitPrice)
        {
            throw new DomainException(decimal.Round(quantity, 3) != quantity ? nameof(Quantity) : nameof(UnitPrice), ErrorKeys.TooManyDecimals, decimal.Round(quantity, 3) != quantity ? 3 : 2);
        }

        if (quantity * unitPrice > Money.MaxRevenue)
        {
            throw new DomainException(nameof(UnitPrice), ErrorKeys.AmountTooLarge);
        }

        return new(OfferPositionKind.Item, Common.Text.Required(text, nameof(Item), Common.Text.LongTextMaxLength), quantity, Common.Text.Optional(unit, nameof(Unit), 20), unitPrice, optional);
    }

    /// <summary>Quantity × unit price, rounded to the cent as a merchant rounds (half away from zero).</summary>
    public decimal Net => Kind == OfferPositionKind.Item ? decimal.Round(Quantity * UnitPrice, 2, MidpointRounding.AwayFromZero) : 0m;
}
