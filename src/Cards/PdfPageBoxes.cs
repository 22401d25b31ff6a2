using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Cards;

/// <summary>
/// Chromium rounds a PDF page up by about 0.17 mm and writes no TrimBox or BleedBox. A print shop needs the real boxes,
/// so this appends an incremental update (the standard way to amend a PDF without touching its bytes) that gives every
/// page MediaBox = BleedBox = trim + bleed and TrimBox = the card itself.
/// </summary>
public static partial class PdfPageBoxes
{
    /// <summary>Boxes for a sheet of this card size with the standard bleed.</summary>
    public static byte[] Correct(byte[] pdf, CardSize size) => Correct(pdf, size.SheetWidthMm, size.SheetHeightMm, CardSize.BleedMm);

    public static byte[] Correct(byte[] pdf, double sheetWidthMm, double sheetHeightMm, double bleedMm)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var pages = PageObject().Matches(text);
        if (pages.Count == 0)
        {
            throw new InvalidOperationException("no page objects found in the PDF");
        }

        var trailer = TrailerPattern().Matches(text)[^1];
        var startXref = StartXrefPattern().Matches(text)[^1].Groups[1].Value;
        string Box(double x0, double y0, double x1, double y1) =>
            string.Create(CultureInfo.InvariantCulture, $"[{x0:0.###} {y0:0.###} {x1:0.###} {y1:0.###}]");
        var (w, h, b) = (sheetWidthMm * CardSize.PointsPerMm, sheetHeightMm * CardSize.PointsPerMm, bleedMm * CardSize.PointsPerMm);
        var media = Box(0, 0, w, h);
        var trim = Box(b, b, w - b, h - b);

        var update = new StringBuilder("\n");
        var offsets = new List<(int Number, long Offset)>();
        foreach (Match page in pages)
        {
            var number = int.Parse(page.Groups[1].Value, CultureInfo.InvariantCulture);
            var dictionary = BoxEntry().Replace(page.Groups[2].Value, "");
            offsets.Add((number, pdf.Length + Encoding.Latin1.GetByteCount(update.ToString())));
            update.Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n<<{dictionary}\n/MediaBox {media}\n/CropBox {media}\n/BleedBox {media}\n/TrimBox {trim}>>\nendobj\n");
        }

        var xrefOffset = pdf.Length + Encoding.Latin1.GetByteCount(update.ToString());
        update.Append("xref\n");
        foreach (var (number, offset) in offsets.OrderBy(o => o.Number))
        {
            update.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} 00000 n \n");
        }

        update.Append(CultureInfo.InvariantCulture, $"trailer\n<<{trailer.Groups[1].Value}\n/Prev {startXref}>>\nstartxref\n{xrefOffset}\n%%EOF\n");
        return [.. pdf, .. Encoding.Latin1.GetBytes(update.ToString())];
    }

    [GeneratedRegex(@"(?m)^(\d+) 0 obj\s*<<(/Type /Page\b(?:(?!endobj).)*?)>>\s*endobj", RegexOptions.Singleline)]
    private static partial Regex PageObject();

    [GeneratedRegex(@"/(?:MediaBox|CropBox|BleedBox|TrimBox|ArtBox)\s*\[[^\]]*\]")]
    private static partial Regex BoxEntry();

    [GeneratedRegex(@"trailer\s*<<((?:(?!>>\s*startxref).)*)>>\s*startxref", RegexOptions.Singleline)]
    private static partial Regex TrailerPattern();

    [GeneratedRegex(@"startxref\s*(\d+)")]
    private static partial Regex StartXrefPattern();
}
