using System.IO.Compression;
using System.Net;
using System.Text;
using LeadsBlazor.Domain.Common;
using LeadsBlazor.Tests.Support;
using LeadsBlazor.Web.Data;
using LeadsBlazor.Web.Features.Attachments;
using LeadsBlazor.Web.Features.Leads;
using Microsoft.AspNetCore.Mvc.Testing;
using MiniExcelLibs;

namespace LeadsBlazor.Tests.Security;

/// <summary>
/// What held when the app was attacked, kept as tests (issue 14): no exported cell runs as a formula, and a
/// hostile upload is refused or handed back only as an attachment the browser must not sniff.
/// </summary>
public abstract class ExportAndUploadTests(DatabaseProvider provider) : IDisposable
{
    private readonly PipelineApp _app = new(new Dictionary<string, string?> { ["Reminders:BackgroundScan"] = "false" }, provider: provider);

    public void Dispose() => _app.Dispose();

    private AttachmentStore Store => _app.Get<AttachmentStore>();

    private async Task<HttpClient> SignedInAsync()
    {
        var client = _app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync(LeadsAppFactory.OwnerEmail, LeadsAppFactory.OwnerPassword);
        return client;
    }

    private async Task<int> CreateAsync(string name, string? company = null, string? nextAction = null) =>
        await _app.Get<LeadCommands>().CreateAsync(new LeadInput
        {
            Name = name, ResponsibleUserId = _app.OwnerId, Revenue = 1_000m, NextActionOn = _app.Today, NextAction = nextAction, NewCompanyName = company,
        }, _app.OwnerId);

    private async Task<HttpResponseMessage> AttachAndDownloadAsync(string name, byte[] content)
    {
        var lead = await CreateAsync("Mit Anhang");
        var stored = await Store.SaveAsync(new MemoryStream(content), name);
        var id = await _app.Get<LeadCommands>().AttachAsync(lead, stored, _app.OwnerId);
        return await (await SignedInAsync()).GetAsync($"/attachments/{id}");
    }

    [Fact]
    public async Task Names_that_look_like_formulas_export_as_text_cells()
    {
        string[] names = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-1", "@x", "=1+1", "@SUM(A1)", "\t=cmd|' /C calc'!A0"];
        foreach (var name in names)
        {
            await CreateAsync(name, company: "=" + name.Trim(), nextAction: "+" + name.Trim());
        }

        var file = await (await SignedInAsync()).GetByteArrayAsync("/leads/export?status=potential");

        var rows = new MemoryStream(file).Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        // Names are saved trimmed (the tab goes); what is left must still be text, not a formula.
        Assert.Equal(names.Select(n => n.Trim()).Order(StringComparer.Ordinal), rows.Select(r => Assert.IsType<string>(r["Name"])).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.StartsWith("=", Assert.IsType<string>(r["Kunde"]), StringComparison.Ordinal));
        Assert.All(rows, r => Assert.StartsWith("+", Assert.IsType<string>(r["Nächste Aktion"]), StringComparison.Ordinal));
        using var zip = new ZipArchive(new MemoryStream(file));
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = await sheet.ReadToEndAsync();
        Assert.DoesNotContain("<f>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<x:f>", xml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("seite.html", "<html><script>alert(1)</script></html>")]
    [InlineData("bild.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [InlineData("programm.exe", "MZ\u0090\0")]
    [InlineData("rechnung.pdf.exe", "%PDF-1.7")]
    [InlineData("programm.pdf", "MZ\u0090\0")]
    [InlineData("angebot.pdf", "kein PDF")]
    [InlineData("bild.png", "<html><script>alert(1)</script></html>")]
    [InlineData("seite.htm\u202Etxt", "<html></html>")]
    public async Task Hostile_uploads_are_refused_and_nothing_of_them_is_kept(string name, string content)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Store.SaveAsync(new MemoryStream(Encoding.Latin1.GetBytes(content)), name));

        Assert.Equal(AttachmentStore.TypeNotAllowed, error.MessageKey);
        Assert.Empty(Directory.Exists(Store.Folder) ? Directory.GetFiles(Store.Folder) : []);
    }

    [Fact]
    public async Task An_endless_upload_stops_at_the_limit_and_leaves_nothing_behind()
    {
        var endless = new EndlessStream();

        var error = await Assert.ThrowsAsync<DomainException>(() => Store.SaveAsync(endless, "riesig.txt"));

        Assert.Equal(AttachmentStore.TooLarge, error.MessageKey);
        Assert.InRange(endless.Served, Store.MaxBytes, Store.MaxBytes + (1024 * 1024));
        Assert.Empty(Directory.Exists(Store.Folder) ? Directory.GetFiles(Store.Folder) : []);
    }

    [Fact]
    public async Task Html_in_a_text_file_comes_back_only_as_an_attachment_that_must_not_be_sniffed()
    {
        var response = await AttachAndDownloadAsync("notiz.txt", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task A_zip_bomb_attached_as_a_zip_is_kept_and_served_as_its_bytes_never_unpacked()
    {
        var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        await using (var entry = zip.CreateEntry("nullen.bin", CompressionLevel.SmallestSize).Open())
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 200; i++)
            {
                await entry.WriteAsync(zeros);
            }
        }

        var response = await AttachAndDownloadAsync("archiv.zip", bomb.ToArray());

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Null(response.Content.Headers.ContentEncoding.FirstOrDefault());
        Assert.Equal(bomb.ToArray(), await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Zeros without end, counting what was read: an upload that never stops.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

public sealed class ExportAndUploadTestsOnSqlite() : ExportAndUploadTests(DatabaseProvider.Sqlite);

public sealed class ExportAndUploadTestsOnPostgres() : ExportAndUploadTests(DatabaseProvider.Postgres);
