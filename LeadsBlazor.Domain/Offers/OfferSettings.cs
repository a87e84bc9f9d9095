using LeadsBlazor.Domain.Common;

namespace LeadsBlazor.Domain.Offers;

/// <summary>The texts a new offer starts with, in one language: the salutation when no contact person is named, the intro and the closing.</summary>
public sealed record OfferTexts(string? Salutation, string? IntroText, string? ClosingText)
{
    internal OfferTexts Checked() => new(
        Text.Optional(Salutation, nameof(Salutation)),
        Text.Optional(IntroText, nameof(IntroText), Text.LongTextMaxLength),
        Text.Optional(ClosingText, nameof(ClosingText), Text.LongTextMaxLength));
}

/// <summary>
/// The owner's settings for offers: the letterhead, the tax rate and validity a new offer starts with, and the default
/// texts per language. One row per installation.
/// </summary>
public sealed class OfferSettings
{
    /// <summary>A logo is printed small in the letterhead; a larger file is a photo by mistake.</summary>
    public const int LogoMaxBytes = 1024 * 1024;

    public const int MaxValidityDays = 365;

    private OfferSettings()
    {
        FirmName = "";
    }

    /// <summary>The settings a new account starts with: its country's standard VAT rate and 30 days' validity.</summary>
    public OfferSettings(string firmName, string? countryCode, OfferTexts german, OfferTexts english)
    {
        FirmName = Text.Required(firmName, nameof(FirmName));
        TaxRatePercent = StandardTaxRate(countryCode);
        ValidityDays = 30;
        German = german.Checked();
        English = english.Checked();
    }

    public int Id { get; private set; } = 1;

    public string FirmName { get; private set; }

    /// <summary>The firm's address, lines separated by "\n".</summary>
    public string? Address { get; private set; }

    /// <summary>Footer lines (bank, VAT number, register), separated by "\n".</summary>
    public string? Footer { get; private set; }

    public byte[]? Logo { get; private set; }

    public string? LogoContentType { get; private set; }

    public decimal TaxRatePercent { get; private set; }

    /// <summary>Printed on an offer with 0 % tax, e.g. "Steuerschuldnerschaft des Leistungsempfängers".</summary>
    public string? TaxNote { get; private set; }

    public int ValidityDays { get; private set; }

    public OfferTexts German { get; private set; } = new(null, null, null);

    public OfferTexts English { get; private set; } = new(null, null, null);

    public OfferTexts TextsFor(OfferLanguage language) => language == OfferLanguage.English ? English : German;

    /// <summary>The standard VAT rate of the firm's country in percent, as a new account's default (0 where unknown).</summary>
    public static decimal StandardTaxRate(string? countryCode) => countryCode?.ToUpperInvariant() switch
    {
        "DE" => 19m,
        "AT" => 20m,
        "CH" or "LI" => 8.1m,
        _ => 0m,
    };

    /// <summary>The letterhead ("Briefkopf") printed on every offer: the firm's name, address and footer lines.</summary>
    public void ChangeLetterhead(string firmName, string? address, string? footer)
    {
        FirmName = Text.Required(firmName, nameof(FirmName));
        Address = Text.Optional(address, nameof(Address), 500)?.ReplaceLineEndings("\n");
        Footer = Text.Optional(footer, nameof(Footer), 1000)?.ReplaceLineEndings("\n");
    }

    public void ChangeTerms(decimal taxRatePercent, string? taxNote, int validityDays)
    {
        _ = OfferTotals.Of([], 0m, taxRatePercent);
        if (validityDays is < 0 or > MaxValidityDays)
        {
            throw new DomainException(nameof(ValidityDays), ErrorKeys.ValidityOutOfRange, MaxValidityDays);
        }

        TaxRatePercent = taxRatePercent;
        TaxNote = Text.Optional(taxNote, nameof(TaxNote), 500);
        ValidityDays = validityDays;
    }

    public void ChangeTexts(OfferLanguage language, OfferTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (language == OfferLanguage.English)
        {
            English = texts.Checked();
        }
        else
        {
            German = texts.Checked();
        }
    }

    /// <summary>A PNG or JPEG up to 1 MB, recognised by its first bytes (a name or a browser's type can say anything).</summary>
    public void ChangeLogo(byte[]? image)
    {
        if (image is null)
        {
            Logo = null;
            LogoContentType = null;
            return;
        }

        var type = ImageType(image);
        if (type is null || image.Length > LogoMaxBytes)
        {
            throw new DomainException(nameof(Logo), ErrorKeys.InvalidLogo, LogoMaxBytes / 1024);
        }

        Logo = image;
        LogoContentType = type;
    }

    private static string? ImageType(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : null;
}
