using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application.CardPrinting;
using Portal.Application.ContentPipeline;
using Portal.Application.StaticSite;
using Portal.Cards;
using Portal.Tests.Umbraco;

namespace Portal.Tests.CardPrinting;

/// <summary>The one card printer, with Debian's Chromium: its browser's lifetime and its guarantees on every path.</summary>
[Trait("Category", "Chromium")]
public sealed class CardPrinterTests : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), $"portal-printer-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_browser_that_died_is_replaced_and_the_next_card_prints()
    {
        await using var services = TestPortal.Services(TestContent.RepositoryContent,
            new Dictionary<string, string?> { ["Portal:CardCachePath"] = Path.Combine(_scratch, "card-cache") });
        var (printer, cache, data) = (services.GetRequiredService<CardPrinter>(), services.GetRequiredService<CardFileCache>(), TestPortal.Load(TestContent.RepositoryContent));
        var first = await cache.GetAsync(data, data.Places.Buurten[0], data.Cultures.Default, "pdf");
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(first, 0, 4));

        var killed = KillOurChromium();

        Assert.True(killed > 0, $"no Chromium of this process ({Environment.ProcessId}) found to kill: " + string.Join("; ",
            Process.GetProcesses().Where(p => p.ProcessName.Contains("chrom", StringComparison.OrdinalIgnoreCase)).Select(p => $"{p.Id} {p.ProcessName}")));
        var html = await services.GetRequiredService<CardDocuments>().PrintHtmlAsync(
            [services.GetRequiredService<CardDocuments>().Card(data, data.Places.Buurten[1], data.Cultures.Default, CardSize.A6)]);
        var second = await printer.PdfAsync(html, CardSize.A6);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(second, 0, 4));
    }

    [Fact]
    public async Task Each_buurts_print_file_is_its_own_page_of_the_combined_print_with_the_print_boxes()
    {
        await using var services = TestPortal.Services(TestContent.RepositoryContent);
        var data = TestPortal.Load(TestContent.RepositoryContent);
        var documents = services.GetRequiredService<CardDocuments>();
        var cards = documents.All(data, data.Cultures.Default, CardSize.A6).Take(3).ToList();
        var folder = Path.Combine(_scratch, "run");

        await new CardBatch(services.GetRequiredService<CardPrinter>(), documents, LineProgress.None).RunAsync(cards, folder, "test", PrintRunOptions.Office with { Png = false });

        foreach (var card in cards)
        {
            var file = Path.Combine(folder, "pdf", $"{card.Buurt.Code}.pdf");
            Assert.Contains($"{card.Buurt.Name} ", System.Text.RegularExpressions.Regex.Replace(Run("pdftotext", file, "-"), @"\s+", " "));
            var boxes = Run("pdfinfo", "-box", file);
            Assert.Contains("Pages:           1", boxes);
            Assert.Matches(@"TrimBox:\s+8\.50\s+8\.50\s+306\.14\s+428\.03", boxes);
        }

        Assert.False(Directory.Exists(Path.Combine(folder, "split")));
    }

    private static string Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    [Fact]
    public async Task Text_that_does_not_fit_is_refused_on_the_web_and_in_the_static_export()
    {
        using var content = new TestContent();
        content.Replace("nl/card.yml", "Hulp nodig? Ga naar uw noodsteunpunt.", string.Concat(Enumerable.Repeat("Hulp nodig? Ga naar uw noodsteunpunt. ", 12)));
        await using var services = TestPortal.Services(content.Root, new Dictionary<string, string?>
        {
            ["Portal:PrintCachePath"] = Path.Combine(_scratch, "prints"), ["Portal:CardCachePath"] = Path.Combine(_scratch, "card-cache"),
        });
        var data = TestPortal.Load(content.Root);

        var web = await Assert.ThrowsAsync<CardOverflowException>(() =>
            services.GetRequiredService<CardFileCache>().GetAsync(data, data.Places.Buurten[0], data.Cultures.Default, "png"));
        Assert.Contains("field 'actions'", web.Message);

        var site = Path.Combine(_scratch, "site");
        var export = await Assert.ThrowsAsync<CardOverflowException>(() =>
            services.GetRequiredService<StaticSitePublisher>().ExportAsync(data, site, null, withPdf: true, TextWriter.Null));
        Assert.Contains("field 'actions'", export.Message);
        Assert.False(Directory.Exists(site));
    }

    [Fact]
    public async Task A_publish_from_Umbraco_rebuilds_the_print_run_and_the_static_site()
    {
        var cards = Path.Combine(_scratch, "cards");
        var site = Path.Combine(_scratch, "site");
        var umbraco = new FakeUmbraco();
        umbraco.Publish("nl", "5a1e0c43-7c2d-4b8e-9f00-000000000005", "linkUrl", "/noodplan");
        using var factory = new UmbracoPortalFactory(umbraco, Path.Combine(_scratch, "snapshot.json"), new Dictionary<string, string>
        {
            ["Portal:CardOutputPath"] = cards, ["Portal:StaticOutputPath"] = site,
            ["Portal:PrintCachePath"] = Path.Combine(_scratch, "prints"), ["Portal:CardCachePath"] = Path.Combine(_scratch, "card-cache"),
        });
        var client = factory.CreateClient();

        for (var attempt = 0; attempt < 360 && !(File.Exists(Path.Combine(site, "index.html")) && File.Exists(Path.Combine(cards, "manifest.csv"))); attempt++)
        {
            await Task.Delay(500);
        }

        var health = await client.GetStringAsync("/health");
        Assert.True(File.Exists(Path.Combine(cards, "manifest.csv")), $"the print run was not rebuilt: {health}");
        Assert.True(File.Exists(Path.Combine(site, "index.html")), $"the static site was not exported: {health}");
        Assert.Equal(44, File.ReadAllLines(Path.Combine(cards, "manifest.csv")).Count(l => l.EndsWith(",buurt", StringComparison.Ordinal)));
        Assert.True(File.Exists(Path.Combine(site, "kaarten", "meterkastkaarten-nl-a6.pdf")), "the static site has no card PDF");
        // The static site shows what Umbraco publishes: its support point and its alert.
        Assert.Contains("brandweer-groenewoud", File.ReadAllText(Path.Combine(site, "steunpunten.html")));
        Assert.Contains("de stroom is uitgevallen", File.ReadAllText(Path.Combine(site, "index.html")));
        Assert.Contains("\"status\":\"ok\"", health);
    }

    /// <summary>Kills the Chromium browsers this test process started (through Playwright's driver), as a crash would.</summary>
    private static int KillOurChromium()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(n => int.TryParse(n, out _)))
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{dir}/stat");
                parents[int.Parse(dir!)] = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        bool Ours(int pid)
        {
            for (var current = pid; parents.TryGetValue(current, out var parent) && parent > 1; current = parent)
            {
                if (parent == Environment.ProcessId)
                {
                    return true;
                }
            }

            return false;
        }

        var killed = 0;
        foreach (var pid in parents.Keys.Where(Ours))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                if (process.ProcessName.Contains("chrom", StringComparison.OrdinalIgnoreCase))
                {
                    process.Kill();
                    killed++;
                }
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Already gone.
            }
        }

        Thread.Sleep(500);
        return killed;
    }

    public void Dispose()
    {
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }
}
