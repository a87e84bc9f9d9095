using LeadsBlazor.Web.Features.Excel;
using LeadsBlazor.Web.Features.LeadViews;

namespace LeadsBlazor.Web.Features.Offers;

public static class OfferExportEndpoint
{
    /// <summary>
    /// <c>GET /offers/export</c>: the offer list as filtered and sorted on screen (status, responsible, q, from, to, sort, desc) as an
    /// .xlsx download. A GET that changes nothing; the fallback policy requires a signed-in user.
    /// </summary>
    public static IEndpointRouteBuilder MapOfferExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/offers/export", async (HttpContext context, OfferExport export, string? status, string? responsible, string? q, string? from, string? to, string? sort, string? desc, CancellationToken cancellationToken) =>
        {
            var file = ExcelEndpoints.TemporaryFile();
            var fileName = await export.WriteAsync(OfferFilterOf(context.User, status, responsible, q, from, to), sort, desc == "1", file, cancellationToken);
            file.Position = 0;
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.File(file, LeadExport.ContentType, fileName);
        });
        return endpoints;
    }

    /// <summary>The offer filter as the list's URL names it; "responsible" reads as in every lead view ("me", a user id, "all").</summary>
    public static OfferFilter OfferFilterOf(System.Security.Claims.ClaimsPrincipal user, string? status, string? responsible, string? search, string? from, string? to) =>
        new(OfferFilter.ParseStatuses(status), LeadViewParameters.Filter(user, responsible, null, null).ResponsibleUserId, search, OfferFilter.ParseDate(from), OfferFilter.ParseDate(to));
}
