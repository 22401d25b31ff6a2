using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Portal.Application.ContentPipeline;
using Portal.Application.OpenData;

namespace Portal.Web.Endpoints;

/// <summary>
/// /open-data/noodsteunpunten.geojson, .csv and dcat.jsonld: the same bytes as in the static export, made once per
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
            {
                var (file, since) = files.For(store.Current, path);
                http.Response.Headers.CacheControl = "no-cache";
                // Public data without credentials: partners' own web pages may read it.
                http.Response.Headers.AccessControlAllowOrigin = "*";
                return TypedResults.Bytes(file.Bytes, file.MediaType, lastModified: since, entityTag: new EntityTagHeaderValue(file.ETag));
            }).ExcludeFromDescription();
        }

        return app;
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
        var since = _versions.AddOrUpdate(path, _ => (file.ETag, time.GetUtcNow()),
            (_, known) => known.ETag == file.ETag ? known : (file.ETag, time.GetUtcNow())).Since;
        return (file, since);
    }
}
