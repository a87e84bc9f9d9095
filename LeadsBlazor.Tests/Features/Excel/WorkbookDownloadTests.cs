using System.Net;
using System.Runtime.CompilerServices;
using LeadsBlazor.Web.Features.Excel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MiniExcelLibs;

namespace LeadsBlazor.Tests.Features.Excel;

/// <summary>
/// How every export is delivered (ADR 0015), over real Kestrel, which refuses sync writes: the headers and the first bytes
/// arrive while the rows are still being read; a failure after them breaks the download; a client that leaves stops the rows.
/// The rows come from a source that stops after <see cref="FirstRows"/> and waits for the test.
/// </summary>
public sealed class WorkbookDownloadTests : IAsyncLifetime
{
    // Random text, so that MiniExcel's 512K-character buffer and the deflate blocks fill long before the pause.
    private const int FirstRows = 20_000;
    private const int LastRows = 100;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/export", (bool? fail) => ExcelEndpoints.Download("leads-2026-11-30.xlsx", async (body, cancellationToken) =>
        {
            await body.SaveAsAsync(Rows(fail == true, cancellationToken), sheetName: "Leads", excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
            _written.SetResult();
        }));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // A disposed response closes its connection at once rather than reading on to reuse it.
        _client = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 }) { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        _client.Dispose();
        await _app.DisposeAsync();
    }

    // MiniExcel asks for the enumerator without a token, as the lead export's rows do: the token comes in with the call.
    // The rows count as stopped when they end early either way: cancelled while waiting, or dropped by a write that failed.
    private async IAsyncEnumerable<Dictionary<string, object?>> Rows(bool fail, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var complete = false;
        try
        {
            for (var i = 1; i <= FirstRows; i++)
            {
                yield return Row(i);
            }

            await _release.Task.WaitAsync(cancellationToken);
            if (fail)
            {
                throw new InvalidOperationException("The database went away.");
            }

            for (var i = FirstRows + 1; i <= FirstRows + LastRows; i++)
            {
                yield return Row(i);
            }

            complete = true;
        }
        finally
        {
            if (!complete)
            {
                _stopped.TrySetResult();
            }
        }
    }

    private static Dictionary<string, object?> Row(int id) => new() { ["Id"] = id, ["Name"] = $"Lead {Guid.NewGuid():N}" };

    private async Task<(HttpResponseMessage Response, Stream Body, byte[] First)> StartDownloadAsync(string query = "")
    {
        var response = await _client.GetAsync("/export" + query, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        var body = await response.Content.ReadAsStreamAsync();
        var first = new byte[4];
        await body.ReadExactlyAsync(first).AsTask().WaitAsync(Patience);
        return (response, body, first);
    }

    [Fact]
    public async Task Headers_and_the_first_bytes_arrive_while_the_rows_are_still_being_read()
    {
        var (response, body, first) = await StartDownloadAsync();
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(LeadExport.ContentType, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("leads-2026-11-30.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            Assert.True(response.Headers.CacheControl?.NoStore);
            Assert.Equal("PK\u0003\u0004"u8.ToArray(), first); // a zip's first local file header
            Assert.False(_written.Task.IsCompleted);

            _release.SetResult();
            using var file = new MemoryStream();
            file.Write(first);
            await body.CopyToAsync(file).WaitAsync(Patience);

            await _written.Task.WaitAsync(Patience);
            file.Position = 0;
            var ids = file.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Select(r => (double)r["Id"]!).ToList();
            Assert.Equal(Enumerable.Range(1, FirstRows + LastRows).Select(i => (double)i), ids);
        }
    }

    [Fact]
    public async Task A_failure_after_the_first_bytes_breaks_the_download_instead_of_ending_it()
    {
        var (response, body, _) = await StartDownloadAsync("?fail=true");
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            _release.SetResult();
            // The client sees the body end early, as a network error: never a short file that looks complete.
            await Assert.ThrowsAnyAsync<IOException>(() => body.CopyToAsync(Stream.Null).WaitAsync(Patience));
            Assert.False(_written.Task.IsCompleted);
        }
    }

    [Fact]
    public async Task A_client_that_leaves_stops_the_rows()
    {
        var (response, _, _) = await StartDownloadAsync();

        response.Dispose();

        await _stopped.Task.WaitAsync(Patience);
        Assert.False(_written.Task.IsCompleted);
    }
}
