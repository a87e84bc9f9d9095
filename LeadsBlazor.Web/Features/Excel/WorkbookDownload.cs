using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace LeadsBlazor.Web.Features.Excel;

/// <summary>
/// An export's answer, streamed (ADR 0015): the headers (type, download name, no caching) go out first, then the workbook's
/// bytes as MiniExcel makes them, through <see cref="DownloadBody"/>. The rows are read and written asynchronously, so a
/// long export holds no thread while it waits on the database or the client.
/// </summary>
public sealed class WorkbookDownload(string fileName, Func<Stream, CancellationToken, Task> write) : IResult
{
    /// <summary>The name the browser saves the file under, "leads-2026-11-30.xlsx".</summary>
    public string FileName => fileName;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.ContentType = LeadExport.ContentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.CacheControl = "no-store";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var cancellationToken = httpContext.RequestAborted;
        await response.StartAsync(cancellationToken);

        await using var body = new DownloadBody(response.Body);
        try
        {
            await write(body, cancellationToken);
            await body.FlushAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The status went out as 200 with the headers. A plain end of the body would leave the client a short file that
            // looks complete (and a zip without its directory): break the connection instead, so the download shows as failed.
            httpContext.Abort();
            throw;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // The client has gone: the query and the writing stop, there is no one left to answer.
        }
    }
}
