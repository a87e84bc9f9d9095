using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Web.Features.Offers.Pdf;

namespace LeadsBlazor.Web.Features.Offers;

/// <summary>An offer as its PDF prints it: the owner's letterhead, the recipient's lines, in the offer's language and its account's formats.</summary>
public static class OfferPrint
{
    public static OfferDocument DocumentOf(Offer offer, OfferSettings settings, string accountCulture)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(settings);
        return new OfferDocument(
            new Letterhead(settings.FirmName, Lines(settings.Address), settings.Logo, Lines(settings.Footer)),
            OfferDefaults.CultureOf(offer.Language, accountCulture),
            offer.Number,
            offer.Title,
            offer.Date,
            offer.ValidUntil,
            Lines(offer.Recipient),
            offer.Salutation,
            offer.IntroText,
            offer.ClosingText,
            offer.CurrencyCode,
            offer.Positions,
            offer.DiscountPercent,
            offer.TaxRatePercent,
            offer.TaxNote);
    }

    /// <summary>A stored multi-line text ("\n"-separated) as the lines a letter prints, blank ones left out.</summary>
    internal static string[] Lines(string? text) => text?.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
}
