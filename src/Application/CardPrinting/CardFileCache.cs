using Microsoft.Extensions.Options;
using Portal.Application.ContentPipeline;
using Portal.Cards;
using Portal.Content.Cultures;
using Portal.Content.Files;
using Portal.Places;

namespace Portal.Application.CardPrinting;

/// <summary>
/// Serves /kaart/{code}.pdf and .png: printed once per content version, language and buurt, kept on disk, so a thousand
/// downloads cost one print. A cache folder that cannot be written costs only the caching: the file is still served.
/// </summary>
public sealed class CardFileCache(CardDocuments documents, CardPrinter printer, IOptions<PortalOptions> options)
{
    /// <returns>The file's bytes; read from the cache when it holds them.</returns>
    public async Task<byte[]> GetAsync(PortalData data, Buurt buurt, PortalCulture culture, string extension)
    {
        var path = Path.Combine(options.Value.CardCachePath, data.Content.Version, $"{buurt.Code}-{culture.Code}-{CardSize.A6.Name}.{extension}");
        if (File.Exists(path))
        {
            return await File.ReadAllBytesAsync(path);
        }

        var html = await documents.PrintHtmlAsync([documents.Card(data, buurt, culture, CardSize.A6)]);
        var bytes = await printer.PrintAsync(html, async session => extension == "pdf"
            ? await session.PdfAsync(CardSize.A6)
            : (await session.PngsAsync(html, CardSize.A6, CardPrinter.PngDpi))[buurt.Code]);
        try
        {
            await AtomicFile.WriteAllBytesAsync(path, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full or read-only disk: the resident still gets the card, it is only printed again next time.
        }

        return bytes;
    }

    /// <summary>Removes files of other content versions: after a publish they can never be served again.</summary>
    public void Prune(string currentVersion)
    {
        if (!Directory.Exists(options.Value.CardCachePath))
        {
            return;
        }

        foreach (var folder in Directory.GetDirectories(options.Value.CardCachePath).Where(f => Path.GetFileName(f) != currentVersion))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
