using Microsoft.Extensions.Options;
using Portal.Cards;
using Portal.Web.Hosting;

namespace Portal.Web.Cards;

/// <summary>After a publish: drop cached card files of the old content, and rebuild the print run when one is configured.</summary>
public sealed partial class CardsPublishedHandler(CardFileCache cache, CardDocuments documents, IOptions<PortalOptions> options,
    ILogger<CardsPublishedHandler> logger) : IContentPublishedHandler
{
    public async Task ContentPublishedAsync(PortalData data, CancellationToken cancellationToken)
    {
        cache.Prune(data.Content.Version);
        if (options.Value.CardOutputPath is not { Length: > 0 } output)
        {
            return;
        }

        await using var chromium = await ChromiumCardRenderer.StartAsync(options.Value.ChromiumPath);
        var batch = new CardBatch(chromium, documents.PrintHtmlAsync, TextWriter.Null);
        var result = await batch.RunAsync(documents.All(data, data.Cultures.Default, CardSize.A6), output, pdf: true, png: true, data.Content.Version);
        LogRebuilt(logger, result.Cards, result.Folder, data.Content.Version);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt {Cards} cards in {Folder} for content version {Version}")]
    private static partial void LogRebuilt(ILogger logger, int cards, string folder, string version);
}
