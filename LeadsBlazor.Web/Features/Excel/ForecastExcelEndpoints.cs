using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Features.Excel;

public static class ForecastExcelEndpoints
{
    /// <summary>
    /// <c>GET /leads/forecast/export</c>: the forecast's table for the view filters (responsible, labels, q) as an .xlsx download.
    /// A GET that changes nothing; the fallback policy requires a signed-in user.
    /// </summary>
    public static IEndpointRouteBuilder MapForecastExcelEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/" + ForecastExport.Path, async Task<IResult> (HttpContext context, ForecastExport export, IStringLocalizer<SharedResource> text, string? responsible, string? labels, string? q, CancellationToken cancellationToken) =>
        {
            if (ExcelEndpoints.RefuseTooManyLabels(labels, text) is { } refused)
            {
                return refused;
            }

            var filter = LeadViewParameters.Filter(context.User, responsible, labels, q);
            return ExcelEndpoints.Download(await export.FileNameAsync(cancellationToken), (body, aborted) => export.WriteAsync(filter, body, aborted));
        });
        return endpoints;
    }
}
