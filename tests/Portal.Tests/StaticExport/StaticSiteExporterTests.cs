using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Portal.Content.Cultures;
using Portal.Pages;
using Portal.Application.StaticSite;

namespace Portal.Tests.StaticExport;

/// <summary>The static export without card PDFs (those need Chromium and are covered by the browser tests).</summary>
public sealed class StaticSiteExporterTests : IDisposable
{
    private static readonly CultureSet Cultures = new(["nl", "en", "ar", "tr", "pl", "uk"]);
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"portal-static-{Guid.NewGuid():N}");

    private string Site => Path.Combine(_root, "site");

    [Fact]
    public async Task Every_page_type_is_exported_in_every_language()
    {
        var result = await ExportAsync(TestContent.RepositoryContent);

        foreach (var language in Cultures.All)
        {
            var prefix = language.IsDefault ? "" : language.Code + "/";
            foreach (var file in new[] { "index.html", "noodpakket.html", "noodplan.html", "toegankelijkheid.html", "privacy.html", "steunpunten.html",
                "steunpunt/obs-de-muze.html", "buurt/BU02680202.html", "wijken.html", "wijk/WK026802.html", "kaart/BU02680202.html",
                "postcode.html", "postcode/6525.html", "buurten.html" })
            {
                Assert.True(File.Exists(Path.Combine(Site, prefix + file)), $"{prefix}{file} missing");
            }
        }

        Assert.True(File.Exists(Path.Combine(Site, "404.html")));
        Assert.Equal(Directory.GetFiles(Site, "*.html", SearchOption.AllDirectories).Length, result.Pages);
        Assert.Equal(6 * 149 + 1, result.Pages); // 149 pages per language, plus one 404 page
    }

    [Fact]
    public async Task Every_card_page_is_reachable_by_a_link_from_another_page()
    {
        await ExportAsync(TestContent.RepositoryContent);

        var linked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Site, "*.html", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}kaart{Path.DirectorySeparatorChar}")))
        {
            foreach (System.Text.RegularExpressions.Match href in System.Text.RegularExpressions.Regex.Matches(await File.ReadAllTextAsync(file), "href=\"([^\"#?]+)"))
            {
                linked.Add(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, System.Net.WebUtility.HtmlDecode(href.Groups[1].Value))));
            }
        }

        var cards = Directory.GetFiles(Site, "*.html", SearchOption.AllDirectories).Where(f => f.Contains($"{Path.DirectorySeparatorChar}kaart{Path.DirectorySeparatorChar}")).ToList();
        Assert.Equal(6 * 44, cards.Count);
        Assert.Empty(cards.Where(c => !linked.Contains(Path.GetFullPath(c))).Select(c => Path.GetRelativePath(Site, c)));
    }

    [Fact]
    public async Task Every_page_fits_in_14_KB_gzipped_and_needs_no_script_or_web_font()
    {
        var result = await ExportAsync(TestContent.RepositoryContent);

        Assert.InRange(result.LargestGzipBytes, 1, StaticExportOptions.PageBudgetBytes);
        foreach (var file in Directory.GetFiles(Site, "*.html", SearchOption.AllDirectories))
        {
            var html = await File.ReadAllTextAsync(file);
            Assert.DoesNotContain("<script", html);
            Assert.DoesNotContain("@font-face", html);
            Assert.DoesNotMatch("(href|src|action)=\"/", html);
        }

        Assert.DoesNotContain("@font-face", await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(Site, "css"), "portal.*.css").Single()));
    }

    [Fact]
    public async Task Pages_keep_lang_dir_alternates_and_show_when_they_were_updated()
    {
        await ExportAsync(TestContent.RepositoryContent);
        var parser = new HtmlParser();

        var arabic = parser.ParseDocument(await File.ReadAllTextAsync(Path.Combine(Site, "ar", "steunpunt", "obs-de-muze.html")));

        Assert.Equal("ar", arabic.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", arabic.DocumentElement.GetAttribute("dir"));
        // Alternates are absolute (at the copy's published address), with the default language as x-default.
        Assert.Equal("https://noodsteunpunt.example/nood/en/steunpunt/obs-de-muze.html", arabic.QuerySelector("link[hreflang=en]")!.GetAttribute("href"));
        Assert.Equal("https://noodsteunpunt.example/nood/steunpunt/obs-de-muze.html", arabic.QuerySelector("link[hreflang=x-default]")!.GetAttribute("href"));
        Assert.Equal("User-agent: *\nAllow: /\nSitemap: https://noodsteunpunt.example/nood/sitemap.xml\n", await File.ReadAllTextAsync(Path.Combine(Site, "robots.txt")));
        Assert.True(File.Exists(Path.Combine(Site, "favicon.ico")));
        Assert.Contains("2026", arabic.QuerySelector(".updated")!.TextContent);
        Assert.Matches(@"^\.\./\.\./css/portal\.[0-9a-f]{8}\.css$", arabic.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!);
    }

    [Fact]
    public async Task Without_a_server_the_lookup_becomes_postcode_pages_and_a_plain_form()
    {
        await ExportAsync(TestContent.RepositoryContent);
        var parser = new HtmlParser();

        var home = parser.ParseDocument(await File.ReadAllTextAsync(Path.Combine(Site, "index.html")));
        var form = home.QuerySelector("form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("postcode.html", form.GetAttribute("action"));
        Assert.Equal(23, home.QuerySelectorAll("select#pc option").Length);
        var area = parser.ParseDocument(await File.ReadAllTextAsync(Path.Combine(Site, "postcode", "6525.html")));
        Assert.Equal(["Brakkenstein", "Groenewoud", "Heijendaal"], area.QuerySelectorAll("table.buurten tbody th a").Select(a => a.TextContent).Order());
        var kit = parser.ParseDocument(await File.ReadAllTextAsync(Path.Combine(Site, "noodpakket.html")));
        Assert.Null(kit.QuerySelector("form"));
        Assert.Contains("54 liter", kit.QuerySelector(".checklist table")!.TextContent); // 6 people, 3 days
    }

    [Fact]
    public async Task An_active_alert_appears_on_every_page()
    {
        using var content = new TestContent();
        content.Replace("site.yml", "alerts: []", """
            alerts:
              - id: stroom
                severity: danger
                active-from: 2026-01-01T00:00:00+01:00
                link: /stroomuitval
                text:
                  nl: "De stroom is uitgevallen in heel Nijmegen."
                  en: "The power is out in all of Nijmegen."
            """);

        await ExportAsync(content.Root);

        foreach (var file in Directory.GetFiles(Site, "*.html", SearchOption.AllDirectories))
        {
            Assert.Contains("alert-danger", await File.ReadAllTextAsync(file));
        }

        Assert.Contains("The power is out", await File.ReadAllTextAsync(Path.Combine(Site, "en", "index.html")));
        Assert.Contains("De stroom is uitgevallen", await File.ReadAllTextAsync(Path.Combine(Site, "tr", "index.html")));
    }

    [Fact]
    public async Task A_broken_link_fails_the_export_and_leaves_the_previous_site_untouched()
    {
        await ExportAsync(TestContent.RepositoryContent);
        var before = Directory.GetFiles(Site, "*", SearchOption.AllDirectories).Order().ToList();
        using var content = new TestContent();
        content.AppendLine("nl/pages/privacy.md", "[kapot](/bestaat-niet)");

        var error = await Assert.ThrowsAsync<StaticExportException>(() => ExportAsync(content.Root));

        Assert.Contains(error.Problems, p => p.StartsWith("privacy.html: broken link 'bestaat-niet.html'", StringComparison.Ordinal));
        Assert.Equal(before, Directory.GetFiles(Site, "*", SearchOption.AllDirectories).Order().ToList());
        Assert.Empty(Directory.GetDirectories(_root, "site.building-*"));
        Assert.Empty(Directory.GetFiles(_root, "*.tmp")); // the half-built zip
    }

    [Fact]
    public async Task A_page_over_the_budget_fails_the_export_naming_it()
    {
        using var content = new TestContent();
        var noise = string.Join(' ', Enumerable.Range(0, 6000).Select(i => Convert.ToHexString(BitConverter.GetBytes(i * 2654435761u))));
        content.AppendLine("en/pages/drinkwater.md", noise);

        var error = await Assert.ThrowsAsync<StaticExportException>(() => ExportAsync(content.Root));

        Assert.Contains(error.Problems, p => Regex.IsMatch(p, @"^en/drinkwater\.html: [\d,]+ bytes gzipped, over the 14,336-byte budget$"));
        Assert.False(Directory.Exists(Site));
    }

    [Fact]
    public async Task It_writes_a_sitemap_and_a_zip_for_offline_distribution()
    {
        var result = await ExportAsync(TestContent.RepositoryContent);

        var sitemap = await File.ReadAllTextAsync(Path.Combine(Site, "sitemap.xml"));
        Assert.Contains("<loc>https://noodsteunpunt.example/nood/ar/noodplan.html</loc>", sitemap);
        Assert.DoesNotContain("404.html", sitemap);
        Assert.Contains("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://noodsteunpunt.example/nood/noodplan.html\" />", sitemap);
        // The same rule as the live sitemap: every page written is listed, once per language.
        var listed = Regex.Matches(sitemap, "<loc>https://noodsteunpunt.example/nood/([^<]+)</loc>").Select(m => m.Groups[1].Value).ToHashSet();
        var written = Directory.EnumerateFiles(Site, "*.html", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Site, f).Replace('\\', '/')).ToHashSet();
        written.Remove("404.html");
        Assert.Equal(written.Order(), listed.Order());
        // Served by a static host at any missing URL, the 404 page's relative links are anchored to the site root.
        var notFound = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(Path.Combine(Site, "404.html")));
        Assert.Equal("https://noodsteunpunt.example/nood/", notFound.QuerySelector("head base")?.GetAttribute("href"));
        Assert.Null(new HtmlParser().ParseDocument(await File.ReadAllTextAsync(Path.Combine(Site, "index.html"))).QuerySelector("base"));
        using var zip = ZipFile.OpenRead(result.Zip);
        Assert.Contains(zip.Entries, e => e.FullName == "index.html");
        Assert.Equal(result.Pages, zip.Entries.Count(e => e.FullName.EndsWith(".html", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_status_change_rewrites_only_the_pages_that_show_the_point_and_the_open_data()
    {
        using var content = new TestContent();
        File.WriteAllText(Path.Combine(content.Root, "status.yml"), "points:\n  brandweerkazerne-nijmegen-centrum: { status: open }\n");
        var pipeline = new Portal.Application.ContentPipeline.ContentPipeline(content.Root, Cultures);
        var before = pipeline.LoadContentFolder().Data!;
        await ExportAsync(content.Root);
        var written = Directory.GetFiles(Site, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(Site, f), File.ReadAllBytes);
        File.WriteAllText(Path.Combine(content.Root, "status.yml"),
            "points:\n  brandweerkazerne-nijmegen-centrum: { status: open }\n  gemeentehuis-nijmegen: { status: closed }\n");
        var after = pipeline.LoadContentFolder().Data!;
        var change = Portal.Application.ContentPipeline.ContentChange.Between(before, after);
        Assert.False(change.Content);

        await using var services = TestPortal.Services(content.Root);
        var result = await new StaticSiteExporter(services.GetRequiredService<PageRenderer>(), TimeProvider.System).UpdateAsync(
            new StaticExportInput(after, Path.Combine(TestContent.RepositoryRoot, "wwwroot"), new Uri("https://noodsteunpunt.example/")),
            change.Shown, new StaticExportOptions(Site, null, CardPdf: null), TextWriter.Null);

        var now = Directory.GetFiles(Site, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(Site, f), File.ReadAllBytes);
        Assert.Equal(written.Keys.Order(), now.Keys.Order());
        var changed = now.Where(f => !f.Value.AsSpan().SequenceEqual(written[f.Key])).Select(f => f.Key).Order().ToList();
        // Per language: the point's page, the 4 buurten it serves, the home page and the list; plus the three open-data files.
        Assert.Equal(6 * 7, result.Pages);
        Assert.Contains("steunpunt/gemeentehuis-nijmegen.html", changed);
        Assert.Contains("ar/buurt/BU02680100.html", changed);
        Assert.Contains("open-data/noodsteunpunten.geojson", changed);
        Assert.DoesNotContain("steunpunt/brandweerkazerne-nijmegen-centrum.html", changed);
        Assert.DoesNotContain("noodpakket.html", changed);
        Assert.True(changed.Count <= 6 * 7 + 3, string.Join(", ", changed));
        Assert.Contains("status-closed", File.ReadAllText(Path.Combine(Site, "steunpunt", "gemeentehuis-nijmegen.html")));
        Assert.Equal([Site], Directory.GetDirectories(_root));

        // The offline zip follows the folder.
        using var zip = ZipFile.OpenRead(result.Zip);
        using var reader = new StreamReader(zip.GetEntry("steunpunt/gemeentehuis-nijmegen.html")!.Open());
        Assert.Contains("status-closed", await reader.ReadToEndAsync());
    }

    private async Task<StaticExportResult> ExportAsync(string contentPath)
    {
        var data = TestPortal.Load(contentPath);
        await using var services = TestPortal.Services(contentPath);
        var exporter = new StaticSiteExporter(services.GetRequiredService<PageRenderer>(), TimeProvider.System);
        var webRoot = Path.Combine(TestContent.RepositoryRoot, "wwwroot");
        return await exporter.ExportAsync(
            new StaticExportInput(data, webRoot, new Uri("https://noodsteunpunt.example/")),
            new StaticExportOptions(Site, new Uri("https://noodsteunpunt.example/nood/"), CardPdf: null), TextWriter.Null);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
