using Microsoft.Extensions.Options;
using Portal.Cards;
using Portal.Content.Cultures;
using Portal.Web.Hosting;

namespace Portal.Web.Cards;

/// <summary>
/// Serves /kaart/{code}.pdf and .png: rendered once per content version, language and buurt, kept on disk, so a
/// thousand downloads cost one render. One Chromium is started on first use and shared.
/// </summary>
public sealed class CardFileCache(CardDocuments documents, IOptions<PortalOptions> options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ChromiumCardRenderer? _chromium;

    public async Task<string> GetAsync(PortalData data, Portal.Places.Buurt buurt, PortalCulture culture, string extension)
    {
        var folder = Path.Combine(options.Value.CardCachePath, data.Content.Version);
        var path = Path.Combine(folder, $"{buurt.Code}-{culture.Code}-{CardSize.A6.Name}.{extension}");
        if (File.Exists(path))
        {
            return path;
        }

        await _gate.WaitAsync();
        try
        {
            if (File.Exists(path))
            {
                return path;
            }

            _chromium ??= await ChromiumCardRenderer.StartAsync(options.Value.ChromiumPath);
            var card = documents.Card(data, buurt, culture, CardSize.A6);
            var html = await documents.PrintHtmlAsync([card], sheets: false);
            byte[] bytes;
            await using (var loaded = await _chromium.LoadAsync(html))
            {
                var overflows = await loaded.OverflowsAsync();
                if (overflows.Count > 0)
                {
                    throw new CardOverflowException(overflows);
                }

                bytes = extension == "pdf"
                    ? PdfPageBoxes.Correct(await loaded.PdfAsync(), CardSize.A6)
                    : (await _chromium.PngsAsync(html, CardSize.A6, CardBatch.PngDpi))[buurt.Code];
            }
            await Portal.Content.Files.AtomicFile.WriteAllBytesAsync(path, bytes);
            return path;
        }
        finally
        {
            _gate.Release();
        }
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

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }
    }
}
