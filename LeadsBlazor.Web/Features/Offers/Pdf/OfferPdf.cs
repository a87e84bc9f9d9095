using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using PdfSharp.Pdf;

namespace LeadsBlazor.Web.Features.Offers.Pdf;

/// <summary>
/// Writes an offer as a PDF letter (DIN 5008 form B on A4) in the offer's own language, whatever the user's is.
/// Stateless: one instance serves every request.
/// </summary>
public sealed partial class OfferPdf(IStringLocalizer<SharedResource> text)
{
    // The download name is asked for without an instance (an endpoint's header), so it reads the texts directly.
    private static readonly ResourceManager Texts = new($"{typeof(SharedResource).Namespace}.Resources.{nameof(SharedResource)}", typeof(SharedResource).Assembly);

    public byte[] Render(OfferDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        OfferFonts.EnsureRegistered();

        // Texts, amounts and dates all follow the offer's culture; the caller's culture comes back afterwards.
        using var culture = Preferences.Preferences.Use(document.Culture);
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"{text["OfferPdf.Offer"]} {document.Number}";
        pdf.Info.Author = document.Letterhead.FirmName;
        pdf.Info.CreationDate = document.Date.ToDateTime(TimeOnly.MinValue);
        new OfferLetter(pdf, document, text).Write();

        using var output = new MemoryStream();
        pdf.Save(output, false);
        return output.ToArray();
    }

    /// <summary>"Angebot_A2612-003.pdf": the offer's word in its language and its number, with anything a file system or a header could mind replaced.</summary>
    public static string FileName(OfferDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var word = Texts.GetString("OfferPdf.Offer", document.Culture) ?? "Offer";
        return $"{word}_{UnsafeInFileName().Replace(document.Number, "_")}.pdf";
    }

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeInFileName();
}
