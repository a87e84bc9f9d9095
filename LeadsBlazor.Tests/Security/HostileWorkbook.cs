using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace LeadsBlazor.Tests.Security;

/// <summary>
/// Writes .xlsx files the way an attacker would: a complete, valid package around a sheet and a
/// shared-strings part that the test writes as a stream (so a gigabyte of text never exists in the
/// test either), and a zip whose header can be made to lie about a part's unpacked size.
/// </summary>
internal static class HostileWorkbook
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A one-sheet workbook; <paramref name="sheetData"/> writes the rows, <paramref name="sharedStrings"/> the &lt;si&gt; entries.</summary>
    public static MemoryStream Build(Action<TextWriter> sheetData, Action<TextWriter>? sharedStrings = null, string? dimension = null)
    {
        var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>"));
            Part(zip, "_rels/.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
            Part(zip, "xl/workbook.xml", w => w.Write(
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"Leads\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            Part(zip, "xl/_rels/workbook.xml.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"));
            Part(zip, "xl/worksheets/sheet1.xml", w =>
            {
                w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\">");
                if (dimension is not null)
                {
                    w.Write($"<dimension ref=\"{dimension}\"/>");
                }

                w.Write("<sheetData>");
                sheetData(w);
                w.Write("</sheetData></worksheet>");
            });
            Part(zip, "xl/sharedStrings.xml", w =>
            {
                w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{Main}\">");
                sharedStrings?.Invoke(w);
                w.Write("</sst>");
            });
        }

        file.Position = 0;
        return file;
    }

    /// <summary>The bomb of issue 14: a "Name" header and one shared string of <paramref name="length"/> letters (1 GB packs into about 1 MB).</summary>
    public static MemoryStream WithOneHugeString(long length) => Build(w => SharedRow(w, 1, [0]), w =>
    {
        SharedString(w, "Name");
        HugeSharedString(w, length);
    });

    /// <summary>A row of text cells in shared-string form: index i of the table for each column.</summary>
    public static void SharedRow(TextWriter w, int row, IEnumerable<int> stringIndexes)
    {
        w.Write($"<row r=\"{row}\">");
        var column = 0;
        foreach (var index in stringIndexes)
        {
            w.Write($"<c r=\"{ColumnName(++column)}{row}\" t=\"s\"><v>{index}</v></c>");
        }

        w.Write("</row>");
    }

    /// <summary>A row of inline text cells.</summary>
    public static void InlineRow(TextWriter w, int row, params string[] texts)
    {
        w.Write($"<row r=\"{row}\">");
        for (var i = 0; i < texts.Length; i++)
        {
            w.Write($"<c r=\"{ColumnName(i + 1)}{row}\" t=\"inlineStr\"><is><t>{texts[i]}</t></is></c>");
        }

        w.Write("</row>");
    }

    public static void SharedString(TextWriter w, string text) => w.Write($"<si><t>{text}</t></si>");

    /// <summary>One shared string of <paramref name="length"/> letters, written a megabyte at a time.</summary>
    public static void HugeSharedString(TextWriter w, long length)
    {
        var chunk = new string('A', 1 << 20);
        w.Write("<si><t>");
        for (long written = 0; written < length; written += chunk.Length)
        {
            w.Write(chunk.AsSpan(0, (int)Math.Min(chunk.Length, length - written)));
        }

        w.Write("</t></si>");
    }

    /// <summary>"A", "Z", "AA", … "XFD".</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26)
        {
            name = (char)('A' + ((column - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Rewrites the unpacked size that the local and the central header declare for <paramref name="part"/>.</summary>
    public static MemoryStream DeclaringSize(MemoryStream file, string part, uint size)
    {
        var bytes = file.ToArray();
        var name = Encoding.UTF8.GetBytes(part);
        for (var at = 0; at + 46 <= bytes.Length; at++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at));
            if (signature == 0x04034b50 && Names(bytes, at + 30, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 26)), name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 22), size);
                at += 29 + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 26)) + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 28))
                    + (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 18));
            }
            else if (signature == 0x02014b50 && Names(bytes, at + 46, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 28)), name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 24), size);
            }
        }

        return new MemoryStream(bytes);
    }

    private static bool Names(byte[] bytes, int at, int length, byte[] name) =>
        length == name.Length && at + length <= bytes.Length && bytes.AsSpan(at, length).SequenceEqual(name);

    private static void Part(ZipArchive zip, string name, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false), 1 << 16);
        write(writer);
    }
}
