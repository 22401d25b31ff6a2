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

/// <summary>Every municipality's site of the deployment, found by host name or by path prefix.</summary>
public sealed class RegionSites(RegionDeployment deployment, IReadOnlyList<MunicipalityHost> hosts) : IAsyncDisposable
{
    public RegionDeployment Deployment { get; } = deployment;

    public IReadOnlyList<MunicipalityHost> Hosts { get; } = hosts;

    public static RegionDirectory DirectoryOf(RegionDeployment deployment, string regionBaseUrl) =>
        new(deployment.Name, [.. deployment.Municipalities.Select(m => new MunicipalitySite(m.Code, m.Name, m.Slug))], regionBaseUrl);

    public MunicipalityHost? ByHost(string host) =>
        Hosts.FirstOrDefault(h => h.Municipality.Hosts.Contains(host, StringComparer.OrdinalIgnoreCase));

    /// <summary>The site whose prefix the path starts with ("/wijchen" or "/wijchen/…"), with the rest of the path.</summary>
    public (MunicipalityHost Host, PathString Prefix, PathString Remainder)? ByPath(PathString path)
    {
        foreach (var host in Hosts)
        {
            var prefix = new PathString("/" + host.Municipality.Slug);
            if (path.StartsWithSegments(prefix, out var rest))
            {
                return (host, prefix, rest.HasValue ? rest : new PathString("/"));
            }
        }

        return null;
    }

    /// <summary>Builds every municipality's site from the region's configuration and its own settings; none started yet.</summary>
    /// <param name="baseSources">The region host's configuration as given (appsettings, environment, arguments, a test's
    /// settings), without the region site's own settings: every municipality starts from it.</param>
    /// <param name="printer">The region host's card printer: one Chromium prints every municipality's cards, one
    /// document at a time (sixteen browsers would each hold a few hundred megabytes for the odd card download).</param>
    public static RegionSites Build(RegionDeployment deployment, IReadOnlyList<IConfigurationSource> baseSources, PortalOptions region,
        string snapshotPath, Portal.Application.CardPrinting.CardPrinter printer, Action<IServiceCollection>? configure)
    {
        var hosts = new List<MunicipalityHost>();
        foreach (var municipality in deployment.Municipalities)
        {
            // Its configuration is the region host's (below): its own appsettings watcher would only cost an inotify instance.
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                ContentRootPath = AppContext.BaseDirectory,
                Args = ["--hostBuilder:reloadConfigOnChange=false"],
            });
            var sources = ((IConfigurationBuilder)builder.Configuration).Sources;
            sources.Clear();
            foreach (var source in baseSources)
            {
                sources.Add(source);
            }

