using LeadsBlazor.Domain.Common;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Offers;
using LeadsBlazor.Web.Features.Offers.Pdf;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Features.Settings.Offers;

/// <summary>
/// A sample offer printed with the owner's settings as they are now, so the letterhead, logo, footer and texts can be
/// checked before a customer sees them. Nothing is stored and no number is taken.
/// </summary>
public static class OfferPreviewEndpoint
{
    public const string Path = "/settings/offers/preview.pdf";

    public static IEndpointRouteBuilder MapOfferSettingsPreview(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async (OfferLanguage? language, IDbContextFactory<LeadsDbContext> contexts, AccountSettingsReader account, OfferPdf pdf, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
        {
            var accountSettings = await account.GetAsync(cancellationToken);
            var today = await account.TodayAsync(cancellationToken);
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var settings = await OfferCommands.SettingsAsync(db, cancellationToken);
            var number = (await db.NumberRangeAsync(NumberRangeKind.Offer, cancellationToken)).Peek(today);
            var chosen = language ?? OfferDefaults.LanguageOf(accountSettings.Culture);
            var document = Sample(settings, chosen, accountSettings.Culture, accountSettings.CurrencyCode, number, today, text);
            return TypedResults.File(pdf.Render(document), "application/pdf", OfferPdf.FileName(document));
        }).RequireAuthorization(Roles.AccountOwner);
        return endpoints;
    }

    private static OfferDocument Sample(OfferSettings settings, OfferLanguage language, string accountCulture, string currencyCode, string number, DateOnly today, IStringLocalizer text)
    {
        var culture = OfferDefaults.CultureOf(language, accountCulture);

        // The sample's own words are in the letter's language, not the owner's.
        using var scope = Preferences.Preferences.Use(culture);
        var texts = settings.TextsFor(language);
        var tax = settings.TaxRatePercent;
        OfferPosition[] positions =
        [
            OfferPosition.Title(text["OfferSettings.Sample.Heading"]),
            OfferPosition.Item(text["OfferSettings.Sample.Workshop"], 1m, text["OfferSettings.Sample.Flat"], 1200m),
            OfferPosition.Item(text["OfferSettings.Sample.Work"], 12m, text["OfferSettings.Sample.Hours"], 95m),
            OfferPosition.Item(text["OfferSettings.Sample.Option"], 1m, text["OfferSettings.Sample.Flat"], 450m, optional: true),
            OfferPosition.Subtotal(),
        ];
        return new OfferDocument(
            new Letterhead(settings.FirmName, OfferPrint.Lines(settings.Address), settings.Logo, OfferPrint.Lines(settings.Footer)),
            culture,
            number,
            text["OfferSettings.Sample.Title"],
            today,
            today.AddDays(settings.ValidityDays),
            OfferPrint.Lines(text["OfferSettings.Sample.Recipient"]),
            texts.Salutation,
            texts.IntroText,
            texts.ClosingText,
            currencyCode,
            positions,
            0m,
            tax,
            tax == 0m ? settings.TaxNote : null);
    }
}
