using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application.CardPrinting;
using Portal.Cards;
using Portal.Web.Cli;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics.Colors;
using UglyToad.PdfPig.Tokens;

namespace Portal.Tests.CardPrinting;

/// <summary>
/// Print runs made once for these tests with Debian's Chromium, Ghostscript, qpdf and poppler: three Dutch buurten for
/// the print shop (PDF/X-3, then X-1a) and the office, one Arabic buurt both ways.
/// </summary>
public sealed class PrintRuns : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"portal-print-runs-{Guid.NewGuid():N}");

    public string Shop => Path.Combine(Root, "shop");

    public string ShopX1a => Path.Combine(Root, "shop-x1a");

    public string Office => Path.Combine(Root, "office");

    /// <summary>A print-shop run for another CMYK profile (Ghostscript's PostScript-style one stands in for a shop's).</summary>
    public string OtherProfile => Path.Combine(Root, "shop-other-profile");

    public const string OtherProfileFile = "/usr/share/color/icc/ghostscript/ps_cmyk.icc";

    public string ArabicShop => Path.Combine(Root, "shop-ar");

    public string ArabicOffice => Path.Combine(Root, "office-ar");

    public IReadOnlyList<MeterkastCard> Cards { get; private set; } = [];

    public MeterkastCard ArabicCard { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await using var services = TestPortal.Services(TestContent.RepositoryContent);
        var data = TestPortal.Load(TestContent.RepositoryContent);
        var documents = services.GetRequiredService<CardDocuments>();
        var batch = new CardBatch(services.GetRequiredService<CardPrinter>(), documents, LineProgress.None);
        // The town hall's buurt, a buurt whose point is a school, and one with a backup point: the longest texts.
        Cards = [.. documents.All(data, data.Cultures.Default, CardSize.A6).Where(c => c.Assignment.Secondary is not null).Take(2)
            .Concat(documents.All(data, data.Cultures.Default, CardSize.A6).Take(3)).DistinctBy(c => c.Buurt.Code).Take(3)];
        ArabicCard = documents.Card(data, Cards[0].Buurt, data.Cultures.Find("ar")!, CardSize.A6);
        await batch.RunAsync(Cards, Shop, "test", new PrintRunOptions(PrintProfile.PrintShop));
        await batch.RunAsync(Cards, ShopX1a, "test", new PrintRunOptions(PrintProfile.PrintShop, PdfX: PdfXSettings.Default with { Flavour = PdfXFlavour.X1a }));
        await batch.RunAsync(Cards, Office, "test", PrintRunOptions.Office);
        await batch.RunAsync([Cards[0]], OtherProfile, "test", new PrintRunOptions(PrintProfile.PrintShop,
            PdfX: PdfXSettings.Default with { OutputProfile = OtherProfileFile, OutputConditionIdentifier = "Custom", OutputCondition = "PostScript CMYK" }));
        await batch.RunAsync([ArabicCard], ArabicShop, "test", new PrintRunOptions(PrintProfile.PrintShop, CropMarks: true));
        await batch.RunAsync([ArabicCard], ArabicOffice, "test", new PrintRunOptions(PrintProfile.Office, Png: false));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>The files a print shop gets, checked by reading them as its preflight would.</summary>
[Trait("Category", "Chromium")]
public sealed class PrintShopFileTests(PrintRuns runs) : IClassFixture<PrintRuns>
{
    private const double PointsPerMm = 72 / 25.4;

    private IEnumerable<string> ShopFiles(string folder) =>
        [Path.Combine(folder, "meterkastkaarten-nl-a6.pdf"), .. runs.Cards.Select(c => Path.Combine(folder, "pdf", $"{c.Buurt.Code}.pdf"))];

    [Fact]
    public void Print_shop_files_say_they_are_PDF_X_3_with_the_CMYK_output_intent_embedded()
    {
        foreach (var file in ShopFiles(runs.Shop).Append(Path.Combine(runs.ArabicShop, "meterkastkaarten-ar-a6.pdf")))
        {
            using var pdf = PdfDocument.Open(file);
            var info = pdf.Information.DocumentInformationDictionary!;
            Assert.Equal("PDF/X-3:2002", Text(info, "GTS_PDFXVersion"));
            Assert.Equal("False", ((NameToken)info.Data["Trapped"]).Data);

            var intent = OutputIntent(pdf);
            Assert.Equal("GTS_PDFX", ((NameToken)intent.Data["S"]).Data);
            Assert.Equal("Custom", Text(intent, "OutputConditionIdentifier"));
            var profile = (StreamToken)Resolve(pdf, intent.Data["DestOutputProfile"]);
            Assert.Equal(4, ((NumericToken)profile.StreamDictionary.Data["N"]).Int);
            var bytes = Content(profile);
            Assert.Equal("CMYK", Encoding.ASCII.GetString(bytes, 16, 4));
            Assert.Equal("prtr", Encoding.ASCII.GetString(bytes, 12, 4));
        }
    }

    [Fact]
    public void A_shops_own_profile_is_what_the_colours_are_converted_to_and_what_the_output_intent_embeds()
    {
        using var standard = PdfDocument.Open(Path.Combine(runs.Shop, "pdf", $"{runs.Cards[0].Buurt.Code}.pdf"));
        using var other = PdfDocument.Open(Path.Combine(runs.OtherProfile, "pdf", $"{runs.Cards[0].Buurt.Code}.pdf"));

        var intent = OutputIntent(other);
        Assert.Equal("PostScript CMYK", Text(intent, "OutputCondition"));
        Assert.Equal(File.ReadAllBytes(PrintRuns.OtherProfileFile), Content((StreamToken)Resolve(other, intent.Data["DestOutputProfile"])));

        // The same RGB band colour comes out as other ink amounts: the conversion followed the profile.
        static string Band(Page page) => page.Paths.Where(p => p.IsFilled && p.FillColor is { ColorSpace: ColorSpace.DeviceCMYK })
            .MaxBy(p => p.GetBoundingRectangle()!.Value.Area)!.FillColor!.ToString()!;
        Assert.NotEqual(Band(standard.GetPage(1)), Band(other.GetPage(1)));
    }

    [Fact]
    public void The_X_1a_flavour_is_PDF_1_3_in_device_CMYK_only()
    {
        foreach (var file in ShopFiles(runs.ShopX1a))
        {
            using var pdf = PdfDocument.Open(file);
            var info = pdf.Information.DocumentInformationDictionary!;
            Assert.Equal("PDF/X-1:2001", Text(info, "GTS_PDFXVersion"));
            Assert.Equal("PDF/X-1a:2001", Text(info, "GTS_PDFXConformance"));
            Assert.Equal(1.3, pdf.Version, 2);
            var page = pdf.GetPage(1);
            Assert.All(Colours(page), c => Assert.Contains(c.ColorSpace, new[] { ColorSpace.DeviceCMYK, ColorSpace.DeviceGray }));
            Assert.DoesNotContain("ICCBased", Raw(file));
        }
    }

    [Fact]
    public void Boxes_are_the_card_trim_with_3_mm_bleed_exactly()
    {
        foreach (var file in ShopFiles(runs.Shop).Concat(ShopFiles(runs.Office)))
        {
            using var pdf = PdfDocument.Open(file);
            foreach (var page in pdf.GetPages())
            {
                var trim = Box(page, "TrimBox");
                var bleed = Box(page, "BleedBox");
                var media = Box(page, "MediaBox");
                Assert.Equal(105, trim.Width / PointsPerMm, 1);
                Assert.Equal(148, trim.Height / PointsPerMm, 1);
                Assert.Equal(3, (trim.Left - bleed.Left) / PointsPerMm, 1);
                Assert.Equal(3, (trim.Bottom - bleed.Bottom) / PointsPerMm, 1);
                Assert.Equal(3, (bleed.Right - trim.Right) / PointsPerMm, 1);
                Assert.Equal(3, (bleed.Top - trim.Top) / PointsPerMm, 1);
                Assert.True(media.Left <= bleed.Left && media.Bottom <= bleed.Bottom && media.Right >= bleed.Right - 0.01 && media.Top >= bleed.Top - 0.01,
                    $"{file}: the bleed box {bleed} lies outside the media box {media}");
            }
        }
    }

    [Fact]
    public void Every_font_is_embedded()
    {
        foreach (var file in ShopFiles(runs.Shop).Append(Path.Combine(runs.ArabicShop, "meterkastkaarten-ar-a6.pdf")))
        {
            var fonts = Run("pdffonts", file).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
            Assert.NotEmpty(fonts);
            // Columns: name, type, encoding, emb, sub, uni, object id.
            Assert.All(fonts, line => Assert.Matches(@"\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", line));
        }
    }

    [Fact]
    public void No_RGB_colour_is_left_in_the_print_shop_files()
    {
        foreach (var file in ShopFiles(runs.Shop).Append(Path.Combine(runs.ArabicShop, "meterkastkaarten-ar-a6.pdf")))
        {
            using var pdf = PdfDocument.Open(file);
            foreach (var page in pdf.GetPages())
            {
                Assert.DoesNotContain(page.Operations, o => o.Operator is "rg" or "RG");
                Assert.All(Colours(page), c => Assert.Contains(c.ColorSpace, new[] { ColorSpace.DeviceCMYK, ColorSpace.DeviceGray }));
                Assert.DoesNotContain(page.GetImages(), i => i.ColorSpaceDetails?.Type is ColorSpace.DeviceRGB or ColorSpace.CalRGB);
            }

            var raw = Raw(file);
            Assert.DoesNotContain("/DeviceRGB", raw);
            Assert.DoesNotContain("/CalRGB", raw);
        }

        // The office files are the RGB ones: the check can tell them apart.
        using var office = PdfDocument.Open(Path.Combine(runs.Office, "meterkastkaarten-nl-a6.pdf"));
        Assert.Contains(office.GetPage(1).Operations, o => o.Operator is "rg");
    }

    [Fact]
    public void The_QR_code_is_at_least_2_cm_with_a_clear_four_module_quiet_zone_and_scans_from_that_alone()
    {
        foreach (var (file, card) in runs.Cards.Select(c => (Path.Combine(runs.Shop, "pdf", $"{c.Buurt.Code}.pdf"), c))
                     .Append((Path.Combine(runs.ArabicShop, "meterkastkaarten-ar-a6.pdf"), runs.ArabicCard))
                     .Append((Path.Combine(runs.Office, "pdf", $"{runs.Cards[0].Buurt.Code}.pdf"), runs.Cards[0])))
        {
            using var pdf = PdfDocument.Open(file);
            var page = pdf.GetPage(1);
            // The QR code is the filled shape of most parts: its modules.
            var qr = page.Paths.Where(p => p.IsFilled).MaxBy(p => p.Count)!;
            var symbol = qr.GetBoundingRectangle()!.Value;
            var module = qr.Select(s => s.GetBoundingRectangle()!.Value).Min(r => Math.Min(r.Width, r.Height));
            Assert.True(symbol.Width / PointsPerMm >= 20 && symbol.Height / PointsPerMm >= 20,
                $"{file}: the QR code is {symbol.Width / PointsPerMm:0.0} × {symbol.Height / PointsPerMm:0.0} mm");
            var modules = symbol.Width / module;
            Assert.True(modules >= 21 && Math.Abs(modules - Math.Round(modules)) < 0.05, $"{file}: {modules:0.00} modules across");

            // Render only the symbol and four modules around it, at 300 dpi: the ring must be blank and the code must scan.
            var quiet = 4 * module;
            var (x, y, w, h) = Pixels(page, symbol.Left - quiet, symbol.Top + quiet, symbol.Width + 2 * quiet, symbol.Height + 2 * quiet);
            var crop = Path.Combine(runs.Root, $"qr-{Guid.NewGuid():N}");
            Run("pdftoppm", "-r", "300", "-gray", "-x", $"{x}", "-y", $"{y}", "-W", $"{w}", "-H", $"{h}", "-singlefile", file, crop);
            var (width, height, pixels) = ReadPgm(crop + ".pgm");
            var ring = (int)Math.Floor(quiet / 72 * 300) - 2;
            var dark = 0;
            for (var row = 0; row < height; row++)
            {
                for (var column = 0; column < width; column++)
                {
                    var inRing = row < ring || row >= height - ring || column < ring || column >= width - ring;
                    if (inRing && pixels[row * width + column] < 200)
                    {
                        dark++;
                    }
                }
            }

            Assert.True(dark == 0, $"{file}: {dark} dark pixels in the quiet zone around the QR code");
            Assert.Equal($"QR-Code:{card.QrUrl}", Run("zbarimg", "-q", crop + ".pgm").Trim());
        }
    }

    [Fact]
    public void No_text_is_smaller_than_6_pt_and_all_of_it_stays_5_mm_inside_the_trim()
    {
        foreach (var file in ShopFiles(runs.Shop).Concat(ShopFiles(runs.Office))
                     .Append(Path.Combine(runs.ArabicShop, "meterkastkaarten-ar-a6.pdf")).Append(Path.Combine(runs.ArabicOffice, "meterkastkaarten-ar-a6.pdf")))
        {
            using var pdf = PdfDocument.Open(file);
            foreach (var page in pdf.GetPages())
            {
                var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
                Assert.NotEmpty(letters);
                var smallest = letters.MinBy(l => l.PointSize)!;
                Assert.True(smallest.PointSize >= 5.995, $"{file}: '{smallest.Value}' is set in {smallest.PointSize:0.00} pt");

                var trim = Box(page, "TrimBox");
                var safe = 5 * PointsPerMm - 0.5; // half a point for glyph boxes that reach past the ink
                var outside = letters.Where(l => l.BoundingBox.Left < trim.Left + safe || l.BoundingBox.Right > trim.Right - safe
                    || l.BoundingBox.Bottom < trim.Bottom + safe || l.BoundingBox.Top > trim.Top - safe).ToList();
                Assert.True(outside.Count == 0, $"{file}: text within 5 mm of the trim: '{string.Concat(outside.Take(20).Select(l => l.Value))}'");
            }
        }
    }

    [Fact]
    public void Crop_marks_are_there_only_when_wanted()
    {
        Assert.Equal(0, CropMarks(Path.Combine(runs.Shop, "pdf", $"{runs.Cards[0].Buurt.Code}.pdf")));
        Assert.Equal(8, CropMarks(Path.Combine(runs.ArabicShop, "meterkastkaarten-ar-a6.pdf")));
        Assert.Equal(8, CropMarks(Path.Combine(runs.Office, "pdf", $"{runs.Cards[0].Buurt.Code}.pdf")));
    }

    [Fact]
    public void An_A4_sheet_shows_a_cut_line_where_its_two_cards_meet()
    {
        // Landscape A4 at 100 dpi: two A6 cards of 105 × 148 mm side by side in the middle, meeting at 148.5 mm.
        var (width, height, pixels) = Render(Path.Combine(runs.Office, "meterkastkaarten-nl-a6-a4-vellen.pdf"));
        Assert.True(width > height, "the sheet is landscape A4");
        double Px(double mm) => mm / 25.4 * 100;
        // From below the cards' coloured band to just above their bottom edge, in a strip of a given centre.
        int DarkRows(double centreMm) => Enumerable.Range((int)Px(31 + 26), (int)Px(148 - 30))
            .Count(row => Enumerable.Range((int)Px(centreMm - 0.6), (int)Math.Ceiling(Px(1.2))).Any(column => pixels[row * width + column] < 128));
        var rows = (int)Px(148 - 30);

        var cut = DarkRows(297 / 2.0);
        // Dashes, so most rows (not all) are dark: the line runs the cards' whole height.
        Assert.True(cut > rows * 3 / 4, $"no cut line between the cards: {cut} of {rows} rows dark where they meet");
        // Within the 5 mm kept free inside each card's edge there is nothing else: the line stands alone.
        Assert.True(DarkRows(297 / 2.0 - 3) < rows / 20 && DarkRows(297 / 2.0 + 3) < rows / 20, "the strip beside the cut line is not empty");
    }

    [Fact]
    public void Arabic_stays_shaped_and_right_to_left_after_the_conversion_to_CMYK()
    {
        var rgb = Path.Combine(runs.ArabicOffice, "meterkastkaarten-ar-a6.pdf");
        var cmyk = Path.Combine(runs.ArabicShop, "meterkastkaarten-ar-a6.pdf");
        Assert.Contains("نقطة الدعم", Run("pdftotext", rgb, "-"));

        // The pages look the same: rendered in grey, almost no pixel turns from light to dark or back. Ghostscript keeps
        // Chromium's shaped glyphs and their positions (its text layer maps some joined forms differently, which a
        // print shop does not read).
        var (width, height, before) = Render(rgb);
        var (width2, height2, after) = Render(cmyk);
        Assert.Equal((width, height), (width2, height2));
        var changed = Changed(before, after);
        Assert.True(changed < before.Length / 200, $"{changed} of {before.Length} pixels changed between light and dark after the conversion");

        // The measure notices a card whose text was set differently: the same buurt's Dutch card is far from it.
        var dutch = Render(Path.Combine(runs.Office, "pdf", $"{runs.ArabicCard.Buurt.Code}.pdf")).Pixels;
        Assert.True(Changed(before, dutch) > before.Length / 50);
    }

    private static int Changed(byte[] a, byte[] b) => a.Zip(b).Count(p => p.First < 128 != p.Second < 128);

    [Fact]
    public async Task The_command_refuses_what_a_print_shop_run_cannot_make_and_says_why()
    {
        var error = new StringWriter();
        var exit = await PortalCommandLine.RunAsync(["cards", "--out", Path.Combine(runs.Root, "x"), "--profile", "print-shop", "--format", "png",
            "--content", TestContent.RepositoryContent], TextWriter.Null, error);
        Assert.Equal(2, exit);
        Assert.Contains("print-shop profile writes PDF/X only", error.ToString());

        error = new StringWriter();
        exit = await PortalCommandLine.RunAsync(["cards", "--out", Path.Combine(runs.Root, "x"), "--profile", "print-shop",
            "--Portal:PrintOutputProfile=/usr/share/color/icc/ghostscript/srgb.icc", "--content", TestContent.RepositoryContent], TextWriter.Null, error);
        Assert.NotEqual(0, exit);
        Assert.Contains("is for RGB, not CMYK", error.ToString());
        Assert.False(Directory.Exists(Path.Combine(runs.Root, "x")));

        // A CMYK header with no tables behind it, and a profile cut off in the copy: refused before anything is printed.
        var good = File.ReadAllBytes(PdfXSettings.DefaultProfile);
        var empty = good[..132];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(empty, 132);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(empty.AsSpan(128), 0);
        foreach (var (name, bytes, reason) in new[] { ("empty.icc", empty, "lacks the tag(s) desc, wtpt, A2B0, B2A0"), ("cut.icc", good[..(good.Length / 2)], "it is cut off or damaged") })
        {
            var profile = Path.Combine(runs.Root, name);
            File.WriteAllBytes(profile, bytes);
            error = new StringWriter();
            exit = await PortalCommandLine.RunAsync(["cards", "--out", Path.Combine(runs.Root, "x"), "--profile", "print-shop",
                $"--Portal:PrintOutputProfile={profile}", "--content", TestContent.RepositoryContent], TextWriter.Null, error);
            Assert.NotEqual(0, exit);
            Assert.Contains(reason, error.ToString());
            Assert.False(Directory.Exists(Path.Combine(runs.Root, "x")));
        }
    }

    private int CropMarks(string file)
    {
        using var pdf = PdfDocument.Open(file);
        var page = pdf.GetPage(1);
        var trim = Box(page, "TrimBox");
        // Marks are thin dark bars in the bleed, outside the trim.
        return page.Paths.Where(p => p.IsFilled && p.FillColor is { } c && Dark(c))
            .Select(p => p.GetBoundingRectangle()!.Value)
            .Count(r => r.Right <= trim.Left + 1 || r.Left >= trim.Right - 1 || r.Top <= trim.Bottom + 1 || r.Bottom >= trim.Top - 1);
    }

    private static bool Dark(IColor colour)
    {
        var (r, g, b) = colour.ToRGBValues();
        return r + g + b < 0.6;
    }

    private static IEnumerable<IColor> Colours(Page page) =>
        page.Letters.Select(l => l.Color)
            .Concat(page.Paths.SelectMany(p => new[] { p.IsFilled ? p.FillColor : null, p.IsStroked ? p.StrokeColor : null }))
            .OfType<IColor>();

    private static PdfRectangle Box(Page page, string name)
    {
        var values = ((ArrayToken)page.Dictionary.Data[name]).Data.Cast<NumericToken>().Select(n => n.Double).ToArray();
        return new PdfRectangle(values[0], values[1], values[2], values[3]);
    }

    private static DictionaryToken OutputIntent(PdfDocument pdf)
    {
        var intents = (ArrayToken)Resolve(pdf, pdf.Structure.Catalog.CatalogDictionary.Data["OutputIntents"]);
        return (DictionaryToken)Resolve(pdf, Assert.Single(intents.Data));
    }

    private static IToken Resolve(PdfDocument pdf, IToken token) =>
        token is IndirectReferenceToken reference ? pdf.Structure.GetObject(reference.Data).Data : token;

    private static string Text(DictionaryToken dictionary, string key) => ((StringToken)dictionary.Data[key]).Data;

    /// <summary>A rectangle in PDF points (origin bottom left) as a pdftoppm crop at 300 dpi (origin top left).</summary>
    private static (int X, int Y, int W, int H) Pixels(Page page, double left, double top, double width, double height)
    {
        const double scale = 300 / 72.0;
        return ((int)Math.Round(left * scale), (int)Math.Round((page.Height - top) * scale), (int)Math.Round(width * scale), (int)Math.Round(height * scale));
    }

    private (int Width, int Height, byte[] Pixels) Render(string pdf)
    {
        var stem = Path.Combine(runs.Root, $"page-{Guid.NewGuid():N}");
        Run("pdftoppm", "-r", "100", "-gray", "-singlefile", pdf, stem);
        return ReadPgm(stem + ".pgm");
    }

    /// <summary>A binary PGM as pdftoppm writes it: "P5", width, height, 255, then a byte per pixel.</summary>
    private static (int Width, int Height, byte[] Pixels) ReadPgm(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var fields = new List<string>();
        var at = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)bytes[at]))
            {
                at++;
            }

            var start = at;
            while (!char.IsWhiteSpace((char)bytes[at]))
            {
                at++;
            }

            fields.Add(Encoding.ASCII.GetString(bytes, start, at - start));
        }

        Assert.Equal("P5", fields[0]);
        var (width, height) = (int.Parse(fields[1]), int.Parse(fields[2]));
        return (width, height, bytes[(at + 1)..]);
    }

    /// <summary>A stream's bytes, inflated when Ghostscript deflated them.</summary>
    private static byte[] Content(StreamToken stream) =>
        stream.StreamDictionary.Data.TryGetValue("Filter", out var filter) && filter is NameToken { Data: "FlateDecode" }
            ? Inflate(stream.Data.ToArray())
            : stream.Data.ToArray();

    private static byte[] Inflate(byte[] deflated)
    {
        using var zlib = new System.IO.Compression.ZLibStream(new MemoryStream(deflated), System.IO.Compression.CompressionMode.Decompress);
        var inflated = new MemoryStream();
        zlib.CopyTo(inflated);
        return inflated.ToArray();
    }

    private static string Raw(string file) => Encoding.Latin1.GetString(Decompressed(file));

    /// <summary>The file with its streams uncompressed (qpdf --qdf), so colour space names can be searched for.</summary>
    private static byte[] Decompressed(string file)
    {
        var plain = Path.Combine(Path.GetTempPath(), $"qdf-{Guid.NewGuid():N}.pdf");
        try
        {
            Run("qpdf", "--qdf", "--object-streams=disable", file, plain);
            return File.ReadAllBytes(plain);
        }
        finally
        {
            File.Delete(plain);
        }
    }

    private static string Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output.Result;
    }
}
