namespace LeadsBlazor.Web.Features.Excel;

/// <summary>
/// The <c>Import</c> section: how much an uploaded workbook may hold. An .xlsx is a zip of XML parts, so a
/// small file can unpack to gigabytes; every limit here bounds what the file expands to, and the first
/// one crossed ends the reading with a message.
/// </summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>The uploaded file as it is (compressed).</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Any one part of the workbook unpacked, e.g. <c>xl/sharedStrings.xml</c> or a sheet.</summary>
    public long MaxPartBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>All parts together, unpacked.</summary>
    public long MaxUnpackedBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Entries in the shared-strings table (each distinct text of the workbook is one).</summary>
    public int MaxSharedStrings { get; set; } = 500_000;

    /// <summary>Characters in one text; Excel itself keeps at most 32,767 in a cell.</summary>
    public int MaxTextLength { get; set; } = 32_767;

    /// <summary>Columns of a sheet; 16,384 (XFD) is the most Excel has, so a wider sheet is broken.</summary>
    public int MaxColumns { get; set; } = 16_384;

    /// <summary>Data rows below the header row.</summary>
    public int MaxRows { get; set; } = 20_000;

    /// <summary>Rows times columns: the reader makes a value for every column of every row, written or not.</summary>
    public long MaxCells { get; set; } = 1_000_000;
}
