using Microsoft.Extensions.Options;
using Portal.Application.CardPrinting;
using Portal.Application.ContentPipeline;
using Portal.Cards;
using Portal.Pages;

namespace Portal.Application.StaticSite;

/// <summary>The static fallback site from the served data: the `export-static` verb and the re-export after a publish.</summary>
/// <param name="region">In a region deployment: the municipalities a region site's pages link to (on a municipality's site,
/// the region it belongs to).</param>
public sealed class StaticSitePublisher(PageRenderer renderer, CardDocuments documents, CardPrinter printer, IOptions<PortalOptions> options, TimeProvider time,
    Portal.Pages.Styles.SiteStyles styles, OpenData.Cap.CapFeed cap, RegionDirectory? region = null)
{
    public async Task<StaticExportResult> ExportAsync(PortalData data, string outFolder, Uri? baseUrl, bool withPdf, TextWriter progress)
    {
        // A region's own static site leaves the card PDFs to the municipalities' sites: each card is printed once, with its
        // QR code to its own municipality's site (printing all 433 again for the region doubled a cold region export).
        withPdf &= region is not { IsRegionSite: true };
        // Card PDFs come from the cache when the cards did not change; otherwise the one card printer prints them (and
        // checks they fit) while the pages render, one language after another. Chromium is needed only for a PDF that is
        // not in the cache: the printer says so then, and the export is abandoned before anything is swapped in.
        var prints = new PrintCache(options.Value.PrintCachePath);
        Func<Content.Cultures.PortalCulture, IReadOnlyList<MeterkastCard>, Task<byte[]>>? cardPdf = !withPdf ? null
            : async (_, cards) =>
            {
                var html = await documents.PrintHtmlAsync(cards);
                return await prints.GetOrPrintAsync(html, "pdf", () => printer.PdfAsync(html, CardSize.A6));
            };
        var exporter = new StaticSiteExporter(renderer, time);
        var result = await exporter.ExportAsync(await InputAsync(data),
            new StaticExportOptions(outFolder, baseUrl, cardPdf), progress);
        if (withPdf)
        {
            prints.RemoveUnused();
            progress.WriteLine($"Card PDFs: {prints.Reused} unchanged since the last export, {prints.Printed} printed.");
        }

        return result;
    }

    /// <summary>After a status change: only the pages showing the points in <paramref name="points"/>, when there is an export to update.</summary>
    public async Task<StaticExportResult> UpdateAsync(PortalData data, string outFolder, IReadOnlySet<string> points, TextWriter progress)
    {
        if (!Directory.Exists(outFolder))
        {
            return await ExportAsync(data, outFolder, null, withPdf: true, progress);
        }

        return await new StaticSiteExporter(renderer, time).UpdateAsync(await InputAsync(data), points, new StaticExportOptions(outFolder, null, null), progress);
    }

    private async Task<StaticExportInput> InputAsync(PortalData data) =>
        new(data, options.Value.WebRootPath, options.Value.PublicBaseUrl, options.Value.OpenDataLicense, styles, [.. (await cap.FilesAsync(data)).All], region);
}
