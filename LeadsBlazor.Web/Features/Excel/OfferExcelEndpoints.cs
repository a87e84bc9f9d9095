using LeadsBlazor.Web.Features.Offers;

namespace LeadsBlazor.Web.Features.Excel;

public static class OfferExcelEndpoints
{
    /// <summary>
    /// <c>GET /offers/export</c>: the offer list as filtered and sorted on screen (status, responsible, q, from, to, sort, desc) as an
    /// .xlsx download. A GET that changes nothing; the fallback policy requires a signed-in user.
    /// </summary>
    public static IEndpointRouteBuilder MapOfferExcelEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/offers/export", async (HttpContext context, OfferExport export, string? status, string? responsible, string? q, string? from, string? to, string? sort, string? desc, CancellationToken cancellationToken) =>
        {
            var filter = OfferFilter.FromUrl(context.User, status, responsible, q, from, to);
            return ExcelEndpoints.Download(await export.FileNameAsync(cancellationToken), (body, aborted) => export.WriteAsync(filter, sort, desc == "1", body, aborted));
        });
        return endpoints;
    }
}
