using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Portal.Application.ContentPipeline;
using Portal.Application.OpenData;
using Portal.Application.PageCatalogue;
using Portal.Cards;
using Portal.Content.Cultures;
using Portal.Pages;
using Portal.Pages.Layout;

namespace Portal.Application.StaticSite;

/// <param name="OpenDataLicense">The licence the open-data files are published under (a URI).</param>
/// <param name="Styles">The composed stylesheets; null composes them from WebRoot with the default theme.</param>
/// <param name="Feeds">Further open-data files made elsewhere (the CAP feed and its documents); null: none.</param>
/// <param name="Region">On a region's site: the municipalities, whose exports are its sibling folders ({region}/ beside
/// {municipality}/), linked to relatively; null on a municipality's own site.</param>
public sealed record StaticExportInput(PortalData Data, string WebRoot, Uri PublicBaseUrl, string OpenDataLicense = SupportPointOpenData.DefaultLicense,
    Portal.Pages.Styles.SiteStyles? Styles = null, IReadOnlyList<OpenDataFile>? Feeds = null, RegionDirectory? Region = null)
{
    /// <summary>The folders beside this export that its links may lead into (a region's municipalities).</summary>
    public IReadOnlySet<string> Siblings { get; } = Region?.Municipalities.Select(m => m.Slug).ToHashSet(StringComparer.Ordinal) ?? [];
}

/// <param name="BaseUrl">Where the site will be published, when known: anchors the 404 page; the sitemap falls back to the portal's public address.</param>
/// <param name="CardPdf">Renders one language's combined card PDF, called for one language at a time; null leaves card PDFs out.</param>
public sealed record StaticExportOptions(string OutputFolder, Uri? BaseUrl, Func<PortalCulture, IReadOnlyList<MeterkastCard>, Task<byte[]>>? CardPdf)
{
    /// <summary>What TCP's first round trip carries (RFC 6928: 10 segments): a page this size arrives in one go.</summary>
    public const int PageBudgetBytes = 14 * 1024;
}

public sealed record StaticExportResult(int Pages, long MedianGzipBytes, string LargestPage, long LargestGzipBytes, TimeSpan Elapsed, string Folder, string Zip)
{
    public double PagesPerSecond => Pages / Elapsed.TotalSeconds;
}

