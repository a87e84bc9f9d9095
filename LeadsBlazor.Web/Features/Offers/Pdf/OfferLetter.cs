using System.Globalization;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Web.Components.Shared;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace LeadsBlazor.Web.Features.Offers.Pdf;

/// <summary>
/// Lays one offer out on A4 pages, top to bottom with a cursor in millimetres: the letterhead and address window of
/// DIN 5008 form B on the first page, then the texts and the positions table, which breaks over pages with the running
/// net sum carried forward. Page numbers ("Seite 1 von 3") and the footer go on last, when the page count is known.
/// </summary>
internal sealed partial class OfferLetter(PdfDocument pdf, OfferDocument document, IStringLocalizer text)
{
    // Horizontal: the text runs from 25 mm to 20 mm before the right edge of the sheet.
    private const double Left = 25, Right = 190;

    // DIN 5008 form B: the address window at 20 mm / 45 mm (85 × 45 mm); its top 17.7 mm hold the return address,
    // the rest the recipient. The information block to its right, the text below at 98.4 mm.
    private const double WindowLeft = 20, WindowTop = 45, WindowWidth = 85, NotesZone = 17.7;
    private const double InfoLeft = 125, InfoTop = 50, FirstPageBody = 98.4;
    private const double FoldMark1 = 105, HoleMark = 148.5, FoldMark2 = 210;

    // Vertical room for the content; the page number and footer sit below it.
    private const double FollowPageBody = 22, BodyBottom = 260, PageNumberTop = 263, FooterRule = 268, FooterTop = 270;

    // The positions table: number, description, quantity (right), unit, unit price (right), total (right).
    private const double PosLeft = Left, DescLeft = 34, DescRight = 101, QtyRight = 117, UnitLeft = 120, PriceRight = 159, TotalRight = Right;

    private const double CellPadding = 1.0, CarryRowHeight = 6.5, TableHeaderHeight = 6.5;

