using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Offers.Pdf;
using Microsoft.EntityFrameworkCore;

namespace LeadsBlazor.Web.Features.Offers;

public static class OfferEndpoints
{
    /// <summary>
    /// The offer's PDF as it prints now, for signed-in users only, always as a download under its safe name
    /// ("Angebot_A2612-003.pdf"). A sent offer's PDF as it went out is also filed with its lead.
    /// </summary>
    public static IEndpointRouteBuilder MapOfferDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/offers/{id:int}/pdf", async (int id, IDbContextFactory<LeadsDbContext> contexts, OfferPdf pdf, CancellationToken cancellationToken) =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var offer = await db.Offers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
            if (offer is null)
            {
                return Results.NotFound();
            }

            var account = await db.AccountSettings.AsNoTracking().SingleAsync(cancellationToken);
            var document = OfferPrint.DocumentOf(offer, await OfferCommands.SettingsAsync(db, cancellationToken), account.Culture);
            return TypedResults.File(pdf.Render(document), "application/pdf", OfferPdf.FileName(document));
        }).RequireAuthorization();
        return endpoints;
    }
}