/// <summary>The export was refused; nothing was replaced. Each problem names the file.</summary>
public sealed class StaticExportException(IReadOnlyList<string> problems)
    : Exception($"The static export has {problems.Count} problem(s):{Environment.NewLine}  " + string.Join($"{Environment.NewLine}  ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Writes the whole portal as plain files with the live site's own components: every resident page in every language,
/// postcode and A–Z index pages instead of the server-side lookup, the card pages and PDFs, a 404 page and sitemap.xml.
/// No script, no web fonts, one shared stylesheet with a content hash. Refuses to replace the previous export if a page
/// is over budget or a link is broken.
/// </summary>
public sealed class StaticSiteExporter(PageRenderer renderer, TimeProvider time)
{
    public async Task<StaticExportResult> ExportAsync(StaticExportInput input, StaticExportOptions options, TextWriter progress)
    {
        var clock = Stopwatch.StartNew();
        var now = time.GetUtcNow();
        var target = Path.GetFullPath(options.OutputFolder);
        var building = Portal.Content.Files.AtomicFolder.Building(target);
        var zip = $"{target}.zip";
        var zipTemporary = Portal.Content.Files.AtomicFile.TemporaryBeside(zip);
        Task<List<(PortalCulture Culture, byte[] Pdf)>>? pdfs = null;
        try
        {
            await using var site = new SiteFolderWriter(building, zipTemporary);
            var assets = AddAssets(input, site);
            var data = input.Data;
            var cardsByCulture = data.Cultures.All.ToDictionary(c => c.Code, culture => data.Places.Buurten
                .Select(b => MeterkastCard.For(b, data.Places, data.Content, data.Texts, culture, data.Cultures, CardSize.A6, input.PublicBaseUrl))
                .ToList());
            // Chromium prints the card PDFs in its own processes while this one renders the pages.
            pdfs = options.CardPdf is { } cardPdf ? Task.Run(() => PrintCardsAsync(data.Cultures, cardsByCulture, cardPdf)) : null;
            var work = data.Cultures.All
                .SelectMany(culture => PortalPages.All.Where(type => type.Export is not null)
                    .SelectMany(type => type.Export!(new ExportRequest(data, culture, cardsByCulture[culture.Code], pdfs is null ? null : PdfPath(culture))))
                    .Select(page => (Culture: culture, page.SitePath, page.View)))
                .ToList();
            var pages = new System.Collections.Concurrent.ConcurrentBag<RenderedPage>();
            // Pages are independent: render them on every core; one writer puts them on disk meanwhile.
            await Parallel.ForEachAsync(work, async (page, _) =>
            {
                var file = StaticPaths.FileFor(page.Culture, page.SitePath);
                pages.Add(Add(site, file, await page.View.RenderAsync(renderer, Context(input, options, page.Culture, page.SitePath, file, assets, now)), input.Siblings));
            });
            progress.WriteLine(FormattableString.Invariant($"{pages.Count} pages rendered after {clock.Elapsed.TotalSeconds:0.00} s"));

            // Its language links lead to each language's home page: there is no "not found" page to switch to.
            var notFound = Context(input, options, data.Cultures.Default, "/", "404.html", assets, now) with
            {
                BaseHref = options.BaseUrl is { } published ? new Uri(published.ToString().TrimEnd('/') + "/") : null,
            };
            pages.Add(Add(site, "404.html", await PageView.Of<NotFoundPage>().RenderAsync(renderer, notFound), input.Siblings));
            foreach (var (file, bytes) in OpenDataFiles(input, now))
            {
                site.Add(file, bytes);
            }

            // The live site's rule for what is listed; here each page's address is its file on the published copy.
            var siteRoot = (options.BaseUrl ?? input.PublicBaseUrl).ToString().TrimEnd('/') + "/";
            site.Add(Sitemap.Path.TrimStart('/'), Sitemap.Xml(data.Cultures,
                data.Cultures.All.ToDictionary(c => c, c => (IReadOnlyList<string>)[.. Sitemap.SitePaths(data, c, cardsByCulture[c.Code], live: false)]),
                (culture, path) => siteRoot + StaticPaths.FileFor(culture, path)));
            site.Add("robots.txt", System.Text.Encoding.UTF8.GetBytes(
                $"User-agent: *\nAllow: /\nSitemap: {(options.BaseUrl ?? input.PublicBaseUrl).ToString().TrimEnd('/')}/sitemap.xml\n"));
            if (pdfs is not null)
            {
                foreach (var (culture, pdf) in await pdfs)
                {
                    site.Add(PdfPath(culture).TrimStart('/'), pdf);
                }

                progress.WriteLine(FormattableString.Invariant($"card PDFs done after {clock.Elapsed.TotalSeconds:0.00} s"));
            }

            var written = await site.CompleteAsync();
            var problems = OverBudget(pages).Concat(BrokenLinks(pages, written)).ToList();
            if (problems.Count > 0)
            {
                throw new StaticExportException(problems);
            }

            progress.WriteLine(FormattableString.Invariant($"written and checked after {clock.Elapsed.TotalSeconds:0.00} s"));
            Portal.Content.Files.AtomicFolder.Replace(building, target);
            File.Move(zipTemporary, zip, overwrite: true);

            var sizes = pages.Select(p => p.Gzip).Order().ToList();
            var largest = pages.MaxBy(p => p.Gzip)!;
            return new StaticExportResult(pages.Count, sizes[sizes.Count / 2], largest.File, largest.Gzip, clock.Elapsed, target, zip);
        }
        catch
        {
            if (pdfs is not null)
            {
                // Let the printer finish before its caller tears it down; the export's own failure is what is reported.
                await ((Task)pdfs).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (Directory.Exists(building))
            {
                Directory.Delete(building, recursive: true);
            }

            File.Delete(zipTemporary);
            throw;
        }
    }

    /// <summary>
    /// After a status change: re-renders only the pages that show the given points (and the open data), in a copy of the
    /// current export that replaces it in one move; the zip is rebuilt after the swap. The caller falls back to
    /// <see cref="ExportAsync"/> when there is no export yet.
    /// </summary>
    public async Task<StaticExportResult> UpdateAsync(StaticExportInput input, IReadOnlySet<string> points, StaticExportOptions options, TextWriter progress)
    {
        var clock = Stopwatch.StartNew();
        var now = time.GetUtcNow();
        var target = Path.GetFullPath(options.OutputFolder);
        var building = Portal.Content.Files.AtomicFolder.Building(target);
        try
        {
            SiteFolderCopy.Link(target, building);
            var assets = AddAssets(input, site: null);
            var data = input.Data;
            var work = data.Cultures.All
                .SelectMany(culture => PortalPages.All.Where(type => type.Export is not null)
                    .SelectMany(type => type.Export!(new ExportRequest(data, culture, [], null)))
                    .Where(page => page.Shows.Includes(points))
                    .Select(page => (Culture: culture, page.SitePath, page.View)))
                .ToList();
            var pages = new System.Collections.Concurrent.ConcurrentBag<RenderedPage>();
            await Parallel.ForEachAsync(work, async (page, _) =>
            {
                var file = StaticPaths.FileFor(page.Culture, page.SitePath);
                var html = await page.View.RenderAsync(renderer, Context(input, options, page.Culture, page.SitePath, file, assets, now));
                var bytes = Encoding.UTF8.GetBytes(html);
                SiteFolderCopy.Replace(Path.Combine(building, file), bytes);
                var (links, problems) = InternalLinks.Of(file, html, input.Siblings);
                pages.Add(new RenderedPage(file, GzipSize(bytes), links, problems));
            });
            foreach (var (file, bytes) in OpenDataFiles(input, now))
            {
                SiteFolderCopy.Replace(Path.Combine(building, file), bytes);
            }

            var files = Directory.EnumerateFiles(building, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(building, f).Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
            var problems = OverBudget(pages).Concat(BrokenLinks(pages, files)).ToList();
            if (problems.Count > 0)
            {
                throw new StaticExportException(problems);
            }

            Portal.Content.Files.AtomicFolder.Replace(building, target);
            var swapped = clock.Elapsed;
            progress.WriteLine(FormattableString.Invariant($"{pages.Count} pages re-rendered and swapped in after {swapped.TotalSeconds:0.00} s"));
            await Task.Run(() => SiteFolderCopy.Zip(target, $"{target}.zip"));

            var sizes = pages.Select(p => p.Gzip).Order().DefaultIfEmpty().ToList();
            var largest = pages.MaxBy(p => p.Gzip);
            return new StaticExportResult(pages.Count, sizes[sizes.Count / 2], largest?.File ?? "", largest?.Gzip ?? 0, swapped, target, $"{target}.zip");
        }
        catch
        {
            if (Directory.Exists(building))
            {
                Directory.Delete(building, recursive: true);
            }

            throw;
        }
    }

    private static IEnumerable<(string File, byte[] Bytes)> OpenDataFiles(StaticExportInput input, DateTimeOffset now) =>
        SupportPointOpenData.Files(input.Data, input.PublicBaseUrl, input.OpenDataLicense, now).Concat(input.Feeds ?? [])
            .Select(f => (f.Path.TrimStart('/'), f.Bytes));

    /// <summary>A page as written: its size as residents receive it, and where its links lead.</summary>
    private sealed record RenderedPage(string File, long Gzip, IReadOnlyList<(string Href, string Target)> Links, IReadOnlyList<string> LinkProblems);

    private static RenderedPage Add(SiteFolderWriter site, string file, string html, IReadOnlySet<string> siblings)
    {
        var bytes = Encoding.UTF8.GetBytes(html);
        site.Add(file, bytes);
        var (links, problems) = InternalLinks.Of(file, html, siblings);
        return new RenderedPage(file, GzipSize(bytes), links, problems);
    }

    /// <summary>One language at a time, so a printer can reuse one browser page for all of them.</summary>
    private static async Task<List<(PortalCulture Culture, byte[] Pdf)>> PrintCardsAsync(CultureSet cultures,
        Dictionary<string, List<MeterkastCard>> cardsByCulture, Func<PortalCulture, IReadOnlyList<MeterkastCard>, Task<byte[]>> print)
    {
        var pdfs = new List<(PortalCulture, byte[])>();
        foreach (var culture in cultures.All)
        {
            pdfs.Add((culture, await print(culture, cardsByCulture[culture.Code])));
        }

        return pdfs;
    }

    private static string PdfPath(PortalCulture culture) => $"/kaarten/meterkastkaarten-{culture.Code}-a6.pdf";

    private static PageContext Context(StaticExportInput input, StaticExportOptions options, PortalCulture culture, string sitePath, string file,
        IReadOnlyDictionary<string, string> assets, DateTimeOffset now)
    {
        // Where the copy is published (as the sitemap says), for the hreflang alternates, which must be absolute.
        var published = (options.BaseUrl ?? input.PublicBaseUrl).ToString().TrimEnd('/') + "/";
        var links = new SiteLinks(
            (target, path) => StaticPaths.Relative(file, StaticPaths.FileFor(target, path)) + Fragment(path),
            asset => StaticPaths.Relative(file, assets.TryGetValue(asset, out var hashed) ? hashed : asset.TrimStart('/')))
        {
            Absolute = (target, path) => published + StaticPaths.FileFor(target, path),
            // A municipality's export is the region export's sibling folder: up out of this one, into that one.
            Municipality = (slug, target, path) => string.Concat(Enumerable.Repeat("../", file.Count(c => c == '/') + 1)) + slug + "/" + StaticPaths.FileFor(target, path),
        };
        return new PageContext(input.Data.Texts.For(culture), input.Data.Cultures, input.Data.Places, input.Data.Content, sitePath, links, now)
        {
            IsStatic = true,
            Region = input.Region,
            ExportedAt = now,
        };
    }

    private static string Fragment(string path) => path.IndexOf('#', StringComparison.Ordinal) is var i and >= 0 ? path[i..] : "";

    /// <summary>Copies the stylesheets under a content-hashed name: cached for ever, replaced by the next change.</summary>
    private static Dictionary<string, string> AddAssets(StaticExportInput input, SiteFolderWriter? site)
    {
        var styles = input.Styles ?? Portal.Pages.Styles.SiteStyles.Compose(input.WebRoot, Portal.Pages.Styles.SiteStyles.DefaultTheme(input.WebRoot));
        var assets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (source, sheet) in new[] { (Portal.Pages.Styles.SiteStyles.SitePath, styles.Site), (Portal.Pages.Styles.SiteStyles.CardPath, styles.Card) })
        {
            var name = sheet.Href.TrimStart('/');
            site?.Add(name, sheet.Bytes);
            assets[source] = name;
        }

        // Browsers ask every host for an icon; without one each page logs a 404 in the console.
        site?.Add("favicon.ico", File.ReadAllBytes(Path.Combine(input.WebRoot, "favicon.ico")));
        assets["/favicon.ico"] = "favicon.ico";
        return assets;
    }

    private static long GzipSize(byte[] bytes)
    {
        using var compressed = new MemoryStream();
        // Level 1 is what nginx sends by default (gzip_comp_level 1), the least any gzip server compresses: a page within
        // the budget here is within it on every host.
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return compressed.Length;
    }

    private static IEnumerable<string> OverBudget(IEnumerable<RenderedPage> pages) =>
        pages.Where(p => p.Gzip > StaticExportOptions.PageBudgetBytes)
            .Select(p => $"{p.File}: {p.Gzip:N0} bytes gzipped, over the {StaticExportOptions.PageBudgetBytes:N0}-byte budget");

    /// <summary>Every relative href/src/action in every page must name a file in the export.</summary>
    private static IEnumerable<string> BrokenLinks(IEnumerable<RenderedPage> pages, IReadOnlySet<string> files) =>
        pages.OrderBy(p => p.File, StringComparer.Ordinal).SelectMany(page => page.LinkProblems.Concat(page.Links
            .Where(link => !files.Contains(link.Target))
            .Select(link => $"{page.File}: broken link '{link.Href}'")));
}
