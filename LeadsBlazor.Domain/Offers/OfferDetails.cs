using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Offers;

/// <summary>
/// What a user writes on an offer besides its positions: the letter around them and the terms of the sums.
/// The recipient is the address block as printed (one line per line), prefilled from the lead's customer and editable.
/// </summary>
public sealed record OfferDetails(
    string Title,
    DateOnly Date,
    DateOnly ValidUntil,
    string Recipient,
    string? Salutation,
    string? IntroText,
    string? ClosingText,
    OfferLanguage Language,
    decimal DiscountPercent,
    decimal TaxRatePercent,
    string? TaxNote)
{
    /// <summary>A DIN 5008 address window holds six lines of recipient (the return line above it aside).</summary>
    public const int RecipientMaxLines = 6;

    internal OfferDetails Checked()
    {
        BusinessDate.Require(Date, nameof(Date));
        BusinessDate.Require(ValidUntil, nameof(ValidUntil));
        if (ValidUntil < Date)
        {
            throw new DomainException(nameof(ValidUntil), ErrorKeys.InvalidPeriod);
        }

        var recipient = Text.Required(Recipient, nameof(Recipient), 500).ReplaceLineEndings("\n");
        var lines = recipient.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count > RecipientMaxLines)
        {
            throw new DomainException(nameof(Recipient), ErrorKeys.TooManyLines, RecipientMaxLines);
        }

        // The sums check the percentages; an offer with a broken rate must not be stored to fail later.
        _ = OfferTotals.Of([], DiscountPercent, TaxRatePercent);
        return this with
        {
            Title = Text.Required(Title, nameof(Title)),
            Recipient = string.Join('\n', lines),
            Salutation = Text.Optional(Salutation, nameof(Salutation)),
            IntroText = Text.Optional(IntroText, nameof(IntroText), Text.LongTextMaxLength),
            ClosingText = Text.Optional(ClosingText, nameof(ClosingText), Text.LongTextMaxLength),
            TaxNote = Text.Optional(TaxNote, nameof(TaxNote), 500),
        };
    }
}
