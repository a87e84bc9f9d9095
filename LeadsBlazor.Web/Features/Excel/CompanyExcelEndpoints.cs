using LeadsBlazor.Web.Features.Customers;
using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Features.Excel;

public static class CompanyExcelEndpoints
{
    /// <summary>
    /// <c>GET /companies/export</c>: the company list as filtered and sorted on screen (q, labels, country, sort, desc) as an .xlsx download,
    /// and <c>GET /companies/import/template</c>. GETs that change nothing; the fallback policy requires a signed-in user.
    /// </summary>
    public static IEndpointRouteBuilder MapCompanyExcelEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/companies/export", async Task<IResult> (HttpContext context, CompanyExport export, IStringLocalizer<SharedResource> text, string? q, string? labels, string? country, string? sort, string? desc, CancellationToken cancellationToken) =>
        {
            if (ExcelEndpoints.RefuseTooManyLabels(labels, text) is { } refused)
            {
                return refused;
            }

            return ExcelEndpoints.Download(await export.FileNameAsync(cancellationToken), (body, aborted) => export.WriteAsync(new CompanyFilter(q, LeadViewParameters.ParseLabels(labels), country), sort, desc == "1", body, aborted));
        });
        endpoints.MapGet("/companies/import/template", async (CompanyImport import, CancellationToken cancellationToken) =>
        {
            var file = ExcelEndpoints.TemporaryFile();
            await import.WriteTemplateAsync(file, cancellationToken);
            file.Position = 0;
            return TypedResults.File(file, LeadExport.ContentType, "customers-import-template.xlsx");
        });
        return endpoints;
    }
}
