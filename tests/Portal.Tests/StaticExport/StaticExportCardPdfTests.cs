using Microsoft.Extensions.DependencyInjection;
using Portal.Application.StaticSite;

namespace Portal.Tests.StaticExport;

/// <summary>The card PDFs of the static export: printed once, then taken from the print cache while the cards stay the same.</summary>
[Trait("Category", "Chromium")]
public sealed class StaticExportCardPdfTests : IDisposable
{
    private static readonly string SharedPrints = TestContent.SharedPrintCache;

    private readonly string _root = Directory.CreateTempSubdirectory("portal-static-pdf-").FullName;

    [Fact]
    public async Task With_every_card_PDF_in_the_print_cache_the_export_needs_no_Chromium()
    {
        var data = TestPortal.Load(TestContent.RepositoryContent);
        await using (var printing = Services(SharedPrints, chromium: null))
        {
            await printing.GetRequiredService<StaticSitePublisher>().ExportAsync(data, Path.Combine(_root, "first"), null, withPdf: true, TextWriter.Null);
        }

        // A machine without Chromium (a USB-stick build on an office laptop): the cached prints are enough.
        var site = Path.Combine(_root, "site");
        await using (var withoutChromium = Services(SharedPrints, chromium: "/nonexistent/chromium"))
        {
            await withoutChromium.GetRequiredService<StaticSitePublisher>().ExportAsync(data, site, null, withPdf: true, TextWriter.Null);
        }

        Assert.Equal(File.ReadAllBytes(Path.Combine(_root, "first", "kaarten", "meterkastkaarten-ar-a6.pdf")),
            File.ReadAllBytes(Path.Combine(site, "kaarten", "meterkastkaarten-ar-a6.pdf")));

        // With nothing in the cache, it says Chromium is missing and writes nothing.
        var nothing = Path.Combine(_root, "nothing");
        await using var empty = Services(Path.Combine(_root, "empty-cache"), chromium: "/nonexistent/chromium");
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() =>
            empty.GetRequiredService<StaticSitePublisher>().ExportAsync(data, nothing, null, withPdf: true, TextWriter.Null));
        Assert.Contains("/nonexistent/chromium", error.Message);
        Assert.Equal([Path.Combine(_root, "first"), site], Directory.GetDirectories(_root).Order());
    }

    private static Microsoft.Extensions.DependencyInjection.ServiceProvider Services(string prints, string? chromium) =>
        TestPortal.Services(TestContent.RepositoryContent, new Dictionary<string, string?>
        {
            ["Portal:PrintCachePath"] = prints,
            ["Portal:ChromiumPath"] = chromium ?? Portal.Cards.ChromiumCardRenderer.DefaultExecutable,
        });

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
