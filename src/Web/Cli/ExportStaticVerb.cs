using System.CommandLine;
using System.Globalization;
using Portal.Application.ContentPipeline;
using Portal.Application.Deployment;
using Portal.Application.StaticSite;
using Portal.Cards;

namespace Portal.Web.Cli;

/// <summary>portal export-static --out DIR [--base-url URL] [--no-pdf]: the low-bandwidth fallback site as plain files.</summary>
public static class ExportStaticVerb
{
    public static Command Command(VerbContext verb)
    {
        var output = new Option<string>("--out") { Description = "the folder to write; DIR.zip is written beside it", Required = true };
        var baseUrl = new Option<string?>("--base-url") { Description = "where the site will be published (anchors 404.html, sitemap.xml)" };
        var noPdf = new Option<bool>("--no-pdf") { Description = "leave the card PDFs out (no Chromium needed)" };
        var command = new Command("export-static", "the low-bandwidth fallback site as plain files plus a zip") { output, baseUrl, noPdf };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) =>
        {
            Uri? published = null;
            if (parse.GetValue(baseUrl) is { } given && !(Uri.TryCreate(given, UriKind.Absolute, out published) && published.Scheme is "http" or "https"))
            {
                verb.Error.WriteLine($"portal export-static: --base-url '{given}' is not an http(s) address; give where the site will be published, e.g. https://noodsteunpunt.nijmegen.nl/");
                return Task.FromResult(2);
            }

            if (verb.Deployment(parse) is { } region)
            {
                return region.Deployment is null ? Task.FromResult(2) : ExportRegionAsync(verb, parse, region, parse.GetValue(output)!, published, !parse.GetValue(noPdf), cancellationToken);
            }

            return verb.WithContentAsync(parse, (services, data) =>
                ExportAsync(verb, services, data, parse.GetValue(output)!, published, !parse.GetValue(noPdf)), cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// A static site per municipality in DIR/{slug}/ (with DIR/{slug}.zip, published at URL{slug}/) and the region's in
    /// DIR/{region slug}/, whose links to the municipalities lead to the sibling folders. One site's failure leaves the
    /// others' exports written.
    /// </summary>
    private static async Task<int> ExportRegionAsync(VerbContext verb, ParseResult parse, DeploymentSites region, string folder, Uri? baseUrl, bool withPdf,
        CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var exported = 0;
        // The region's site, with every buurt, takes longest: it starts first, the municipalities' go beside it.
        var exit = await verb.ForEachSiteAsync(parse, [.. region.Sites.OrderByDescending(s => s.IsRegion)], async run =>
        {
            var exit = await ExportAsync(run.Verb, run.Services, run.Data, Path.Combine(folder, run.Site.Slug),
                baseUrl is null ? null : new Uri(baseUrl, run.Site.Slug + "/"), withPdf, quiet: true);
            Interlocked.Add(ref exported, exit == 0 ? 1 : 0);
            return exit;
        }, cancellationToken, shareCardPrinter: withPdf, sideBySide: 2,
            services: (site, services) =>
            {
                if (site.IsRegion)
                {
                    services.AddSingleton(provider => Portal.Web.Hosting.RegionSites.DirectoryOf(region.Deployment!,
                        provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value.PublicBaseUrl.ToString()));
                }
            });
        verb.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(exit == 0 ? "Exported" : "Exported only")} {exported} of {region.Sites.Count} sites of {region.Deployment!.Name} in {clock.Elapsed.TotalSeconds:0.0} s into {Path.GetFullPath(folder)}/{{site}}/ (and {{site}}.zip)."));
        return exit;
    }

    /// <param name="quiet">Only what was exported, not each step (a region's seventeen sites).</param>
    private static async Task<int> ExportAsync(VerbContext verb, IServiceProvider services, PortalData data, string folder, Uri? baseUrl, bool withPdf, bool quiet = false)
    {
        try
        {
            var result = await services.GetRequiredService<StaticSitePublisher>().ExportAsync(data, folder, baseUrl, withPdf, quiet ? TextWriter.Null : verb.Output);
            verb.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Exported {result.Pages} pages in {result.Elapsed.TotalSeconds:0.00} s ({result.PagesPerSecond:0} pages/s) to {result.Folder} and {result.Zip}."));
            verb.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Page size gzipped: median {result.MedianGzipBytes:N0} bytes, largest {result.LargestGzipBytes:N0} bytes ({result.LargestPage}); budget {StaticExportOptions.PageBudgetBytes:N0}."));
            if (baseUrl is null && !quiet)
            {
                verb.Output.WriteLine("Without --base-url, 404.html works when the site is served at a host's root (or opened from disk); give --base-url to publish it under a path.");
            }

            return 0;
        }
        catch (StaticExportException e)
        {
            verb.Error.WriteLine($"portal export-static: {e.Message}{Environment.NewLine}The previous export was left as it was.");
        }
        catch (CardOverflowException e)
        {
            verb.Error.WriteLine($"portal export-static: {e.Message}. Shorten the card texts; the previous export was left as it was.");
        }
        catch (FileNotFoundException e)
        {
            verb.Error.WriteLine($"portal export-static: {e.Message} (or use --no-pdf)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            verb.Error.WriteLine($"portal export-static: {e.Message}; the previous export was left as it was.");
        }

        return 1;
    }
}
