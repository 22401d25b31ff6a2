namespace Portal.Cards;

/// <summary>
/// Who a print run is for. <b>office</b>: RGB files for the municipality's own printers and screens — a PDF per buurt and
/// all in one (with bleed and crop marks), A4 sheets with cut lines, 300 dpi PNGs. <b>print-shop</b>: PDF/X in CMYK with
/// the shop's output intent, a PDF per buurt and all in one, crop marks only when the shop wants them.
/// </summary>
public sealed record PrintProfile(string Name, bool PdfX, bool Sheets, bool Pngs, bool CropMarks)
{
    public static PrintProfile Office { get; } = new("office", PdfX: false, Sheets: true, Pngs: true, CropMarks: true);

    // Many shops add their own marks when they impose the cards on a press sheet, and marks of ours would be in the way.
    public static PrintProfile PrintShop { get; } = new("print-shop", PdfX: true, Sheets: false, Pngs: false, CropMarks: false);

    public static IReadOnlyList<PrintProfile> All { get; } = [Office, PrintShop];

    public static PrintProfile? Find(string? name) => All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
