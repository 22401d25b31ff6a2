using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Portal.Application.ContentPipeline;
using Portal.Application.Deployment;
using Portal.Pages;

namespace Portal.Web.Hosting;

/// <summary>
/// A municipality's site inside a region deployment: the whole single-municipality portal (its own services, content,
/// statuses, search, cards, static site, health) built from its configuration, answering the requests the region host
/// hands it. Nothing is shared with another municipality but the process, so one site's broken content or failed
/// publish cannot hold back another's.
/// </summary>
public sealed class MunicipalityHost(Municipality municipality, WebApplication app, ForwardingServer server) : IAsyncDisposable
{
    public Municipality Municipality { get; } = municipality;

    public IServiceProvider Services => app.Services;

    /// <summary>Null until started; then what the start served, or why nothing could be.</summary>
    public ContentLoad? Start { get; private set; }

    public bool IsServing => Start?.Data is not null;

    /// <summary>Reads its content (as `portal serve` does for one municipality) and starts its background work.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var load = app.Services.GetRequiredService<ContentSources>().StartServing();
        Start = load;
        if (load.Data is null)
        {
            return;
        }

        _ = app.Services.GetRequiredService<Portal.Application.Publishing.ContentPublisher>().Started(load.Data);
        app.UsePortal();
        await app.StartAsync(cancellationToken);
    }

    /// <summary>Answers a request under a path base ("/wijchen", or "" for its own host name).</summary>
    public Task HandleAsync(HttpContext context, PathString pathBase, PathString path) =>
        server.HandleAsync(context, pathBase, path);

    public async ValueTask DisposeAsync()
    {
        if (IsServing)
        {
            await app.StopAsync();
        }

        await app.DisposeAsync();
    }
}
