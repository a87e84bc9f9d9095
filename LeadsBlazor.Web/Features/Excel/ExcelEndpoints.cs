using LeadsBlazor.Domain.Leads;
using LeadsBlazor.Web.Components.Shared;
using LeadsBlazor.Web.Features.Leads;
using LeadsBlazor.Web.Features.LeadViews;
using Microsoft.Extensions.Localization;

namespace LeadsBlazor.Web.Features.Excel;

public static class ExcelEndpoints
{
    /// <summary>
    /// <c>GET /leads/export</c>: the view given by the query (view, status, responsible, labels, q, and the list's sort and desc) as an .xlsx download.
    /// A GET that changes nothing, so it needs no antiforgery token; the fallback policy requires a signed-in user.
    /// The sheet streams to the response as its rows are read (<see cref="WorkbookDownload"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapExcelEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/leads/export", async Task<IResult> (HttpContext context, LeadExport export, IStringLocalizer<SharedResource> text, string? view, string? status, string? responsible, string? labels, string? q, string? sort, string? desc, CancellationToken cancellationToken) =>
        {
            if (RefuseTooManyLabels(labels, text) is { } refused)
            {
                return refused;
            }

            var filter = LeadViewParameters.Filter(context.User, responsible, labels, q) with
            {
                Status = Enum.TryParse<LeadStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null,
            };
            var shown = Enum.TryParse<LeadView>(view, ignoreCase: true, out var named) && Enum.IsDefined(named) ? named : LeadView.All;
            return Download(await export.FileNameAsync(cancellationToken), (body, aborted) => export.WriteAsync(filter, shown, body, aborted, sort, desc == "1"));
        });

        endpoints.MapGet("/leads/import/template", async (LeadImport import, CancellationToken cancellationToken) =>
        {
            var file = TemporaryFile();
            await import.WriteTemplateAsync(file, cancellationToken);
            file.Position = 0;
            return TypedResults.File(file, LeadExport.ContentType, "leads-import-template.xlsx");
        });
        endpoints.MapGet("/leads/import/invalid/{token}", (string token, HttpContext context, ImportFiles files) =>
            files.Take(token, context.User.UserId()) is { } xlsx
                ? Results.File(xlsx, LeadExport.ContentType, "leads-import-errors.xlsx")
                : Results.NotFound());
        endpoints.MapCompanyExcelEndpoints();
        endpoints.MapOfferExcelEndpoints();
        endpoints.MapProjectExcelEndpoints();
        endpoints.MapForecastExcelEndpoints();
        endpoints.MapOutcomeExcelEndpoints();
        return endpoints;
    }

    /// <summary>How every export answers: an .xlsx under its download name, never cached, streamed as the writer writes it.</summary>
    internal static WorkbookDownload Download(string fileName, Func<Stream, CancellationToken, Task> write) => new(fileName, write);

    /// <summary>The answer to a view filter with more labels than a view takes, or null when the labels are fine.</summary>
    internal static IResult? RefuseTooManyLabels(string? labels, IStringLocalizer text) =>
        LeadViewParameters.TooManyLabels(labels) ? TypedResults.BadRequest(text["Filter.TooManyLabels", LeadViewParameters.MaxLabels].Value) : null;

    // Deleted by the OS when the response has streamed it and closes it.
    internal static FileStream TemporaryFile() =>
        new(Path.Combine(Path.GetTempPath(), $"leadsblazor-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81_920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
