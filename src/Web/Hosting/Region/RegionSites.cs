using Microsoft.AspNetCore.Hosting.Server;
using Portal.Application.ContentPipeline;
using Portal.Application.Deployment;
using Portal.Pages;

namespace Portal.Web.Hosting;

/// <summary>Every municipality's site of the deployment, found by host name or by path prefix.</summary>
public sealed class RegionSites(RegionDeployment deployment, IReadOnlyList<MunicipalityHost> hosts) : IAsyncDisposable
{
    public RegionDeployment Deployment { get; } = deployment;

    public IReadOnlyList<MunicipalityHost> Hosts { get; } = hosts;

    public static RegionDirectory DirectoryOf(RegionDeployment deployment, string regionBaseUrl) =>
        new(deployment.Name, [.. deployment.Municipalities.Select(m => new MunicipalitySite(m.Code, m.Name, m.Slug))], regionBaseUrl);

    // Found per request: looked up once by name, not searched (a region-wide request would otherwise try every site).
    private readonly Dictionary<string, MunicipalityHost> _byHost = FirstByKey(
        hosts.SelectMany(host => host.Municipality.Hosts.Select(name => (name, host))));

    private readonly Dictionary<string, (MunicipalityHost Host, PathString Prefix)> _bySlug = FirstByKey(
        hosts.Select(host => (host.Municipality.Slug, (host, new PathString("/" + host.Municipality.Slug)))));

    public MunicipalityHost? ByHost(string host) => _byHost.GetValueOrDefault(host);

    /// <summary>The site whose prefix the path starts with ("/wijchen" or "/wijchen/…"), with the rest of the path.</summary>
    public (MunicipalityHost Host, PathString Prefix, PathString Remainder)? ByPath(PathString path)
    {
        var value = path.Value.AsSpan();
        if (value.Length < 2 || value[0] != '/')
        {
            return null;
        }

        var end = value[1..].IndexOf('/');
        var segment = end < 0 ? value[1..] : value[1..(end + 1)];
        if (!_bySlug.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(segment, out var site))
        {
            return null;
        }

        // "/wijchen" is the site's home, as "/wijchen/" is.
        return (site.Host, site.Prefix, end < 0 ? new PathString("/") : new PathString(path.Value![(end + 1)..]));
    }

    /// <summary>Names and prefixes as the address has them, in any case; where two sites claim one, the first keeps it.</summary>
    private static Dictionary<string, T> FirstByKey<T>(IEnumerable<(string Key, T Value)> pairs)
    {
        var found = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pairs)
        {
            found.TryAdd(key, value);
        }

        return found;
    }

    /// <summary>Builds every municipality's site from the region's configuration and its own settings; none started yet.</summary>
    /// <param name="baseSources">The region host's configuration as given (appsettings, environment, arguments, a test's
    /// settings), without the region site's own settings: every municipality starts from it.</param>
    /// <param name="printer">The region host's card printer: one Chromium prints every municipality's cards, one
    /// document at a time (sixteen browsers would each hold a few hundred megabytes for the odd card download).</param>
    /// <param name="turns">The region's: every site's full static exports and print runs take turns with all the others'.</param>
    /// <param name="regionStore">The region site's data: a municipality's lookup shows the open points across its border.</param>
    public static RegionSites Build(RegionDeployment deployment, IReadOnlyList<IConfigurationSource> baseSources, PortalOptions region,
        string snapshotPath, Portal.Application.CardPrinting.CardPrinter printer, Portal.Application.Publishing.RebuildTurns turns, PortalDataStore regionStore,
        Action<IServiceCollection>? configure)
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
            // The region host logs starting and stopping once for all, and every request once, with its whole path: a
            // site that logged its requests again would also start a second activity and log scope per request.
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
            builder.AddPortalWeb();
            var code = municipality.Code;
            builder.Services.AddSingleton(DirectoryOf(deployment, region.PublicBaseUrl.ToString()) with
            {
                Current = municipality.Slug,
                // The region site's data holds every municipality's points with their statuses: the neighbours' open ones.
                OpenElsewhere = from => regionStore.IsLoaded
                    ? [.. regionStore.Current.Places.TakingVisitorsNearest(from).Where(x => x.Point.MunicipalityCode is { } owner && owner != code)]
                    : [],
            });
            builder.Services.AddSingleton(printer);
            builder.Services.AddSingleton(turns);
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
