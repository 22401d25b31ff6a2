using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Portal.Application.ContentPipeline;
using Portal.Cards;

namespace Portal.Application.CardPrinting;

/// <summary>A print document loaded in Chromium whose text has been checked to fit; print it, or load the next one.</summary>
public sealed class PrintSession(ChromiumCardRenderer chromium, LoadedCards page)
{
    public async Task<byte[]> PdfAsync(CardSize size) => PdfPageBoxes.Correct(await page.PdfAsync(), size);

    /// <summary>Loads another document on the same page (same cards in another arrangement: already checked).</summary>
    public Task SetAsync(string html) => page.SetAsync(html);

    public Task<IReadOnlyDictionary<string, byte[]>> PngsAsync(string html, CardSize size, int dpi) => chromium.PngsAsync(html, size, dpi);
}

/// <summary>
/// The one way cards are printed, for the web downloads, the print run and the static export alike: Chromium is started
/// on first use and replaced when it has died; every document is checked for text that does not fit before anything is
/// printed (a clipped card is an error, never a file); PDF page boxes are corrected. One document at a time: on two
/// cores, one browser page printing in turn is faster than several competing.
/// </summary>
public sealed partial class CardPrinter(IOptions<PortalOptions> options, PortalMetrics metrics, ILogger<CardPrinter> logger) : IAsyncDisposable
{
    public const int PngDpi = 300;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private ChromiumCardRenderer? _chromium;
    private LoadedCards? _page;

    public string Executable => options.Value.ChromiumPath;

    /// <summary>Fails at once, with how to fix it, rather than after work that needs Chromium has begun.</summary>
    public void EnsureInstalled() => ChromiumCardRenderer.EnsureInstalled(Executable);

    /// <summary>Loads the document, refuses it when a text overflows its box, then lets <paramref name="work"/> print it.</summary>
    public async Task<T> PrintAsync<T>(string html, Func<PrintSession, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    var (chromium, page) = await OpenAsync();
                    await page.SetAsync(html);
                    var overflows = await page.OverflowsAsync();
                    if (overflows.Count > 0)
                    {
                        throw new CardOverflowException(overflows);
                    }

                    var printed = await work(new PrintSession(chromium, page));
                    metrics.CardPrinted();
                    return printed;
                }
                catch (PlaywrightException e) when (attempt == 0)
                {
                    // The browser crashed or was killed: start a new one and try once more.
                    LogBrowserReplaced(logger, e.Message);
                    await CloseAsync();
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Starts Chromium and opens its page ahead of the first print, e.g. while content is read. A failure here
    /// is left to the first print, which starts again and reports it.</summary>
    public async Task WarmUpAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await OpenAsync();
        }
        catch (Exception e) when (e is PlaywrightException or FileNotFoundException or InvalidOperationException)
        {
            LogBrowserReplaced(logger, e.Message);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<byte[]> PdfAsync(string html, CardSize size) => PrintAsync(html, session => session.PdfAsync(size));

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await CloseAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(ChromiumCardRenderer, LoadedCards)> OpenAsync()
    {
        if (_chromium is { IsConnected: false })
        {
            await CloseAsync();
        }

        _chromium ??= await ChromiumCardRenderer.StartAsync(Executable);
        _page ??= await _chromium.LoadAsync("<!DOCTYPE html><title>-</title>");
        return (_chromium, _page);
    }

    private async Task CloseAsync()
    {
        if (_page is not null)
        {
            try
            {
                await _page.DisposeAsync();
            }
            catch (PlaywrightException)
            {
                // The page went with its browser.
            }
        }

        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        (_page, _chromium) = (null, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chromium stopped answering ({Reason}); starting a new one")]
    private static partial void LogBrowserReplaced(ILogger logger, string reason);
}
