using Microsoft.Extensions.Localization;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace LeadsBlazor.Web.Features.Excel;

/// <summary>One column of an exported sheet: its key in the rows, the text key of its header, its width and number format.</summary>
public sealed record ExportColumn(string Key, string HeaderKey, int Width, string? Format = null);

/// <summary>The look every export shares, so the sheets read alike.</summary>
public static class ExportSheet
{
    /// <summary>The columns with their headers in the user's language, widths and formats; a frozen bold header row with a filter.</summary>
    public static OpenXmlConfiguration Configuration(IStringLocalizer text, IEnumerable<ExportColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new()
        {
            AutoFilter = true,
            FreezeRowCount = 1,
            TableStyles = TableStyles.Default,
            DynamicColumns = [.. columns.Select(c => new DynamicExcelColumn(c.Key) { Name = text[c.HeaderKey], Width = c.Width, Format = c.Format })],
        };
    }
}
