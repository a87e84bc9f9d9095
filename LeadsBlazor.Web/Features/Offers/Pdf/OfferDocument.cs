using System.Globalization;
using LeadsBlazor.Domain.Offers;

namespace LeadsBlazor.Web.Features.Offers.Pdf;

/// <summary>The firm's letterhead: its name, address, an optional logo (PNG or JPEG bytes) and the small lines at the foot of every page (bank, VAT number).</summary>
public sealed record Letterhead(string FirmName, IReadOnlyList<string> AddressLines, byte[]? Logo, IReadOnlyList<string> FooterLines);

/// <summary>
/// Everything the offer letter prints, already resolved: the recipient as ready address lines, the texts, the positions.
/// <see cref="Culture"/> is the letter's language and its number and date format at once.
/// </summary>
public sealed record OfferDocument(
    Letterhead Letterhead,
    CultureInfo Culture,
    string Number,
    string Title,
    DateOnly Date,
    DateOnly ValidUntil,
    IReadOnlyList<string> RecipientLines,
    string? Salutation,
    string? IntroText,
    string? ClosingText,
    string CurrencyCode,
    IReadOnlyList<OfferPosition> Positions,
    decimal DiscountPercent,
    decimal TaxRatePercent,
    string? TaxNote)
{
    public OfferTotals Totals => OfferTotals.Of(Positions, DiscountPercent, TaxRatePercent);
}
