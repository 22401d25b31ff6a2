using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Portal.Application.ContentPipeline;
using Portal.Application.Deployment;
using Portal.Pages;

namespace Portal.Web.Hosting;

/// <summary>
/// An IServer that listens nowhere: the region host's Kestrel receives every request and hands a municipality's to its
/// site's request pipeline, as a fresh HttpContext over the same connection (the outer request is left as it was).
/// </summary>
public sealed class ForwardingServer : IServer
{
    private Func<IFeatureCollection, Task>? _handle;

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull
    {
        _handle = async features =>
        {
            var context = application.CreateContext(features);
            try
            {
                await application.ProcessRequestAsync(context);
                application.DisposeContext(context, null);
            }
            catch (Exception e)
            {
                application.DisposeContext(context, e);
                throw;
            }
        };
        return Task.CompletedTask;
    }

    public async Task HandleAsync(HttpContext outer, PathString pathBase, PathString path)
    {
        if (_handle is not { } handle)
        {
            outer.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        // The site sees its own path base and path on a request feature of its own; everything else (headers, body,
        // response, connection) is the connection's.
        var request = outer.Features.GetRequiredFeature<IHttpRequestFeature>();
        var features = new FeatureCollection(outer.Features);
        features.Set<IHttpRequestFeature>(new HttpRequestFeature
        {
            Protocol = request.Protocol,
            Scheme = request.Scheme,
            Method = request.Method,
            PathBase = request.PathBase + pathBase,
            Path = path,
            QueryString = request.QueryString,
            RawTarget = request.RawTarget,
            Headers = request.Headers,
            Body = request.Body,
        });
        await handle(features);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}
