namespace LeadsBlazor.Web.Features.Excel;

/// <summary>
/// The response body as MiniExcel writes a workbook into it. MiniExcel writes a sheet's rows with <c>WriteAsync</c>; the zip
/// archive underneath writes its small parts (the fixed entries, the end of each entry, the central directory) with a sync
/// <c>Write</c>, which Kestrel refuses on a response body. Those bytes wait here, at most <see cref="Limit"/> of them, and
/// go out asynchronously with the next async write or flush, so no thread ever waits on the network. Measured with
/// MiniExcel 1.46 on 100,000 rows: about 65 KB came as sync writes, 5.9 MB as async ones (8 KB each from the deflater),
/// which go out gathered in blocks of <see cref="Block"/> rather than one response write per 8 KB.
/// </summary>
public sealed class DownloadBody(Stream response) : Stream
{
    /// <summary>
    /// How many sync-written bytes may wait. The most the archive writes synchronously at once is the compressed tail of a
    /// sheet (MiniExcel's last 512K characters) plus the closing entries; beyond this the export fails rather than grow.
    /// </summary>
    public const int Limit = 4 * 1024 * 1024;

    /// <summary>How many bytes an async write gathers before they go to the response.</summary>
    public const int Block = 64 * 1024;

    private readonly MemoryStream _waiting = new();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_waiting.Length + buffer.Length > Limit)
        {
            throw new InvalidOperationException($"The workbook wrote more than {Limit} bytes synchronously; a download holds no more than that back.");
        }

        _waiting.Write(buffer);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _waiting.Write(buffer.Span);
        if (_waiting.Length >= Block)
        {
            await SendWaitingAsync(cancellationToken);
        }
    }

    /// <summary>The archive flushes synchronously when it closes: the bytes stay waiting until <see cref="FlushAsync(CancellationToken)"/>.</summary>
    public override void Flush()
    {
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await SendWaitingAsync(cancellationToken);
        await response.FlushAsync(cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _waiting.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task SendWaitingAsync(CancellationToken cancellationToken)
    {
        if (_waiting.Length > 0)
        {
            await response.WriteAsync(_waiting.GetBuffer().AsMemory(0, (int)_waiting.Length), cancellationToken);
            _waiting.SetLength(0);
        }
    }
}
