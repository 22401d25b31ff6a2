using QRCoder;

namespace Portal.Cards;

/// <summary>QR codes as inline SVG: sharp at any print size, a few kilobytes, no image file to manage.</summary>
public static class QrCode
{
    // The same buurt's code appears on its card in every language: make it once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Made = new(StringComparer.Ordinal);

    /// <summary>Error correction Q (25 %): a card in a damp fuse box may get stained or creased and still scan.</summary>
    public static string Svg(string url) => Made.GetOrAdd(url, Make);

    private static string Make(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.Q);
        var svg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(256, 256), "#000000", "#ffffff", drawQuietZones: true,
            sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
        // Drop the XML declaration: the SVG is embedded in HTML.
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return svg[start..];
    }
}
