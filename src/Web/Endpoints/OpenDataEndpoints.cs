using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Portal.Application.ContentPipeline;
using Portal.Application.OpenData;
using Portal.Application.OpenData.Cap;

namespace Portal.Web.Endpoints;

/// <summary>
/// /open-data/noodsteunpunten.geojson, .csv, dcat.jsonld and the CAP feed with its documents: the same bytes as in the static export, made once per
/// served data. ETag and Last-Modified let partners poll every few seconds for the price of a 304.
/// </summary>
public static class OpenDataEndpoints
{
    public static IServiceCollection AddOpenData(this IServiceCollection services) => services.AddSingleton<OpenDataFiles>();

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        foreach (var path in new[] { SupportPointOpenData.GeoJsonPath, SupportPointOpenData.CsvPath, SupportPointOpenData.CatalogPath })
        {
            app.MapGet(path, (HttpContext http, PortalDataStore store, OpenDataFiles files) =>
                Serve(http, files.For(store.Current, path))).ExcludeFromDescription();
        }

        // CAP 1.2: the feed, and each message at its own address for good (404 once it has left the ledger).
        app.MapGet(CapFeed.FeedPath, async (HttpContext http, PortalDataStore store, CapFeed cap, OpenDataFiles files, CancellationToken cancel) =>
            Serve(http, files.Versioned((await cap.FilesAsync(store.Current, cancel)).Feed))).ExcludeFromDescription();
        app.MapGet(CapFeed.DocumentFolder + "/{file}", async (string file, HttpContext http, PortalDataStore store, CapFeed cap, OpenDataFiles files, CancellationToken cancel) =>
            (await cap.FilesAsync(store.Current, cancel)).Documents.GetValueOrDefault($"{CapFeed.DocumentFolder}/{file}") is { } document
                ? Serve(http, files.Versioned(document))
                : Results.NotFound()).ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext http, (OpenDataFile File, DateTimeOffset Since) versioned)
    {
        http.Response.Headers.CacheControl = "no-cache";
        // Public data without credentials: partners' own web pages may read it.
        http.Response.Headers.AccessControlAllowOrigin = "*";
        return TypedResults.Bytes(versioned.File.Bytes, versioned.File.MediaType, lastModified: versioned.Since, entityTag: new EntityTagHeaderValue(versioned.File.ETag));
    }
}

/// <summary>The open-data files of the served data, and since when each has had its current bytes.</summary>
public sealed class OpenDataFiles(IOptions<PortalOptions> options, TimeProvider time)
{
    private readonly ConditionalWeakTable<PortalData, IReadOnlyList<OpenDataFile>> _made = [];
    private readonly ConcurrentDictionary<string, (string ETag, DateTimeOffset Since)> _versions = new(StringComparer.Ordinal);

    public (OpenDataFile File, DateTimeOffset Since) For(PortalData data, string path)
    {
        var file = _made.GetValue(data, d => SupportPointOpenData.Files(d, options.Value.PublicBaseUrl, options.Value.OpenDataLicense, time.GetUtcNow()))
            .Single(f => f.Path == path);
        return Versioned(file);
    }

    /// <summary>A file with the moment its path got these bytes: Last-Modified stays put while the bytes do.</summary>
    public (OpenDataFile File, DateTimeOffset Since) Versioned(OpenDataFile file)
    {
        var since = _versions.AddOrUpdate(file.Path, _ => (file.ETag, time.GetUtcNow()),
            (_, known) => known.ETag == file.ETag ? known : (file.ETag, time.GetUtcNow())).Since;
        return (file, since);
    }
}
