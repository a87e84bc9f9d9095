using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace LeadsBlazor.Web.Features.Excel;

/// <summary>Why a workbook is not read: a message key of the import and the values it names.</summary>
public sealed record WorkbookProblem(string Key, params object[] Values);

/// <summary>What the check found: the first limit crossed (or null) and the header texts of the first sheet, left to right.</summary>
public sealed record WorkbookFindings(WorkbookProblem? Problem, IReadOnlyList<string> Headers);

/// <summary>
/// Reads an .xlsx's parts as a stream of XML, before MiniExcel builds anything from them, and stops at the
/// first <see cref="ImportOptions"/> limit: the unpacked size of each part (as the zip declares it, and as
/// actually read, since a declared size can lie), the number of shared strings and every text's length
/// (counted in chunks, so a gigabyte string never exists in memory), and the sheet's columns, rows and cells
/// (cell references and the sheet's declared dimension included, since the reader fills the gaps). It also
/// finds what would read as "0 rows" without a word: a cell pointing at a shared string that is not there.
/// </summary>
public static class WorkbookCheck
{
    private const string SharedStringsPart = "xl/sharedStrings.xml";
    private const int MaxParts = 1_000;

    public static WorkbookFindings Check(Stream xlsx, ImportOptions limits)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        ArgumentNullException.ThrowIfNull(limits);
        var start = xlsx.Position;
        try
        {
            using var zip = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxParts)
            {
                return new(new WorkbookProblem("Import.NotXlsx"), []);
            }

            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (entry.Length > limits.MaxPartBytes || declared > limits.MaxUnpackedBytes)
                {
                    return new(TooLarge(limits, entry.FullName), []);
                }
            }

            // Every sheet is held to the limits; the workbook's first sheet (the one MiniExcel reads) comes first, for its
            // headers. Its part is named by workbook.xml and its relationships: a user who moved sheets in Excel has a
            // first sheet that is not sheet1.xml.
            var first = FirstSheetPart(zip, budget: new ReadBudget(limits.MaxUnpackedBytes), limits);
            var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                .OrderBy(e => string.Equals(e.FullName, first, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(e => e.FullName.Length).ThenBy(e => e.FullName, StringComparer.OrdinalIgnoreCase).ToList();
            if (sheets.Count == 0)
            {
                return new(new WorkbookProblem("Import.NotXlsx"), []);
            }

            var budget = new ReadBudget(limits.MaxUnpackedBytes);
            var reading = new SheetReading(limits);
            foreach (var sheet in sheets)
            {
                reading.NextSheet(sheet == sheets[0]);
                using var part = budget.Open(sheet, limits);
                if (reading.Read(part) is { } problem)
                {
                    return new(problem, []);
                }
            }

            var strings = new SharedStrings(limits, reading.HeaderStringIndexes);
            if (zip.GetEntry(SharedStringsPart) is { } shared)
            {
                using var part = budget.Open(shared, limits);
                if (strings.Read(part) is { } problem)
                {
                    return new(problem, []);
                }
            }

            if (reading.HighestStringIndex is { } highest && highest.Index >= strings.Count)
            {
                return new(new WorkbookProblem("Import.MissingText", highest.Cell, highest.Index + 1, strings.Count), []);
            }

            return new(null, reading.Headers(strings.Captured));
        }
        catch (PartTooLargeException tooLarge)
        {
            return new(TooLarge(limits, tooLarge.Part), []);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            return new(new WorkbookProblem("Import.NotXlsx"), []);
        }
        finally
        {
            xlsx.Position = start;
        }
    }

    // The part's name comes from the file: cut short, since a zip entry's name may run to 64 KB.
    // The part of the first <sheet> in xl/workbook.xml, through xl/_rels/workbook.xml.rels; null when either cannot tell.
    private static string? FirstSheetPart(ZipArchive zip, ReadBudget budget, ImportOptions limits)
    {
        const string relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        // Both parts are a few kilobytes in any real workbook; a large one is no help in finding the first sheet.
        const long smallPart = 1024 * 1024;
        if (zip.GetEntry("xl/workbook.xml") is not { Length: <= smallPart } workbook || zip.GetEntry("xl/_rels/workbook.xml.rels") is not { Length: <= smallPart } rels)
        {
            return null;
        }

        string? id = null;
        using (var part = budget.Open(workbook, limits))
        using (var xml = Xml(part))
        {
            while (id is null && xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
                {
                    id = xml.GetAttribute("id", relationships);
                }
            }
        }

        using (var part = budget.Open(rels, limits))
        using (var xml = Xml(part))
        {
            while (id is not null && xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Id") == id && xml.GetAttribute("Target") is { } target)
                {
                    return target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                }
            }
        }

        return null;
    }

    private static WorkbookProblem TooLarge(ImportOptions limits, string part) =>
        new("Import.UnpacksTooLarge", part.Length > 60 ? part[..60] + "…" : part, Math.Max(1, limits.MaxPartBytes / 1024 / 1024), Math.Max(1, limits.MaxUnpackedBytes / 1024 / 1024));

    /// <summary>"XFD" is column 16,384; null when the reference has no letters.</summary>
    internal static int? ColumnOf(string? reference)
    {
        var column = 0;
        var letters = 0;
        foreach (var c in reference ?? "")
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            // Seven letters are past any sheet; stop counting before the number overflows.
            if (++letters > 7)
            {
                return int.MaxValue;
            }

            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return letters == 0 ? null : column;
    }

    internal static int? RowOf(string? reference)
    {
        var digits = new string([.. (reference ?? "").SkipWhile(char.IsAsciiLetter)]);
        return digits.Length == 0 ? null : int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : int.MaxValue;
    }

    private static XmlReader Xml(Stream part) =>
        XmlReader.Create(part, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = false });

    /// <summary>
    /// Reads the text of the current text node in chunks, counting it; keeps it only when asked to and only up
    /// to <paramref name="maxLength"/>. Returns the length so far, or -1 once it passes the limit.
    /// </summary>
    private static int CountText(XmlReader xml, char[] chunk, int lengthSoFar, int maxLength, StringBuilder? keep)
    {
        int read;
        while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
        {
            lengthSoFar += read;
            if (lengthSoFar > maxLength)
            {
                return -1;
            }

            keep?.Append(chunk, 0, read);
        }

        return lengthSoFar;
    }

    private static bool IsText(XmlNodeType type) => type is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace;

    private sealed class PartTooLargeException(string part) : Exception(part)
    {
        public string Part { get; } = part;
    }

    /// <summary>Counts what is actually unpacked, per part and in all, whatever the zip's header says.</summary>
    private sealed class ReadBudget(long total)
    {
        private long _left = total;

        // Between two tags lies at most one text (entities spell a character in up to six bytes) or an attribute: a
        // longer run would be an attribute the XML reader keeps whole in memory, so it is refused as it passes.
        public Stream Open(ZipArchiveEntry entry, ImportOptions limits) =>
            new CountingStream(entry.Open(), entry.FullName, limits.MaxPartBytes, (limits.MaxTextLength * 6L) + 1024, this);

        public void Spend(string part, int bytes)
        {
            _left -= bytes;
            if (_left < 0)
            {
                throw new PartTooLargeException(part);
            }
        }

        private sealed class CountingStream(Stream inner, string part, long max, long maxRun, ReadBudget budget) : Stream
        {
            private long _read;
            private long _run;

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => _read; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

            public override int Read(Span<byte> buffer)
            {
                var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, max - _read + 1)]);
                Runs(buffer[..read]);
                return Count(read);
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    inner.Dispose();
                }

                base.Dispose(disposing);
            }

            private void Runs(ReadOnlySpan<byte> read)
            {
                var first = read.IndexOfAny((byte)'<', (byte)'>');
                var before = first < 0 ? _run + read.Length : _run + first;
                if (before > maxRun)
                {
                    throw new InvalidDataException($"{part}: more than {maxRun} bytes between two tags.");
                }

                // A read is far shorter than the limit, so only the runs at its ends can reach it.
                _run = first < 0 ? before : read.Length - read.LastIndexOfAny((byte)'<', (byte)'>') - 1;
            }

            private int Count(int read)
            {
                _read += read;
                if (_read > max)
                {
                    throw new PartTooLargeException(part);
                }

                budget.Spend(part, read);
                return read;
            }
        }
    }

    /// <summary>The sheets' cells: how far they reach, which shared strings they use, and the first sheet's header row.</summary>
    private sealed class SheetReading(ImportOptions limits)
    {
        private readonly char[] _chunk = new char[4096];
        private readonly SortedDictionary<int, (int? StringIndex, string? Text)> _header = [];
        private bool _first;
        private int? _headerRow;

        public HashSet<int> HeaderStringIndexes { get; } = [];

        public (string Cell, int Index)? HighestStringIndex { get; private set; }

        public void NextSheet(bool first) => (_first, _headerRow) = (first, null);

        public WorkbookProblem? Read(Stream part)
        {
            using var xml = Xml(part);
            int row = 0, column = 0, widest = 0, highestRow = 0, declaredRows = 0, declaredColumns = 0;
            string? cell = null, type = null;
            var inValue = false;
            var valueLength = 0;
            StringBuilder? value = null;
            while (xml.Read())
            {
                switch (xml.NodeType)
                {
                    case XmlNodeType.Element when xml.LocalName == "dimension":
                        var range = (xml.GetAttribute("ref") ?? "").Split(':');
                        declaredColumns = ColumnOf(range[^1]) ?? 0;
                        declaredRows = RowOf(range[^1]) ?? 0;
                        break;
                    case XmlNodeType.Element when xml.LocalName == "row":
                        row = RowOf(xml.GetAttribute("r")) ?? row + 1;
                        column = 0;
                        break;
                    case XmlNodeType.Element when xml.LocalName == "c":
                        cell = xml.GetAttribute("r");
                        column = ColumnOf(cell) ?? column + 1;
                        type = xml.GetAttribute("t");
                        cell ??= $"{column}:{row}";
                        if (column > limits.MaxColumns)
                        {
                            return new WorkbookProblem("Import.TooManyColumns", limits.MaxColumns);
                        }

                        _headerRow ??= row;
                        widest = Math.Max(widest, column);
                        highestRow = Math.Max(highestRow, row);
                        if (highestRow - _headerRow > limits.MaxRows)
                        {
                            return new WorkbookProblem("Import.TooManyRows", limits.MaxRows);
                        }

                        break;
                    case XmlNodeType.Element when xml.LocalName is "v" or "t" && cell is not null && !xml.IsEmptyElement:
                        inValue = true;
                        valueLength = xml.LocalName == "t" ? valueLength : 0;
                        value = (_first && row == _headerRow) || (type == "s" && xml.LocalName == "v") ? value ?? new StringBuilder() : null;
                        break;
                    case var text when IsText(text) && inValue:
                        valueLength = CountText(xml, _chunk, valueLength, limits.MaxTextLength, value);
                        if (valueLength < 0)
                        {
                            return new WorkbookProblem("Import.TextTooLong", cell!, limits.MaxTextLength);
                        }

                        break;
                    case XmlNodeType.EndElement when xml.LocalName is "v" or "t":
                        inValue = false;
                        break;
                    case XmlNodeType.EndElement when xml.LocalName == "c":
                        if (TakeCell(cell!, column, row, type, value?.ToString()) is { } broken)
                        {
                            return broken;
                        }

                        (cell, type, value, valueLength) = (null, null, null, 0);
                        break;
                }
            }

            // The reader makes a value for every column of every row up to the sheet's declared corner, too.
            var rows = Math.Max(highestRow, declaredRows) - (_headerRow ?? 1) + 1;
            var columns = Math.Max(widest, declaredColumns);
            if (columns > limits.MaxColumns)
            {
                return new WorkbookProblem("Import.TooManyColumns", limits.MaxColumns);
            }

            if (rows - 1 > limits.MaxRows)
            {
                return new WorkbookProblem("Import.TooManyRows", limits.MaxRows);
            }

            return (long)rows * columns > limits.MaxCells ? new WorkbookProblem("Import.TooManyCells", limits.MaxCells) : null;
        }

        public IReadOnlyList<string> Headers(IReadOnlyDictionary<int, string> strings) =>
            [.. _header.Values.Select(h => h.StringIndex is { } i ? strings.GetValueOrDefault(i, "") : h.Text ?? "")];

        private WorkbookProblem? TakeCell(string cell, int column, int row, string? type, string? value)
        {
            int? index = null;
            if (type == "s" && value is not null)
            {
                if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var i))
                {
                    return new WorkbookProblem("Import.MissingText", cell, value.Trim(), 0);
                }

                index = i;
                if (HighestStringIndex is not { } highest || i > highest.Index)
                {
                    HighestStringIndex = (cell, i);
                }
            }

            if (_first && row == _headerRow)
            {
                _header[column] = (index, index is null ? value : null);
                if (index is { } used)
                {
                    HeaderStringIndexes.Add(used);
                }
            }

            return null;
        }
    }

    /// <summary>The shared-strings table: how many, each no longer than allowed, and the texts the header row uses.</summary>
    private sealed class SharedStrings(ImportOptions limits, HashSet<int> wanted)
    {
        private readonly char[] _chunk = new char[4096];
        private readonly Dictionary<int, string> _captured = [];

        public int Count { get; private set; }

        public IReadOnlyDictionary<int, string> Captured => _captured;

        public WorkbookProblem? Read(Stream part)
        {
            using var xml = Xml(part);
            var inText = false;
            var length = 0;
            StringBuilder? keep = null;
            while (xml.Read())
            {
                switch (xml.NodeType)
                {
                    case XmlNodeType.Element when xml.LocalName == "si":
                        if (++Count > limits.MaxSharedStrings)
                        {
                            return new WorkbookProblem("Import.TooManyTexts", limits.MaxSharedStrings);
                        }

                        length = 0;
                        keep = wanted.Contains(Count - 1) ? new StringBuilder() : null;
                        break;
                    case XmlNodeType.Element when xml.LocalName == "t" && !xml.IsEmptyElement:
                        inText = true;
                        break;
                    case XmlNodeType.EndElement when xml.LocalName == "t":
                        inText = false;
                        break;
                    case var text when IsText(text) && inText:
                        length = CountText(xml, _chunk, length, limits.MaxTextLength, keep);
                        if (length < 0)
                        {
                            return new WorkbookProblem("Import.SharedTextTooLong", Count, limits.MaxTextLength);
                        }

                        break;
                    case XmlNodeType.EndElement when xml.LocalName == "si" && keep is not null:
                        _captured[Count - 1] = keep.ToString();
                        break;
                }
            }

            return null;
        }
    }
}
