using System.Globalization;
using System.Text.RegularExpressions;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Web;
using LeadsBlazor.Web.Features.Offers.Pdf;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LeadsBlazor.Tests.Offers;

/// <summary>Renders offers and reads the PDF back as its reader would: the text on each page, in the offer's language.</summary>
public sealed class OfferPdfTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    private static readonly OfferPdf Pdf = new(new StringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)));

    // The smallest PNG there is: one white pixel.
    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC");

    [Fact]
    public void A_German_offer_shows_its_number_recipient_items_and_gross_total_in_German()
    {
        var offer = OfferPdfSample.Document();

        var pages = Read(Pdf.Render(offer)).Texts;
        var text = string.Join(" ", pages);

        Assert.Contains("Angebotsnummer A2612-003", text);
        Assert.Contains("Gültig bis 31.12.2026", text);
        Assert.All(offer.RecipientLines, line => Assert.Contains(line, text));
        Assert.All(offer.Positions.Where(p => p.Kind == OfferPositionKind.Item), item => Assert.Matches(Wrapped(item.Text!), text));
        Assert.Contains("Pos. Bezeichnung Menge Einheit Einzelpreis Gesamt", text);
        Assert.Contains($"Rabatt 10 % {Plain((-offer.Totals.Discount).ToString("C2", German))}", text);
        Assert.Contains($"USt. 19 % {Plain(offer.Totals.Tax.ToString("C2", German))}", text);
        Assert.Contains($"Gesamtbetrag {Plain(offer.Totals.Gross.ToString("C2", German))}", text);
        Assert.Contains($"Seite 1 von {pages.Count}", text);
        Assert.DoesNotContain("Offer no.", text);
    }

    [Fact]
    public void An_English_offer_prints_English_words_and_amounts_as_English_writes_them_whatever_the_callers_culture()
    {
        var offer = OfferPdfSample.Document() with { Culture = British, TaxRatePercent = 7.7m };
        var before = CultureInfo.CurrentCulture;

        var pages = Read(Pdf.Render(offer)).Texts;
        var text = string.Join(" ", pages);

        Assert.Contains("Offer no. A2612-003", text);
        Assert.Contains("Valid until 31/12/2026", text);
        Assert.Contains("No. Description Qty Unit Unit price Total", text);
        Assert.Contains("VAT 7.7%", text);
        Assert.Contains($"Total €{offer.Totals.Gross.ToString("N2", British)}", text);
        Assert.Contains($"Page 1 of {pages.Count}", text);
        Assert.DoesNotContain("Gesamtbetrag", text);
        Assert.Equal(before, CultureInfo.CurrentCulture);
    }

    [Fact]
    public void A_Swiss_rate_is_written_with_its_decimal()
    {
        var offer = OfferPdfSample.Document() with { TaxRatePercent = 8.1m };

        var text = string.Join(" ", Read(Pdf.Render(offer)).Texts);

        Assert.Contains($"USt. 8,1 % {Plain(offer.Totals.Tax.ToString("C2", German))}", text);
    }

    [Fact]
    public void Eighty_items_run_over_pages_with_the_net_sum_carried_from_the_foot_of_one_page_to_the_top_of_the_next()
    {
        var items = Enumerable.Range(1, 80)
            .Select(i => OfferPosition.Item($"Leistung {i:00}", i % 7 + 1, "Std.", 80m + i * 3.35m, optional: i % 10 == 0))
            .ToList();
        var offer = OfferPdfSample.Document() with { Positions = items };

        var pages = Read(Pdf.Render(offer)).Texts;

        Assert.True(pages.Count > 1, $"80 items on {pages.Count} page(s).");
        var printed = new List<OfferPosition>();
        for (var page = 0; page < pages.Count; page++)
        {
            var footer = $"Seite {page + 1} von {pages.Count}";
            Assert.Contains(footer, pages[page]);
            var onPage = items.Where(i => pages[page].Contains(i.Text!, StringComparison.Ordinal)).ToList();
            printed.AddRange(onPage);
            if (page + 1 < pages.Count && items.Any(i => pages[page + 1].Contains(i.Text!, StringComparison.Ordinal)))
            {
                var carried = $"Übertrag {Plain(printed.Where(i => !i.Optional).Sum(i => i.Net).ToString("C2", German))}";
                var body = pages[page][..pages[page].IndexOf(footer, StringComparison.Ordinal)].TrimEnd();
                Assert.EndsWith(carried, body);

                var next = pages[page + 1];
                var firstItem = items.Where(i => next.Contains(i.Text!, StringComparison.Ordinal)).Min(i => next.IndexOf(i.Text!, StringComparison.Ordinal));
                Assert.InRange(next.IndexOf(carried, StringComparison.Ordinal), 0, firstItem);
                Assert.Contains("Pos. Bezeichnung Menge Einheit Einzelpreis Gesamt", next);
            }
        }

        Assert.Equal(items, printed);
        Assert.Contains($"Gesamtbetrag {Plain(offer.Totals.Gross.ToString("C2", German))}", string.Join(" ", pages));
    }

    [Fact]
    public void A_page_break_position_starts_a_new_page()
    {
        var offer = OfferPdfSample.Document() with
        {
            Positions = [OfferPosition.Item("Konzeption", 1m, "pauschal", 1500m), OfferPosition.PageBreak(), OfferPosition.Item("Umsetzung", 10m, "Std.", 100m)],
        };

        var pages = Read(Pdf.Render(offer)).Texts;

        Assert.Equal(2, pages.Count);
        Assert.Contains("Konzeption", pages[0]);
        Assert.DoesNotContain("Umsetzung", pages[0]);
        Assert.Contains("Umsetzung", pages[1]);
        Assert.Contains($"Übertrag {Plain(1500m.ToString("C2", German))}", pages[1]);
        Assert.Contains("Seite 2 von 2", pages[1]);
    }

    [Fact]
    public void An_optional_item_is_printed_with_its_price_but_left_out_of_the_total()
    {
        var offer = OfferPdfSample.Document() with
        {
            DiscountPercent = 0m,
            Positions = [OfferPosition.Item("Hosting", 12m, "Monate", 49.90m), OfferPosition.Item("Wartungsvertrag", 12m, "Monate", 150m, optional: true)],
        };

        var text = string.Join(" ", Read(Pdf.Render(offer)).Texts);

        Assert.Contains("Wartungsvertrag", text);
        Assert.Contains("Optional – nicht im Gesamtbetrag enthalten", text);
        Assert.Contains($"({Plain(1800m.ToString("C2", German))})", text);
        Assert.Contains($"Summe netto {Plain(598.80m.ToString("C2", German))}", text);
        Assert.Contains($"Gesamtbetrag {Plain(offer.Totals.Gross.ToString("C2", German))}", text);
        Assert.DoesNotContain("Rabatt", text);
    }

    [Fact]
    public void A_subtotal_line_prints_the_sum_of_its_items()
    {
        var offer = OfferPdfSample.Document();

        var text = string.Join(" ", Read(Pdf.Render(offer)).Texts);

        Assert.Contains($"Zwischensumme Konzeption {Plain(offer.Totals.Subtotals[0].ToString("C2", German))}", text);
        Assert.Contains($"Zwischensumme Umsetzung {Plain(offer.Totals.Subtotals[1].ToString("C2", German))}", text);
    }

    [Fact]
    public void An_offer_without_tax_prints_its_tax_note_and_one_with_tax_does_not()
    {
        const string note = "Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge).";
        var offer = OfferPdfSample.Document() with { TaxRatePercent = 0m, TaxNote = note };

        var withoutTax = string.Join(" ", Read(Pdf.Render(offer)).Texts);
        var withTax = string.Join(" ", Read(Pdf.Render(offer with { TaxRatePercent = 19m })).Texts);

        Assert.Contains(note, withoutTax);
        Assert.Contains($"USt. 0 % {Plain(0m.ToString("C2", German))}", withoutTax);
        Assert.DoesNotContain(note, withTax);
    }

    [Fact]
    public void A_logo_is_placed_as_an_image_on_the_first_page()
    {
        var offer = OfferPdfSample.Document() with { Letterhead = OfferPdfSample.Letterhead(OnePixelPng) };

        var withLogo = Read(Pdf.Render(offer));
        var withoutLogo = Read(Pdf.Render(OfferPdfSample.Document()));

        Assert.Equal(1, withLogo.ImagesOnFirstPage);
        Assert.Equal(0, withoutLogo.ImagesOnFirstPage);
        Assert.Contains("A2612-003", withLogo.Texts[0]);
    }

    [Fact]
    public void Umlauts_and_the_euro_sign_come_back_as_text()
    {
        var offer = OfferPdfSample.Document() with { RecipientLines = ["Jürgen Größe", "Äußere Straße 7", "81667 München"] };

        var text = string.Join(" ", Read(Pdf.Render(offer)).Texts);

        Assert.Contains("Jürgen Größe", text);
        Assert.Contains("Äußere Straße 7", text);
        Assert.Contains("Übertrag", Read(Pdf.Render(offer with { Positions = [.. offer.Positions, OfferPosition.PageBreak(), OfferPosition.Item("Abnahme", 1m, "pauschal", 500m)] })).Texts[1]);
        Assert.Contains("€", text);
    }

    [Fact]
    public void Offers_render_in_parallel()
    {
        var numbers = Enumerable.Range(1, 8).Select(i => $"A2612-{i:000}").ToArray();
        var results = new byte[numbers.Length][];

        Parallel.For(0, numbers.Length, i => results[i] = Pdf.Render(OfferPdfSample.Document() with { Number = numbers[i] }));

        Assert.All(numbers.Zip(results), pair => Assert.Contains($"Angebotsnummer {pair.First}", Read(pair.Second).Texts[0]));
    }

    [Theory]
    [InlineData("de-DE", "A2612-003", "Angebot_A2612-003.pdf")]
    [InlineData("en-GB", "A2612-003", "Offer_A2612-003.pdf")]
    [InlineData("de-CH", "A 26/12:003\"ä", "Angebot_A_26_12_003__.pdf")]
    public void The_download_name_is_the_offer_word_and_the_number_with_only_safe_characters(string culture, string number, string expected)
    {
        var offer = OfferPdfSample.Document() with { Culture = CultureInfo.GetCultureInfo(culture), Number = number };

        Assert.Equal(expected, OfferPdf.FileName(offer));
    }

    private static (IReadOnlyList<string> Texts, int ImagesOnFirstPage) Read(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();

        // Words joined with plain spaces: the amounts' no-break spaces read as the spaces they look like.
        return (pages.Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList(), pages[0].GetImages().Count());
    }

    /// <summary>
    /// A text as it reads when wrapped in its column: its words in order, each next line's words after the figures that
    /// stand beside the line before (quantity, unit, prices: at most six words).
    /// </summary>
    private static Regex Wrapped(string phrase) =>
        new(string.Join(@"(?: \S+){0,6}? ", phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)));

    private static string Plain(string formatted) => formatted.Replace('\u00A0', ' ').Replace('\u202F', ' ');
}
