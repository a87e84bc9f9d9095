using LeadsBlazor.Web.Features.LeadViews;
using LeadsBlazor.Web.Features.Projects;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Features.Excel;

public static class ProjectExcelEndpoints
{
    /// <summary>
    /// <c>GET /projects/export</c>: the project list as filtered and sorted on screen (status, responsible, customer, labels, q, sort, desc)
    /// as an .xlsx download. A GET that changes nothing; the fallback policy requires a signed-in user.
    /// </summary>
    public static IEndpointRouteBuilder MapProjectExcelEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/projects/export", async Task<IResult> (HttpContext context, ProjectExport export, IStringLocalizer<SharedResource> text, string? status, string? responsible, string? customer, string? labels, string? q, string? sort, string? desc, CancellationToken cancellationToken) =>
        {
            if (ExcelEndpoints.RefuseTooManyLabels(labels, text) is { } refused)
            {
                return refused;
            }

            var filter = ProjectFilter.FromUrl(context.User, status, responsible, customer, labels, q);
            return ExcelEndpoints.Download(await export.FileNameAsync(cancellationToken), (body, aborted) => export.WriteAsync(filter, sort, desc == "1", body, aborted));
        });
        return endpoints;
    }
}