    private static readonly XColor Ink = XColor.FromArgb(30, 30, 30);
    private static readonly XBrush InkBrush = new XSolidBrush(Ink);
    private static readonly XBrush MutedBrush = new XSolidBrush(XColor.FromArgb(100, 100, 100));
    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(238, 240, 243));
    private static readonly XPen Rule = new(XColor.FromArgb(205, 208, 212), 0.4);
    private static readonly XPen StrongRule = new(Ink, 0.7);
    private static readonly XPen MarkPen = new(XColor.FromArgb(120, 120, 120), 0.5);

    private readonly XFont _firm = Font(15, bold: true);
    private readonly XFont _title = Font(12.5, bold: true);
    private readonly XFont _body = Font(9.5);
    private readonly XFont _recipient = Font(10);
    private readonly XFont _small = Font(8);
    private readonly XFont _tiny = Font(6.5);
    private readonly XFont _cell = Font(8.5);
    private readonly XFont _cellBold = Font(8.5, bold: true);
    private readonly XFont _totalBold = Font(10, bold: true);

    private readonly OfferTotals _totals = document.Totals;
    private readonly List<PdfPage> _pages = [];
    private XGraphics? _gfx;
    private double _y;

    // While the table runs, a new page repeats its header and carries the net sum of the items so far.
    private bool _inTable;
    private bool _anyItemPrinted;
    private decimal _runningNet;

    // Where the rows of the current page begin: the first row needs no rule above it.
    private double _rowsStart;

    private XGraphics Gfx => _gfx ?? throw new InvalidOperationException("No page is open.");

    public void Write()
    {
        NewPage();
        WriteOpening();
        WritePositions();
        WriteTotals();
        if (document.TaxRatePercent == 0 && !string.IsNullOrWhiteSpace(document.TaxNote))
        {
            Gap(3);
            Paragraphs(document.TaxNote, _small, MutedBrush, Left, Right);
        }

        if (!string.IsNullOrWhiteSpace(document.ClosingText))
        {
            Gap(7);
            Paragraphs(document.ClosingText, _body, InkBrush, Left, Right);
        }

        _gfx?.Dispose();
        _gfx = null;
        WritePageFrames();
    }

    private void WriteOpening()
    {
        Paragraphs(document.Title, _title, InkBrush, Left, Right);
        if (!string.IsNullOrWhiteSpace(document.Salutation))
        {
            Gap(6);
            Paragraphs(document.Salutation, _body, InkBrush, Left, Right);
        }

        if (!string.IsNullOrWhiteSpace(document.IntroText))
        {
            Gap(3);
            Paragraphs(document.IntroText, _body, InkBrush, Left, Right);
        }

        Gap(6);
    }

    private double Limit => _inTable ? BodyBottom - CarryRowHeight : BodyBottom;

    private void EnsureRoom(double height)
    {
        if (_y + height > Limit)
        {
            NewPage();
        }
    }

    private void Gap(double height) => _y = Math.Min(_y + height, Limit);

    private void NewPage()
    {
        var continuesTable = _inTable && _anyItemPrinted;
        if (continuesTable)
        {
            CarryRow(atFoot: true);
        }

        _gfx?.Dispose();
        var page = pdf.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _pages.Add(page);
        _gfx = XGraphics.FromPdfPage(page);
        Marks();
        if (_pages.Count == 1)
        {
            Letterhead();
            _y = FirstPageBody;
            return;
        }

        Cell($"{document.Letterhead.FirmName} · {text["OfferPdf.Offer"]} {document.Number}", _small, Left, 12, MutedBrush);
        _y = FollowPageBody;
        if (_inTable)
        {
            TableHeader();
            if (continuesTable)
            {
                CarryRow(atFoot: false);
            }
        }
    }

    private void Letterhead()
    {
        var head = document.Letterhead;
        if (head.Logo is { Length: > 0 } logo)
        {
            using var image = XImage.FromStream(new MemoryStream(logo, writable: false));
            const double maxWidth = 55, maxHeight = 24;
            var ratio = (double)image.PixelWidth / Math.Max(1, image.PixelHeight);
            var (width, height) = ratio >= maxWidth / maxHeight ? (maxWidth, maxWidth / ratio) : (maxHeight * ratio, maxHeight);
            Gfx.DrawImage(image, Pt(Right - width), Pt(12), Pt(width), Pt(height));
        }

        Cell(head.FirmName, _firm, Left, 14);
        var y = 21.5;
        foreach (var line in head.AddressLines)
        {
            Cell(line, _small, Left, y, MutedBrush);
            y += LineHeight(_small);
        }

        // The return address in one small line above the recipient, shrunk to the window's width if it is long.
        var returnLine = string.Join(" · ", new[] { head.FirmName }.Concat(head.AddressLines).Where(l => !string.IsNullOrWhiteSpace(l)));
        var room = Pt(WindowWidth - 10);
        var size = 7.0;
        while (size > 5 && Gfx.MeasureString(returnLine, Font(size)).Width > room)
        {
            size -= 0.25;
        }

        Cell(returnLine, Font(size), WindowLeft + 5, WindowTop + NotesZone - 5, MutedBrush);
        Gfx.DrawLine(Rule, Pt(WindowLeft + 5), Pt(WindowTop + NotesZone - 1.2), Pt(WindowLeft + WindowWidth - 5), Pt(WindowTop + NotesZone - 1.2));

        var recipientTop = WindowTop + NotesZone + 1;
        foreach (var line in document.RecipientLines)
        {
            Cell(line, _recipient, WindowLeft + 5, recipientTop);
            recipientTop += LineHeight(_recipient);
        }

        var infoTop = InfoTop;
        foreach (var (label, value) in new[]
        {
            (text["OfferPdf.Number"].Value, document.Number),
            (text["OfferPdf.Date"].Value, Formats.Date(document.Date)),
            (text["OfferPdf.ValidUntil"].Value, Formats.Date(document.ValidUntil)),
        })
        {
            Cell(label, _small, InfoLeft, infoTop + 0.4, MutedBrush);
            CellRight(value, _body, Right, infoTop);
            infoTop += 5;
        }
    }

    /// <summary>Fold marks (for a window envelope) and the hole mark at the left edge.</summary>
    private void Marks()
    {
        foreach (var (y, length) in new[] { (FoldMark1, 5.0), (HoleMark, 8.0), (FoldMark2, 5.0) })
        {
            Gfx.DrawLine(MarkPen, Pt(4), Pt(y), Pt(4 + length), Pt(y));
        }
    }

    private void WritePageFrames()
    {
        var footer = document.Letterhead.FooterLines.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var perColumn = Math.Max(1, (int)Math.Ceiling(footer.Count / 3.0));
        const double columnWidth = (Right - Left) / 3;
        for (var i = 0; i < _pages.Count; i++)
        {
            using var gfx = XGraphics.FromPdfPage(_pages[i], XGraphicsPdfPageOptions.Append);
            _gfx = gfx;
            CellRight(text["OfferPdf.Page", i + 1, _pages.Count], _small, Right, PageNumberTop, MutedBrush);
            if (footer.Count > 0)
            {
                gfx.DrawLine(Rule, Pt(Left), Pt(FooterRule), Pt(Right), Pt(FooterRule));
            }

            for (var column = 0; column * perColumn < footer.Count; column++)
            {
                var left = Left + column * columnWidth;
                var y = FooterTop;
                foreach (var line in footer.Skip(column * perColumn).Take(perColumn).SelectMany(l => Wrap(l, _tiny, left, left + columnWidth - 3)))
                {
                    Cell(line, _tiny, left, y, MutedBrush);
                    y += LineHeight(_tiny);
                }
            }
        }

        _gfx = null;
    }

    /// <summary>Text that wraps between <paramref name="left"/> and <paramref name="right"/> and flows onto the next page.</summary>
    private void Paragraphs(string value, XFont font, XBrush brush, double left, double right)
    {
        var lineHeight = LineHeight(font);
        foreach (var line in Wrap(value, font, left, right))
        {
            EnsureRoom(lineHeight);
            Text(line, font, brush, left, _y);
            _y += lineHeight;
        }
    }

    /// <summary>Breaks text into lines that fit the width, paragraph by paragraph (an empty line stays empty); a word wider than the line is cut.</summary>
    private List<string> Wrap(string value, XFont font, double left, double right)
    {
        var width = Pt(right - left);
        var lines = new List<string>();
        foreach (var paragraph in value.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (Measure(candidate, font) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (Measure(line, font) > width && line.Length > 1)
                {
                    var fits = 1;
                    while (fits < line.Length && Measure(line[..(fits + 1)], font) <= width)
                    {
                        fits++;
                    }

                    lines.Add(line[..fits]);
                    line = line[fits..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    private double Measure(string value, XFont font) => Gfx.MeasureString(value, font).Width;

    private void Text(string value, XFont font, XBrush brush, double left, double top) =>
        Gfx.DrawString(value, font, brush, Pt(left), Pt(top), XStringFormats.TopLeft);

    private void Cell(string value, XFont font, double left, double top, XBrush? brush = null) => Text(value, font, brush ?? InkBrush, left, top);

    private void CellRight(string value, XFont font, double right, double top, XBrush? brush = null) =>
        Gfx.DrawString(value, font, brush ?? InkBrush, Pt(right) - Measure(value, font), Pt(top), XStringFormats.TopLeft);

    private string Money(decimal amount) => Formats.Money(amount, document.CurrencyCode, 2);

    private static double LineHeight(XFont font) => font.Size * 1.3 * 25.4 / 72;

    private static double Pt(double millimetres) => millimetres * 72 / 25.4;

    private static XFont Font(double size, bool bold = false) => new(OfferFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
}
