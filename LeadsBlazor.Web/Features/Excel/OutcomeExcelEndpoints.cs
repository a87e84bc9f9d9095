using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Features.Outcomes;
using LeadsBlazor.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Features.Excel;

public static class OutcomeExcelEndpoints
{
    /// <summary>
    /// <c>GET /leads/outcomes/export</c>: the outcome analysis for the page's query string (from, to, responsible, labels, q) as an .xlsx
    /// download. A GET that changes nothing; the fallback policy requires a signed-in user.
    /// </summary>
    public static IEndpointRouteBuilder MapOutcomeExcelEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/leads/outcomes/export", async Task<IResult> (HttpContext context, OutcomeExport export, AccountSettingsReader account, IStringLocalizer<SharedResource> text, string? from, string? to, string? responsible, string? labels, string? q, CancellationToken cancellationToken) =>
        {
            if (ExcelEndpoints.RefuseTooManyLabels(labels, text) is { } refused)
            {
                return refused;
            }

            var period = OutcomePeriod.FromUrl(from, to, await account.TodayAsync(cancellationToken));
            var filter = LeadViewParameters.Filter(context.User, responsible, labels, q);
            return ExcelEndpoints.Download(OutcomeExport.FileName(period), (body, aborted) => export.WriteAsync(filter, period, body, aborted));
        });
        return endpoints;
    }
}
