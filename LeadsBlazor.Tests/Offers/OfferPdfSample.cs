using System.Globalization;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Web.Features.Offers.Pdf;

namespace LeadsBlazor.Tests.Offers;

/// <summary>A realistic German offer letter: the one the tests read back and the one pictured in docs/offer-pdf.png.</summary>
internal static class OfferPdfSample
{
    public static Letterhead Letterhead(byte[]? logo = null) => new(
        "Nordlicht Digital GmbH",
        ["Hafenstraße 12", "20457 Hamburg"],
        logo,
        [
            "Tel. +49 40 123456-0",
            "info@nordlicht.example",
            "www.nordlicht.example",
            "Geschäftsführerin: Anna Berg",
            "Amtsgericht Hamburg HRB 123456",
            "USt-IdNr. DE123456789",
            "Hamburger Sparkasse",
            "IBAN DE12 2005 0550 1234 5678 90",
            "BIC HASPDEHHXXX",
        ]);

    public static OfferDocument Document() => new(
        Letterhead(),
        CultureInfo.GetCultureInfo("de-DE"),
        "A2612-003",
        "Relaunch Kundenportal",
        new DateOnly(2026, 12, 1),
        new DateOnly(2026, 12, 31),
        ["Müller & Söhne Maschinenbau GmbH", "Frau Dr. Sabine Huber", "Leopoldstraße 45", "80802 München"],
        "Sehr geehrte Frau Dr. Huber,",
        "vielen Dank für das freundliche Gespräch in Ihrem Haus. Gerne unterbreiten wir Ihnen unser Angebot für den Relaunch Ihres Kundenportals, so wie wir es gemeinsam skizziert haben:",
        "Wir freuen uns auf die Zusammenarbeit. Für Fragen erreichen Sie mich jederzeit unter 040 123456-12.\n\nMit freundlichen Grüßen\n\nJonas Weber\nNordlicht Digital GmbH",
        "EUR",
        [
            OfferPosition.Title("Konzeption"),
            OfferPosition.Item("Workshop Anforderungsanalyse", 2m, "Tage", 1200m),
            OfferPosition.Description("Zwei halbtägige Workshops mit Ihrem Team vor Ort in München.\nErgebnis: ein priorisierter Anforderungskatalog."),
            OfferPosition.Item("Informationsarchitektur und Wireframes", 24m, "Std.", 115m),
            OfferPosition.Subtotal("Zwischensumme Konzeption"),
            OfferPosition.Title("Umsetzung"),
            OfferPosition.Item("Frontend-Entwicklung (Blazor, barrierefrei und responsiv)", 80m, "Std.", 115m),
            OfferPosition.Description("Alle Seiten des bestehenden Portals im neuen Design, geprüft nach WCAG 2.1 AA."),
            OfferPosition.Item("Inhaltsmigration aus dem Altsystem", 1m, "pauschal", 2400m),
            OfferPosition.Item("Schulung Redaktionsteam", 1m, "Tag", 950m, optional: true),
            OfferPosition.Subtotal("Zwischensumme Umsetzung"),
        ],
        10m,
        19m,
        null);
}
