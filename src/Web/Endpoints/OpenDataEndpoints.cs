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
    private static readonly ConditionalWeakTable<PortalData, IReadOnlyList<OpenDataFile>> Made = [];

    /// <summary>Per path: the tag of the bytes last served and since when they are unchanged.</summary>
    private static readonly ConcurrentDictionary<string, (string ETag, DateTimeOffset Since)> Versions = new(StringComparer.Ordinal);

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        foreach (var path in new[] { SupportPointOpenData.GeoJsonPath, SupportPointOpenData.CsvPath, SupportPointOpenData.CatalogPath })
        {
            app.MapGet(path, (HttpContext http, PortalDataStore store, IOptions<PortalOptions> options, TimeProvider time) =>
            {
                var data = store.Current;
                var file = Made.GetValue(data, d => SupportPointOpenData.Files(d, options.Value.PublicBaseUrl, options.Value.OpenDataLicense, time.GetUtcNow()))
                    .Single(f => f.Path == path);
                var since = Versions.AddOrUpdate(path, _ => (file.ETag, time.GetUtcNow()),
                    (_, known) => known.ETag == file.ETag ? known : (file.ETag, time.GetUtcNow())).Since;
                http.Response.Headers.CacheControl = "no-cache";
                http.Response.Headers.AccessControlAllowOrigin = "*";
                return TypedResults.Bytes(file.Bytes, file.MediaType, lastModified: since, entityTag: new EntityTagHeaderValue(file.ETag));
            }).ExcludeFromDescription();
        }

        return app;
    }
}
