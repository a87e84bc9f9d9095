using System.Globalization;
using LeadsBlazor.Domain.Offers;
using LeadsBlazor.Web.Components.Shared;
using PdfSharp.Drawing;

namespace LeadsBlazor.Web.Features.Offers.Pdf;

/// <summary>The positions table and the totals below it.</summary>
internal sealed partial class OfferLetter
{
    private void WritePositions()
    {
        EnsureRoom(TableHeaderHeight + 12);
        _inTable = true;
        TableHeader();
        var number = 0;
        var subtotal = 0;
        foreach (var position in document.Positions)
        {
            switch (position.Kind)
            {
                case OfferPositionKind.Title:
                    Row(Wrap(position.Text ?? "", _cellBold, DescLeft, TotalRight), _cellBold, InkBrush, DescLeft, separated: true, first: null);
                    break;
                case OfferPositionKind.Description:
                    // A description has no figures beside it, so it may run under the quantity as well.
                    Row(Wrap(position.Text ?? "", _cell, DescLeft, QtyRight), _cell, MutedBrush, DescLeft, separated: false, first: null);
                    break;
                case OfferPositionKind.Item:
                    Item(position, ++number);
                    break;
                case OfferPositionKind.Subtotal:
                    SubtotalRow(position.Text ?? text["OfferPdf.Subtotal"], _totals.Subtotals[subtotal++]);
                    break;
                case OfferPositionKind.PageBreak:
                    NewPage();
                    break;
            }
        }

        _inTable = false;
        Gfx.DrawLine(StrongRule, Pt(Left), Pt(_y), Pt(Right), Pt(_y));
    }

    private void Item(OfferPosition item, int number)
    {
        var lines = Wrap(item.Text ?? "", _cell, DescLeft, DescRight);
        if (item.Optional)
        {
            lines.Add(text["OfferPdf.OptionalNote"]);
        }

        var total = Money(item.Net);
        Row(lines, _cell, InkBrush, DescLeft, separated: true, first: top =>
        {
            Cell(number.ToString(CultureInfo.CurrentCulture), _cell, PosLeft, top);
            CellRight(item.Quantity.ToString("#,##0.###", CultureInfo.CurrentCulture), _cell, QtyRight, top);
            Cell(item.Unit ?? "", _cell, UnitLeft, top);
            CellRight(Money(item.UnitPrice), _cell, PriceRight, top);
            CellRight(item.Optional ? $"({total})" : total, _cell, TotalRight, top);
        });

        // Counted once the row is on the page, so a page break before it carries only what stands above it.
        if (!item.Optional)
        {
            _runningNet += item.Net;
        }

        _anyItemPrinted = true;
    }

    private void SubtotalRow(string label, decimal amount)
    {
        EnsureRoom(CarryRowHeight + 1);
        Gfx.DrawLine(Rule, Pt(DescLeft), Pt(_y), Pt(Right), Pt(_y));
        var top = _y + 1.5;
        Cell(label, _cellBold, DescLeft, top);
        CellRight(Money(amount), _cellBold, TotalRight, top);
        _y += CarryRowHeight + 1;
    }

    private void WriteTotals()
    {
        var totals = _totals;
        var rows = new List<(string Label, decimal Amount)> { (text["OfferPdf.NetTotal"], totals.ItemsNet) };
        if (document.DiscountPercent > 0)
        {
            rows.Add((text["OfferPdf.Discount", Formats.Percent(document.DiscountPercent)], -totals.Discount));
            rows.Add((text["OfferPdf.NetAfterDiscount"], totals.Net));
        }

        rows.Add((text["OfferPdf.Tax", Formats.Percent(document.TaxRatePercent)], totals.Tax));
        const double rowHeight = 5, labelLeft = 112;
        EnsureRoom(2 + rows.Count * rowHeight + 9);
        _y += 2;
        foreach (var (label, amount) in rows)
        {
            Cell(label, _body, labelLeft, _y);
            CellRight(Money(amount), _body, TotalRight, _y);
            _y += rowHeight;
        }

        _y += 1;
        Gfx.DrawLine(StrongRule, Pt(labelLeft), Pt(_y), Pt(Right), Pt(_y));
        _y += 1.8;
        Cell(text["OfferPdf.Gross"], _totalBold, labelLeft, _y);
        CellRight(Money(totals.Gross), _totalBold, TotalRight, _y);
        _y += 5;
        Gfx.DrawLine(StrongRule, Pt(labelLeft), Pt(_y), Pt(Right), Pt(_y));
        Gfx.DrawLine(StrongRule, Pt(labelLeft), Pt(_y + 0.7), Pt(Right), Pt(_y + 0.7));
        _y += 4;
    }

    /// <summary>
    /// A table row of wrapped lines, kept on one page when it fits on one, with a rule above it when it starts an entry
    /// (an item or a title; a description belongs to the entry above). <paramref name="first"/> draws the cells beside its first line.
    /// </summary>
    private void Row(List<string> lines, XFont font, XBrush brush, double left, bool separated, Action<double>? first)
    {
        var lineHeight = LineHeight(font);
        var height = lines.Count * lineHeight + 2 * CellPadding;
        if (height <= Limit - FollowPageBody - TableHeaderHeight - CarryRowHeight)
        {
            EnsureRoom(height);
        }

        if (separated && _y > _rowsStart)
        {
            Gfx.DrawLine(Rule, Pt(Left), Pt(_y), Pt(Right), Pt(_y));
        }

        _y += CellPadding;
        for (var i = 0; i < lines.Count; i++)
        {
            EnsureRoom(lineHeight + CellPadding);
            if (i == 0)
            {
                first?.Invoke(_y);
            }

            Text(lines[i], font, brush, left, _y);
            _y += lineHeight;
        }

        _y += CellPadding;
    }

    private void TableHeader()
    {
        Gfx.DrawRectangle(HeaderFill, Pt(Left), Pt(_y), Pt(Right - Left), Pt(TableHeaderHeight));
        var top = _y + 1.6;
        Cell(text["OfferPdf.Position"], _cellBold, PosLeft + 0.5, top);
        Cell(text["OfferPdf.Description"], _cellBold, DescLeft, top);
        CellRight(text["OfferPdf.Quantity"], _cellBold, QtyRight, top);
        Cell(text["OfferPdf.Unit"], _cellBold, UnitLeft, top);
        CellRight(text["OfferPdf.UnitPrice"], _cellBold, PriceRight, top);
        CellRight(text["OfferPdf.Total"], _cellBold, TotalRight - 0.5, top);
        _y += TableHeaderHeight;
        Gfx.DrawLine(StrongRule, Pt(Left), Pt(_y), Pt(Right), Pt(_y));
        _rowsStart = _y;
    }

    private void CarryRow(bool atFoot)
    {
        if (atFoot)
        {
            Gfx.DrawLine(StrongRule, Pt(Left), Pt(_y), Pt(Right), Pt(_y));
        }

        var top = _y + 1.8;
        Cell(text["OfferPdf.CarriedForward"], _cellBold, DescLeft, top);
        CellRight(Money(_runningNet), _cellBold, TotalRight, top);
        _y += CarryRowHeight;
        if (!atFoot)
        {
            Gfx.DrawLine(Rule, Pt(Left), Pt(_y), Pt(Right), Pt(_y));
            _rowsStart = _y;
        }
    }
}
