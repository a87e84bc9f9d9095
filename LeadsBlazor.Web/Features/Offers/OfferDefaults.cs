using System.Globalization;
using LeadsBlazor.Domain.Accounts;
using LeadsBlazor.Domain.Customers;
using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Domain.Offers;
using PersonTitle = LeadsBlazor.Domain.Customers.Salutation;

namespace LeadsBlazor.Web.Features.Offers;

/// <summary>
/// What a new offer starts with: the lead's customer as the recipient (company, contact person, address as the post
/// of the destination wants it), a salutation for the contact person, and the owner's texts, tax rate and validity.
/// The letter's words are in the offer's language, which need not be the user's.
/// </summary>
public static class OfferDefaults
{
    /// <summary>The settings a new account starts with: the standard VAT rate of its country, 30 days, common phrases.</summary>
    public static OfferSettings Settings(string accountCulture, string? firmName = null)
    {
        var german = accountCulture.StartsWith("de", StringComparison.OrdinalIgnoreCase);
        var settings = new OfferSettings(
            firmName ?? (german ? "Ihre Firma" : "Your company"),
            CountryOf(accountCulture),
            new OfferTexts("Sehr geehrte Damen und Herren,", "vielen Dank für Ihre Anfrage. Gerne bieten wir Ihnen die folgenden Leistungen an:", "Wir freuen uns auf Ihren Auftrag.\n\nMit freundlichen Grüßen"),
            new OfferTexts("Dear Sir or Madam,", "Thank you for your enquiry. We are pleased to offer you the following:", "We look forward to working with you.\n\nKind regards"));

        // The note an offer without VAT needs for a business customer abroad (§ 13b UStG, Art. 196 of the VAT directive).
        settings.ChangeTerms(settings.TaxRatePercent, german ? "Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge)" : "Reverse charge: VAT to be accounted for by the recipient", settings.ValidityDays);
        return settings;
    }

    /// <summary>The language a new offer is written in: the account's, English where it is not German.</summary>
    public static OfferLanguage LanguageOf(string accountCulture) =>
        accountCulture.StartsWith("de", StringComparison.OrdinalIgnoreCase) ? OfferLanguage.German : OfferLanguage.English;

    /// <summary>
    /// The culture an offer is printed in: the account's own for its language (a Swiss firm writes 1'250.00), else the
    /// language in the account's country where .NET knows it (en-CH), else plain German or British English.
    /// </summary>
    public static CultureInfo CultureOf(OfferLanguage language, string accountCulture)
    {
        var code = language == OfferLanguage.English ? "en" : "de";
        if (accountCulture.StartsWith(code, StringComparison.OrdinalIgnoreCase))
        {
            return CultureInfo.GetCultureInfo(accountCulture);
        }

        var regional = $"{code}-{CountryOf(accountCulture)}";
        return CultureInfo.GetCultures(CultureTypes.SpecificCultures).Any(c => c.Name.Equals(regional, StringComparison.OrdinalIgnoreCase))
            ? CultureInfo.GetCultureInfo(regional)
            : CultureInfo.GetCultureInfo(language == OfferLanguage.English ? "en-GB" : "de-DE");
    }

    public static OfferDetails For(Lead lead, OfferSettings settings, AccountSettings account, DateOnly today, OfferLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(account);
        var chosen = language ?? LanguageOf(account.Culture);
        var texts = settings.TextsFor(chosen);
        return new OfferDetails(
            lead.Name,
            today,
            today.AddDays(settings.ValidityDays),
            Recipient(lead, chosen, account.Culture),
            SalutationFor(lead.ContactPerson, chosen) ?? texts.Salutation,
            texts.IntroText,
            texts.ClosingText,
            chosen,
            0m,
            settings.TaxRatePercent,
            settings.TaxRatePercent == 0m ? settings.TaxNote : null);
    }

    /// <summary>The address block: the company, the contact person ("Frau Jana Schmid"), then the company's address lines.</summary>
    public static string Recipient(Lead lead, OfferLanguage language, string accountCulture)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var lines = new List<string>();
        if (lead.Company is { } company)
        {
            lines.Add(company.Name);
        }

        if (lead.ContactPerson is { } person)
        {
            lines.Add(string.Join(' ', new[] { Title(person.Salutation, language), person.Name }.Where(t => !string.IsNullOrEmpty(t))));
        }

        if (lead.Company is { } addressed)
        {
            lines.AddRange(addressed.Address.Lines(CountryOf(accountCulture), CultureOf(language, accountCulture)));
        }

        return lines.Count > 0 ? string.Join('\n', lines) : lead.Name;
    }

    /// <summary>"Sehr geehrte Frau Schmid," / "Dear Ms Schmid,"; null when the person is not named with a title.</summary>
    public static string? SalutationFor(Person? person, OfferLanguage language) => (person?.Salutation, language) switch
    {
        (PersonTitle.Ms, OfferLanguage.German) => $"Sehr geehrte Frau {person!.LastName},",
        (PersonTitle.Mr, OfferLanguage.German) => $"Sehr geehrter Herr {person!.LastName},",
        (PersonTitle.Ms, OfferLanguage.English) => $"Dear Ms {person!.LastName},",
        (PersonTitle.Mr, OfferLanguage.English) => $"Dear Mr {person!.LastName},",
        _ => null,
    };

    private static string? Title(PersonTitle salutation, OfferLanguage language) => (salutation, language) switch
    {
        (PersonTitle.Ms, OfferLanguage.German) => "Frau",
        (PersonTitle.Mr, OfferLanguage.German) => "Herr",
        (PersonTitle.Ms, OfferLanguage.English) => "Ms",
        (PersonTitle.Mr, OfferLanguage.English) => "Mr",
        _ => null,
    };

    private static string CountryOf(string culture)
    {
        try
        {
            return new RegionInfo(culture).TwoLetterISORegionName;
        }
        catch (ArgumentException)
        {
            return "DE";
        }
    }
}
