using Microsoft.Extensions.Options;
using Portal.Web.Cli;
using Portal.Web.Hosting;

namespace Portal.Web.Cards;

/// <summary>After a publish, re-export the static fallback site when Portal:StaticOutputPath is set.</summary>
public sealed partial class StaticSitePublishedHandler(IOptions<PortalOptions> options, ILogger<StaticSitePublishedHandler> logger) : IContentPublishedHandler
{
    public async Task ContentPublishedAsync(PortalData data, CancellationToken cancellationToken)
    {
        if (options.Value.StaticOutputPath is not { Length: > 0 } output)
        {
            return;
        }

        var result = await ExportStaticCommand.ExportAsync(data, options.Value, output, null, withPdf: true, TextWriter.Null);
        LogExported(logger, result.Pages, result.Folder, data.Content.Version);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-exported the static site: {Pages} pages in {Folder} for content version {Version}")]
    private static partial void LogExported(ILogger logger, int pages, string folder, string version);
}
