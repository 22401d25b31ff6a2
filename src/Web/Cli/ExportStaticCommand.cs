using System.Globalization;
using Portal.Cards;
using Portal.Pages;
using Portal.StaticExport;
using Portal.Web.Cards;
using Portal.Web.Hosting;

namespace Portal.Web.Cli;

/// <summary>portal export-static --out DIR [--base-url URL] [--no-pdf]: the low-bandwidth fallback site as plain files.</summary>
public static class ExportStaticCommand
{
    private static readonly Dictionary<string, string> Switches = new()
    {
        ["--out"] = "Static:Out", ["--base-url"] = "Static:BaseUrl", ["--content"] = "Portal:ContentPath", ["--no-pdf"] = "Static:NoPdf",
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        // --no-pdf is a flag; give it a value so the configuration binder reads it.
        var normalized = args.SelectMany(a => a == "--no-pdf" ? ["--no-pdf", "true"] : new[] { a }).ToArray();
        var configuration = PortalConfiguration.Build(normalized, Switches);
        var options = configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        var outFolder = configuration["Static:Out"];
        var baseUrlText = configuration["Static:BaseUrl"];
        Uri? baseUrl = null;
        if (string.IsNullOrWhiteSpace(outFolder) || (baseUrlText is not null && !Uri.TryCreate(baseUrlText, UriKind.Absolute, out baseUrl)))
        {
            error.WriteLine("portal export-static: --out DIR is required; --base-url must be an absolute URL (it is only used for sitemap.xml)");
            return 2;
        }

        var cultures = PortalServices.CulturesFrom(configuration);
        var (data, problems) = PortalData.Load(options.ContentPath, cultures);
        if (data is null)
        {
            CheckDataCommand.Report(problems, error);
            return 1;
        }

        try
        {
            var result = await ExportAsync(data, options, outFolder!, baseUrl, withPdf: configuration["Static:NoPdf"] != "true", output);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Exported {result.Pages} pages in {result.Elapsed.TotalSeconds:0.00} s ({result.PagesPerSecond:0} pages/s) to {result.Folder} and {result.Zip}."));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Page size gzipped: median {result.MedianGzipBytes:N0} bytes, largest {result.LargestGzipBytes:N0} bytes ({result.LargestPage}); budget {StaticExportOptions.PageBudgetBytes:N0}."));
            if (baseUrl is null)
            {
                output.WriteLine("Without --base-url, 404.html works when the site is served at a host's root (or opened from disk); give --base-url to publish it under a path.");
            }

            return 0;
        }
        catch (StaticExportException e)
        {
            error.WriteLine($"portal export-static: {e.Message}{Environment.NewLine}The previous export was left as it was.");
            return 1;
        }
        catch (FileNotFoundException e)
        {
            error.WriteLine($"portal export-static: {e.Message} (or use --no-pdf)");
            return 1;
        }
    }

    /// <summary>Shared by the command and the publish hook.</summary>
    public static async Task<StaticExportResult> ExportAsync(PortalData data, PortalOptions options, string outFolder, Uri? baseUrl, bool withPdf, TextWriter progress)
    {
        await using var services = PortalConfiguration.RenderingServices(options);
        var documents = services.GetRequiredService<CardDocuments>();
        if (withPdf)
        {
            ChromiumCardRenderer.EnsureInstalled(options.ChromiumPath);
        }

        // Card PDFs come from the cache when the cards did not change. Otherwise Chromium starts when the exporter first
        // asks for one, while the pages render; the exporter asks for one language at a time, so one browser page prints
        // them all, faster on two cores than a page per language.
        var prints = new PrintCache(options.PrintCachePath);
        ChromiumCardRenderer? chromium = null;
        LoadedCards? page = null;
        Func<Portal.Content.Cultures.PortalCulture, IReadOnlyList<MeterkastCard>, Task<byte[]>>? cardPdf = !withPdf ? null
            : async (_, cards) =>
            {
                var html = await documents.PrintHtmlAsync(cards, false);
                return await prints.GetOrPrintAsync(html, "pdf", async () =>
                {
                    chromium ??= await ChromiumCardRenderer.StartAsync(options.ChromiumPath);
                    if (page is null)
                    {
                        page = await chromium.LoadAsync(html);
                    }
                    else
                    {
                        await page.SetAsync(html);
                    }

                    return PdfPageBoxes.Correct(await page.PdfAsync(), CardSize.A6);
                });
            };
        var exporter = new StaticSiteExporter(services.GetRequiredService<PageRenderer>(), TimeProvider.System);
        var input = new StaticExportInput(data.Places, data.Content, data.Texts, data.Cultures, options.WebRootPath, options.PublicBaseUrl);
        try
        {
            var result = await exporter.ExportAsync(input, new StaticExportOptions(outFolder, baseUrl, cardPdf), progress);
            if (withPdf)
            {
                prints.RemoveUnused();
                progress.WriteLine($"Card PDFs: {prints.Reused} unchanged since the last export, {prints.Printed} printed.");
            }

            return result;
        }
        finally
        {
            if (page is not null)
            {
                await page.DisposeAsync();
            }

            if (chromium is not null)
            {
                await chromium.DisposeAsync();
            }
        }
    }
}
