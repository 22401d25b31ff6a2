using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Portal.Cards;

/// <summary>
/// A4 sheets for an office printer, imposed from the cards' print PDF: two A6 cards side by side on landscape A4 (one A5
/// on portrait A4), each cut to its trim (no bleed, no crop marks) inside a dashed outline to cut along, and a dashed cut
/// line where two cards meet. PDFsharp places the printed pages as they are (vector, fonts embedded), in milliseconds,
/// where laying the cards out again in Chromium and printing them a second time took longer than the cards themselves.
/// </summary>
public static class PdfSheets
{
    private const double A4LongMm = 297;
    private const double A4ShortMm = 210;

    /// <summary>Cards per A4 sheet: A6 fits twice on landscape A4, A5 once on portrait.</summary>
    public static int PerSheet(CardSize size) => size == CardSize.A6 ? 2 : 1;

    /// <param name="cardsPdf">One card per page at sheet size (trim plus <see cref="CardSize.BleedMm"/> on every side).</param>
    public static void Impose(string cardsPdf, string sheetsPdf, CardSize size)
    {
        using var cards = XPdfForm.FromFile(cardsPdf);
        using var sheets = new PdfDocument();
        sheets.Info.Title = "Meterkastkaarten";
        var perSheet = PerSheet(size);
        var (sheetWidth, sheetHeight) = perSheet == 2 ? (A4LongMm, A4ShortMm) : (A4ShortMm, A4LongMm);
        // The cards in the middle of the sheet, touching: an office printer's margins stay free.
        var left = (sheetWidth - perSheet * size.TrimWidthMm) / 2;
        var top = (sheetHeight - size.TrimHeightMm) / 2;
        for (var first = 1; first <= cards.PageCount; first += perSheet)
        {
            var page = sheets.AddPage();
            page.Width = XUnit.FromMillimeter(sheetWidth);
            page.Height = XUnit.FromMillimeter(sheetHeight);
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsUnit.Millimeter);
            for (var i = 0; i < perSheet && first + i <= cards.PageCount; i++)
            {
                var trim = new XRect(left + i * size.TrimWidthMm, top, size.TrimWidthMm, size.TrimHeightMm);
                cards.PageNumber = first + i;
                var state = graphics.Save();
                graphics.IntersectClip(trim);
                graphics.DrawImage(cards, trim.X - CardSize.BleedMm, trim.Y - CardSize.BleedMm, size.SheetWidthMm, size.SheetHeightMm);
                graphics.Restore(state);
                var outline = trim;
                outline.Inflate(0.1, 0.1);
                graphics.DrawRectangle(new XPen(XColor.FromArgb(0x4a, 0x4a, 0x4a), 0.2) { DashPattern = [5, 5] }, outline);
            }

            if (perSheet == 2 && first < cards.PageCount)
            {
                // Dashes long enough to read as one line to cut along.
                var cut = left + size.TrimWidthMm;
                graphics.DrawLine(new XPen(XColors.Black, 0.3) { DashPattern = [8, 2] }, cut, top, cut, top + size.TrimHeightMm);
            }
        }

        sheets.Save(sheetsPdf);
    }
}
