using System.Text;
using Portal.Cards;

namespace Portal.Tests.Cards;

public class PrintFileTests
{
    [Fact]
    public void Page_boxes_are_added_as_an_incremental_update_that_leaves_the_original_bytes_alone()
    {
        var original = Encoding.Latin1.GetBytes(MinimalPdf());

        var corrected = PdfPageBoxes.Correct(original, 111, 154, 3);

        Assert.Equal(original, corrected[..original.Length]);
        var update = Encoding.Latin1.GetString(corrected[original.Length..]);
        Assert.Contains("/MediaBox [0 0 314.646 436.535]", update);
        Assert.Contains("/TrimBox [8.504 8.504 306.142 428.031]", update);
        Assert.Contains("/Prev 99", update);
        Assert.DoesNotContain("315.12", update);
    }

    [Fact]
    public void A_PNG_gets_its_resolution_recorded()
    {
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE];

        var result = PngFile.WithDpi(png, 300);

        Assert.Equal(png.Length + 21, result.Length);
        Assert.Equal("pHYs", Encoding.ASCII.GetString(result, 37, 4));
        // CRC over "pHYs" + data, as computed by zlib for 11811 px/m both ways, unit metre.
        Assert.Equal([0x00, 0x00, 0x2E, 0x23, 0x00, 0x00, 0x2E, 0x23, 0x01, 0x78, 0xA5, 0x3F, 0x76], result[41..54]);
    }

    [Fact]
    public void The_QR_code_is_inline_SVG()
    {
        var svg = QrCode.Svg("https://noodsteunpunt.example/s/BU02680202");

        Assert.StartsWith("<svg", svg);
        Assert.Contains("viewBox", svg);
    }

    [Fact]
    public void The_card_url_names_the_buurt_so_it_survives_a_reassignment() =>
        Assert.Equal("https://nijmegen.example/s/BU02680202", MeterkastCard.ShortUrl(new Uri("https://nijmegen.example/"), "BU02680202"));

    private static string MinimalPdf() =>
        "%PDF-1.4\n1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n3 0 obj\n<</Type /Page\n/Parent 2 0 R\n/MediaBox [0 0 315.12 437.04]>>\nendobj\n"
        + "trailer\n<</Size 4\n/Root 1 0 R>>\nstartxref\n99\n%%EOF\n";
}
