using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Application.CardPrinting;
using Portal.Application.ContentPipeline;
using Portal.Application.StaticSite;
using Portal.Cards;

namespace Portal.Application.Publishing;

/// <summary>
/// What new content triggers once it is served: the card download cache drops the old version, and the print run and
/// the static fallback site are rebuilt where they are configured. A failure is reported on /health and logged; it
/// never takes back the content just published, and the next publish clears it. The work runs in the background, one
/// rebuild at a time; publishes that arrive meanwhile are folded into one rebuild of the newest content.
/// </summary>
public sealed partial class ContentPublisher(
    CardFileCache cardCache,
    CardPrinter printer,
    CardDocuments documents,
    StaticSitePublisher staticSite,
    ContentSourceStatus status,
    IOptions<PortalOptions> options,
    ILogger<ContentPublisher> logger)
{
    private readonly Lock _gate = new();
    private PortalData? _pending;
    private Task _running = Task.CompletedTask;
    private bool _draining;

    /// <summary>Schedules the rebuild for newly served data and returns at once; the task completes when it is done.</summary>
    public Task Published(PortalData data)
    {
        lock (_gate)
        {
            _pending = data;
            if (!_draining)
            {
                _draining = true;
                _running = Task.Run(DrainAsync);
            }

            return _running;
        }
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            PortalData next;
            lock (_gate)
            {
                if (_pending is null)
                {
                    _draining = false;
                    return;
                }

                (next, _pending) = (_pending, null);
            }

            await RebuildAsync(next);
        }
    }

    private async Task RebuildAsync(PortalData data)
    {
        await RunAsync("card cache", () =>
        {
            cardCache.Prune(data.Content.Version);
            return Task.CompletedTask;
        });
        if (options.Value.CardOutputPath is { Length: > 0 } cards)
        {
            await RunAsync("print run", async () =>
            {
                var result = await new CardBatch(printer, documents, TextWriter.Null)
                    .RunAsync(documents.All(data, data.Cultures.Default, CardSize.A6), cards, pdf: true, png: true, data.Content.Version);
                LogDone(logger, "print run", $"{result.Cards} cards in {result.Folder}", data.Content.Version);
            });
        }

        if (options.Value.StaticOutputPath is { Length: > 0 } site)
        {
            await RunAsync("static site", async () =>
            {
                var result = await staticSite.ExportAsync(data, site, null, withPdf: true, TextWriter.Null);
                LogDone(logger, "static site", $"{result.Pages} pages in {result.Folder}", data.Content.Version);
            });
        }
    }

    private async Task RunAsync(string what, Func<Task> work)
    {
        var area = $"publishing {what}";
        try
        {
            await work();
            status.Succeeded(area);
        }
        catch (Exception e)
        {
            var lines = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var message = string.Join(" ", lines.Take(4)) + (lines.Length > 4 ? $" … and {lines.Length - 4} more" : "");
            status.Failed(area, $"{message}; the previous output was left as it was");
            LogFailed(logger, what, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt the {What}: {Result} for content version {Version}")]
    private static partial void LogDone(ILogger logger, string what, string result, string version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuild after publish failed: {What}")]
    private static partial void LogFailed(ILogger logger, string what, Exception exception);
}