            builder.Configuration.AddInMemoryCollection(deployment.SettingsFor(municipality, region, snapshotPath));
            // The region host logs starting and stopping once for all.
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
            builder.AddPortalWeb();
            builder.Services.AddSingleton(DirectoryOf(deployment, region.PublicBaseUrl.ToString()) with { Current = municipality.Slug });
            builder.Services.AddSingleton(printer);
            configure?.Invoke(builder.Services);
            var server = new ForwardingServer();
            builder.Services.AddSingleton<IServer>(server);
            hosts.Add(new MunicipalityHost(municipality, builder.Build(), server));
        }

        return new RegionSites(deployment, hosts);
    }

    /// <summary>Every site's settings, by the same check as a single municipality's start (said, with the site, when wrong).</summary>
    public bool SettingsAreValid(Cli.VerbContext verb) =>
        Hosts.All(host => verb.SettingsAreValid(host.Services, $"serve ({host.Municipality.Slug})"));

    /// <summary>Starts every site side by side; a site that cannot serve is reported and answers 503, the others serve.</summary>
    public async Task StartAsync(Cli.VerbContext verb, CancellationToken cancellationToken)
    {
        await Task.WhenAll(Hosts.Select(host => Task.Run(() => host.StartAsync(cancellationToken), cancellationToken)));
        foreach (var host in Hosts.Where(h => !h.IsServing))
        {
            verb.Error.WriteLine($"portal serve: {host.Municipality.Name} ({host.Municipality.Slug}) is not served: {host.Start?.Summary}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Hosts)
        {
            await host.DisposeAsync();
        }
    }
}

public static class RegionRouting
{
    /// <summary>First in the region host's pipeline: a municipality's host name or prefix goes to its site.</summary>
    public static IApplicationBuilder UseRegionSites(this IApplicationBuilder app, RegionSites sites) =>
        app.Use(async (context, next) =>
        {
            if (sites.ByHost(context.Request.Host.Host) is { } byHost)
            {
                await Dispatch(context, byHost, PathString.Empty, context.Request.Path);
            }
            else if (sites.ByPath(context.Request.Path) is { } byPath)
            {
                await Dispatch(context, byPath.Host, byPath.Prefix, byPath.Remainder);
            }
            else
            {
                await next(context);
            }
        });

    private static async Task Dispatch(HttpContext context, MunicipalityHost host, PathString prefix, PathString rest)
    {
        if (!host.IsServing)
        {
            // Its content could not be served at start: say so, plainly; the region and the other municipalities serve.
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain; charset=utf-8";
            context.Response.Headers.RetryAfter = "60";
            await context.Response.WriteAsync($"De site van {host.Municipality.Name} is nu niet beschikbaar. Bel in nood 112. Kijk op de site van de regio: /");
            return;
        }

        await host.HandleAsync(context, prefix, rest);
    }
}

/// <summary>Where the region host keeps its sites: registered before the host is built, filled once it is.</summary>
public sealed class RegionSlot
{
    public RegionSites? Sites { get; set; }

    public RegionDirectory? Directory { get; set; }

    public RegionDeployment? Deployment { get; set; }

    public Portal.Application.Umbraco.UmbracoSiteQueues? SiteQueues { get; set; }
}

/// <summary>
/// Reads the deployment when one is configured and sets the region host up for it. It runs after the host is built,
/// on the configuration as the host got it (a test host's settings included), so every site starts from the same.
/// </summary>
public static class RegionHosting
{
    /// <summary>Before the build: the services a region host has (null for a single municipality).</summary>
    public static RegionSlot Register(WebApplicationBuilder builder)
    {
        var slot = new RegionSlot();
        builder.Services.AddSingleton(slot);
        builder.Services.AddSingleton(_ => slot.Sites!);
        builder.Services.AddSingleton(_ => slot.Directory!);
        builder.Services.AddSingleton(_ => slot.Deployment!);
        builder.Services.AddSingleton(_ => slot.SiteQueues!);
        return slot;
    }

    /// <summary>After the build: the region site's settings and every municipality's site; the problems when the deployment is wrong.</summary>
    public static IReadOnlyList<string> Prepare(WebApplication app, RegionSlot slot, Action<IServiceCollection>? configure)
    {
        if (app.Configuration["Portal:Deployment"] is not { Length: > 0 } name)
        {
            return [];
        }

        var configuration = (IConfigurationBuilder)app.Configuration;
        var baseSources = configuration.Sources.ToList();
        var region = app.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        var (deployment, problems) = RegionDeployment.Load(name, region.ContentPath);
        if (deployment is null)
        {
            return problems;
        }

        var snapshot = app.Configuration["Portal:Umbraco:SnapshotPath"] ?? new Portal.Content.Umbraco.UmbracoOptions().SnapshotPath;
        configuration.AddInMemoryCollection(deployment.SettingsForRegion(region, snapshot));
        slot.Deployment = deployment;
        slot.Directory = RegionSites.DirectoryOf(deployment, region.PublicBaseUrl.ToString());
        slot.Sites = RegionSites.Build(deployment, baseSources, region, snapshot,
            app.Services.GetRequiredService<Portal.Application.CardPrinting.CardPrinter>(), configure);
        // Umbraco's one webhook address is the region host's: it hands every id to each municipality's sync as well.
        slot.SiteQueues = new Portal.Application.Umbraco.UmbracoSiteQueues(
            [.. slot.Sites.Hosts.Select(host => host.Services.GetRequiredService<Portal.Application.Umbraco.UmbracoRefreshQueue>())]);
        return [];
    }
}
