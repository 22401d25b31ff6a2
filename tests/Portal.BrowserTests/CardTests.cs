using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Web.Cli;

namespace Portal.BrowserTests;

/// <summary>One real print run (A6, Dutch) against the running portal, shared by the card tests.</summary>
public sealed class PrintRun : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"portal-print-{Guid.NewGuid():N}", "kaarten");

    public string Output { get; private set; } = "";

    public async Task RunAsync(string baseUrl)
    {
        if (Output.Length > 0)
        {
            return;
        }

        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await PortalCommandLine.RunAsync(["cards", "--out", Folder, "--public-url", baseUrl + "/"], output, error);
        Assert.True(exit == 0, error.ToString());
        Output = output.ToString();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        var parent = Path.GetDirectoryName(Folder)!;
        if (Directory.Exists(parent))
        {
            Directory.Delete(parent, recursive: true);
        }

        return Task.CompletedTask;
    }
}

[Collection(PortalServerCollection.Name)]
public class CardTests(PortalServer server, PrintRun fixture) : IClassFixture<PrintRun>
{
    private const double PointsPerMm = 72 / 25.4;

    [Theory]
    [InlineData("BU02680202", "Basisschool Petrus Canisius (Cortenaerpad)")]
    [InlineData("BU02680101", "Gemeentehuis Nijmegen")]
    [InlineData("BU02680970", "Brandweerkazerne Nijmegen-Noord")]
    [InlineData("BU02680733", "Daltonschool De Meiboom")]
    public async Task The_QR_code_on_a_printed_card_opens_that_buurts_support_point(string buurt, string supportPoint)
    {
        var run = await PrintRunAsync();

        var url = Run("zbarimg", "--quiet", "--raw", Path.Combine(run.Folder, "png", $"{buurt}.png")).Trim();

        Assert.Equal($"{server.BaseUrl}/s/{buurt}", url);
        var page = await server.Browser.NewPageAsync(new BrowserNewPageOptions { Locale = "nl-NL" });
        await page.GotoAsync(url);
        Assert.Matches(@"/steunpunt/[a-z0-9-]+$", page.Url);
        Assert.Equal(supportPoint, await page.Locator("h1").InnerTextAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_short_link_answers_in_the_language_of_the_phone()
    {
        var page = await server.Browser.NewPageAsync(new BrowserNewPageOptions { Locale = "ar-SA" });

        await page.GotoAsync($"{server.BaseUrl}/s/BU02680202");

        Assert.EndsWith("/ar/steunpunt/basisschool-petrus-canisius-bottendaal", page.Url);
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task Print_PDFs_have_exact_trim_and_bleed_boxes()
    {
        var run = await PrintRunAsync();

        foreach (var file in new[] { "meterkastkaarten-nl-a6.pdf", "pdf/BU02680202.pdf" })
        {
            var boxes = Boxes(Path.Combine(run.Folder, file));
            AssertBox(boxes["MediaBox"], 0, 0, 111, 154);
            AssertBox(boxes["BleedBox"], 0, 0, 111, 154);
            AssertBox(boxes["TrimBox"], 3, 3, 108, 151);
        }

        Assert.Contains("Pages:           44", Run("pdfinfo", Path.Combine(run.Folder, "meterkastkaarten-nl-a6.pdf")));
        Assert.Contains("Pages:           22", Run("pdfinfo", Path.Combine(run.Folder, "meterkastkaarten-nl-a6-a4-vellen.pdf")));
        // pdffonts columns end in: emb sub uni object ID. Every font must be embedded.
        var fonts = Run("pdffonts", Path.Combine(run.Folder, "pdf/BU02680202.pdf")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, line => Assert.Equal("yes", line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^5]));
    }

    [Fact]
    public async Task PNGs_are_300_dpi_at_true_size()
    {
        var run = await PrintRunAsync();
        var png = await File.ReadAllBytesAsync(Path.Combine(run.Folder, "png", "BU02680202.png"));

        var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        var phys = png.AsSpan().IndexOf("pHYs"u8);

        Assert.InRange(width, 1310, 1315); // 111 mm at 300 dpi
        Assert.True(phys > 0, "pHYs chunk present");
        Assert.Equal(11811, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(phys + 4)));
    }

    [Fact]
    public async Task The_manifest_gives_print_quantities_from_CBS_households()
    {
        var run = await PrintRunAsync();

        var lines = await File.ReadAllLinesAsync(Path.Combine(run.Folder, "manifest.csv"));

        // A row per buurt (44), a total per wijk (9) and a grand total, after the header.
        Assert.Equal(1 + 44 + 9 + 1, lines.Length);
        Assert.StartsWith("\uFEFFbuurtcode,buurtnaam,wijk,noodsteunpunt", lines[0]);
        var bottendaal = lines.Single(l => l.StartsWith("BU02680202,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("Bottendaal", bottendaal[1]);
        Assert.Contains("Basisschool Petrus Canisius", bottendaal[3]);
        Assert.All(lines.Where(l => l.EndsWith(",buurt", StringComparison.Ordinal)),
            l => Assert.True(File.Exists(Path.Combine(run.Folder, Regex.Match(l, @"pdf/BU\d{8}\.pdf").Value))));
        Assert.EndsWith(",totaal", lines[^1]);
        Assert.Matches(@"\d+ cards in [\d.]+ s", run.Output);
        // Not a terminal: the steps as plain lines, numbered, the last one the PNGs.
        Assert.Contains("[3/47] PDF BU02680101 ", run.Output);
        Assert.Contains("[46/47] PDF meterkastkaarten-nl-a6-a4-vellen.pdf (A4 sheets)", run.Output);
        Assert.Contains("[47/47] PNG at 300 dpi: 44 cards", run.Output);
    }

    [Fact]
    public async Task An_Arabic_card_is_right_to_left_and_every_text_fits()
    {
        var page = await server.Browser.NewPageAsync();
        await page.GotoAsync($"{server.BaseUrl}/ar/kaart/BU02680202");

        Assert.Equal("rtl", await page.Locator("article.mk-card").EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        var overflowing = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.mk-card [data-field]')]
              .filter(el => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1).map(el => el.dataset.field)
            """);
        Assert.Empty(overflowing);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Text_too_long_for_the_card_fails_the_run_naming_buurt_and_field_and_writes_nothing()
    {
        var run = await PrintRunAsync();
        var content = CopyContent();
        var card = File.ReadAllText(Path.Combine(content, "nl", "card.yml"));
        File.WriteAllText(Path.Combine(content, "nl", "card.yml"),
            card.Replace("Hulp nodig? Ga naar uw noodsteunpunt.", string.Concat(Enumerable.Repeat("Hulp nodig? Ga naar uw noodsteunpunt. ", 12)), StringComparison.Ordinal));
        var before = Directory.GetFiles(run.Folder, "*", SearchOption.AllDirectories).Select(File.GetLastWriteTimeUtc).Max();
        var error = new StringWriter();

        var exit = await PortalCommandLine.RunAsync(["cards", "--out", run.Folder, "--content", content, "--format", "pdf"], TextWriter.Null, error);

        Assert.Equal(1, exit);
        Assert.Matches(@"buurt BU\d{8}, field 'actions'", error.ToString());
        Assert.Equal(before, Directory.GetFiles(run.Folder, "*", SearchOption.AllDirectories).Select(File.GetLastWriteTimeUtc).Max());
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(run.Folder)!, "*.building-*"));
    }

    [Fact]
    public async Task A_resident_downloads_their_card_as_PDF_rendered_once()
    {
        using var http = new HttpClient();

        var first = await http.GetAsync($"{server.BaseUrl}/kaart/BU02680202.pdf");
        var timer = Stopwatch.StartNew();
        var second = await http.GetAsync($"{server.BaseUrl}/kaart/BU02680202.pdf");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/pdf", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        var png = await http.GetAsync($"{server.BaseUrl}/en/kaart/BU02680202.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
    }

    private async Task<PrintRun> PrintRunAsync()
    {
        await fixture.RunAsync(server.BaseUrl);
        return fixture;
    }

    private static Dictionary<string, double[]> Boxes(string pdf) =>
        Run("pdfinfo", "-box", pdf).Split('\n')
            .Select(l => Regex.Match(l, @"^(\w+Box):\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)"))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => new[] { 2, 3, 4, 5 }.Select(i => double.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture)).ToArray());

    private static void AssertBox(double[] box, double x0, double y0, double x1, double y1)
    {
        double[] expected = [x0, y0, x1, y1];
        for (var i = 0; i < 4; i++)
        {
            Assert.InRange(box[i] / PointsPerMm, expected[i] - 0.05, expected[i] + 0.05);
        }
    }

    private static string CopyContent()
    {
        var target = Path.Combine(Path.GetTempPath(), $"portal-content-{Guid.NewGuid():N}");
        var source = Path.Combine(AppContext.BaseDirectory, "content");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }

    private static string Run(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} exited {process.ExitCode}: {process.StandardError.ReadToEnd()}");
        return output;
    }
}
