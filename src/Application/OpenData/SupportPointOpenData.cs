using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Portal.Application.ContentPipeline;
using Portal.Content.Routing;
using Portal.Places;
using Portal.Places.Catalog;

namespace Portal.Application.OpenData;

/// <summary>One open-data file: its stable path, media type and bytes.</summary>
public sealed record OpenDataFile(string Path, string MediaType, byte[] Bytes)
{
    /// <summary>A strong validator for conditional requests: the same bytes give the same tag on every instance.</summary>
    public string ETag { get; } = $"\"{Convert.ToHexStringLower(SHA256.HashData(Bytes))[..16]}\"";
}

/// <summary>
/// The support points with their live status as open data for partners (local radio, news sites, apps): GeoJSON
/// (RFC 7946, WGS84 longitude/latitude), CSV, and a DCAT-AP-DONL description of both, at the same stable paths on the
/// live site and in the static export.
/// </summary>
public static class SupportPointOpenData
{
    public const string Folder = "/open-data";
    public const string GeoJsonPath = Folder + "/noodsteunpunten.geojson";
    public const string CsvPath = Folder + "/noodsteunpunten.csv";
    public const string CatalogPath = Folder + "/dcat.jsonld";

    /// <summary>The CAP 1.2 feed (made by Cap.CapFeed), listed in the catalogue beside the point files.</summary>
    public const string CapFeedPath = Folder + "/cap.atom";

    /// <summary>Creative Commons Zero, the Dutch government's default for open data; Portal:OpenDataLicense overrides it.</summary>
    public const string DefaultLicense = "http://creativecommons.org/publicdomain/zero/1.0/deed.nl";

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public static IReadOnlyList<OpenDataFile> Files(PortalData data, Uri publicBaseUrl, string license, DateTimeOffset now)
    {
        var rows = data.Places.SupportPoints.Select(p => Row(p, data, publicBaseUrl)).ToList();
        return
        [
            new(GeoJsonPath, "application/geo+json", GeoJsonOf(data.Places.SupportPoints, rows)),
            new(CsvPath, "text/csv; charset=utf-8", CsvOf(rows, data)),
            new(CatalogPath, "application/ld+json", Catalog(data, publicBaseUrl, license, now)),
        ];
    }

    /// <summary>One point as flat fields, the same in both formats.</summary>
    private static Dictionary<string, object?> Row(SupportPoint point, PortalData data, Uri baseUrl)
    {
        var status = point.Status;
        var row = new Dictionary<string, object?>
        {
            ["slug"] = point.Slug,
            ["name"] = point.Name,
            ["kind"] = KebabCase.Of(point.Kind),
            ["street"] = point.Address.Street,
            ["house_number"] = point.Address.HouseNumber,
            ["postcode"] = point.Address.Postcode,
            ["city"] = point.Address.City,
            ["services"] = string.Join(';', point.Services.Select(KebabCase.Of)),
            ["status"] = KebabCase.Of(status.State),
            ["takes_visitors"] = status.TakesVisitors,
            ["services_now"] = status.ServicesNow is { } now ? string.Join(';', now.Select(KebabCase.Of)) : null,
            ["go_instead"] = data.Places.GoInstead(point)?.Slug,
            ["status_changed"] = status.ChangedAt?.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
            ["status_checked"] = status.CheckedAt?.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
            ["buurten"] = string.Join(';', data.Places.BuurtenServedBy(point).Select(b => b.Code)),
            ["example"] = point.IsExample,
            ["url"] = new Uri(baseUrl, SitePaths.SupportPoint(point.Slug).TrimStart('/')).ToString(),
        };
        foreach (var culture in data.Cultures.All)
        {
            row[$"message_{culture.Code}"] = status.Messages.GetValueOrDefault(culture.Code);
        }

        return row;
    }

    private static byte[] GeoJsonOf(IReadOnlyList<SupportPoint> points, List<Dictionary<string, object?>> rows)
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var collection = new FeatureCollection();
        for (var i = 0; i < points.Count; i++)
        {
            // RFC 7946: longitude first; seven decimals is centimetres, more than a building needs.
            var location = new Coordinate(Math.Round(points[i].Location.Longitude, 7), Math.Round(points[i].Location.Latitude, 7));
            collection.Add(new Feature(factory.CreatePoint(location), new AttributesTable(rows[i].Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!))));
        }

        return JsonSerializer.SerializeToUtf8Bytes(collection, GeoJson);
    }

    private static byte[] CsvOf(List<Dictionary<string, object?>> rows, PortalData data)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = SpreadsheetCsv.Writer(text))
        {
            var columns = rows.FirstOrDefault()?.Keys.ToList() ?? [];
            foreach (var column in columns)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var column in columns)
                {
                    csv.WriteField(row[column] switch { bool b => b ? "true" : "false", var v => v?.ToString() ?? "" });
                }

                csv.NextRecord();
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// DCAT-AP-DONL 1.1 (data.overheid.nl's profile) as JSON-LD: one dataset, two distributions, the municipality as
    /// authority and publisher, values from the profile's value lists.
    /// </summary>
    private static byte[] Catalog(PortalData data, Uri baseUrl, string license, DateTimeOffset now)
    {
        string Url(string path) => new Uri(baseUrl, path.TrimStart('/')).ToString();
        var municipality = data.Content.Settings.MunicipalityName;
        var organisation = $"http://standaarden.overheid.nl/owms/terms/{municipality.Replace(' ', '_')}_(gemeente)";
        var modified = data.Places.SupportPoints.Select(p => p.Status.LastConfirmedAt).Max() ?? now;
        JsonObject Distribution(string path, string title, string format, string mediaType) => new()
        {
            ["@id"] = Url(path),
            ["@type"] = "dcat:Distribution",
            ["dct:title"] = title,
            ["dcat:accessURL"] = new JsonObject { ["@id"] = Url(path) },
            ["dcat:downloadURL"] = new JsonObject { ["@id"] = Url(path) },
            ["dct:format"] = new JsonObject { ["@id"] = $"http://publications.europa.eu/resource/authority/file-type/{format}" },
            ["dcat:mediaType"] = $"https://www.iana.org/assignments/media-types/{mediaType}",
            ["dct:license"] = new JsonObject { ["@id"] = license },
            ["dct:language"] = new JsonObject { ["@id"] = "http://publications.europa.eu/resource/authority/language/NLD" },
            ["overheidds:distributionType"] = new JsonObject { ["@id"] = "https://data.overheid.nl/distributiontype/download" },
        };
        var catalog = new JsonObject
        {
            ["@context"] = new JsonObject
            {
                ["dcat"] = "http://www.w3.org/ns/dcat#",
                ["dct"] = "http://purl.org/dc/terms/",
                ["vcard"] = "http://www.w3.org/2006/vcard/ns#",
                ["overheidds"] = "http://standaarden.overheid.nl/owms/terms/ds#",
                ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
            },
            ["@id"] = Url(CatalogPath),
            ["@type"] = "dcat:Catalog",
            ["dct:title"] = $"Open data noodsteunpunten {municipality}",
            ["dct:publisher"] = new JsonObject { ["@id"] = organisation },
            ["dcat:dataset"] = new JsonObject
            {
                ["@id"] = Url(Folder + "/noodsteunpunten"),
                ["@type"] = "dcat:Dataset",
                ["dct:identifier"] = Url(Folder + "/noodsteunpunten"),
                ["dct:title"] = $"Noodsteunpunten {municipality} met actuele status",
                ["dct:description"] = $"De noodsteunpunten van de gemeente {municipality}: adres, ligging (WGS84), voorzieningen, de buurten die ze bedienen en hun status nu (stand-by, open, vol of gesloten), wat er nu beschikbaar is, het bericht van de gemeente en waar bewoners heen moeten als een punt vol of gesloten is. Tijdens een crisis binnen seconden bijgewerkt.",
                ["dct:language"] = new JsonObject { ["@id"] = "http://publications.europa.eu/resource/authority/language/NLD" },
                ["dct:license"] = new JsonObject { ["@id"] = license },
                ["overheidds:authority"] = new JsonObject { ["@id"] = organisation },
                ["dct:publisher"] = new JsonObject { ["@id"] = organisation },
                ["dcat:contactPoint"] = new JsonObject
                {
                    ["@type"] = "vcard:Organization",
                    ["vcard:fn"] = $"Gemeente {municipality}",
                    ["vcard:hasTelephone"] = data.Content.Settings.MunicipalityNumber,
                    ["vcard:hasURL"] = new JsonObject { ["@id"] = baseUrl.ToString() },
                },
                ["dcat:theme"] = new JsonObject { ["@id"] = "http://standaarden.overheid.nl/owms/terms/Openbare_orde_en_veiligheid" },
                ["dcat:keyword"] = new JsonArray("noodsteunpunt", "crisis", "stroomstoring", "Denk Vooruit"),
                ["dct:accessRights"] = new JsonObject { ["@id"] = "http://publications.europa.eu/resource/authority/access-right/PUBLIC" },
                ["overheidds:datasetStatus"] = new JsonObject { ["@id"] = "http://data.overheid.nl/status/beschikbaar" },
                ["overheidds:metadataLanguage"] = new JsonObject { ["@id"] = "http://publications.europa.eu/resource/authority/language/NLD" },
                ["dct:accrualPeriodicity"] = new JsonObject { ["@id"] = "http://publications.europa.eu/resource/authority/frequency/CONT" },
                ["dct:spatial"] = new JsonObject { ["@id"] = organisation },
                ["dct:modified"] = new JsonObject
                {
                    ["@value"] = modified.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
                    ["@type"] = "xsd:dateTime",
                },
                ["dcat:landingPage"] = new JsonObject { ["@id"] = Url(SitePaths.SupportPoints) },
                ["dcat:distribution"] = new JsonArray(
                    Distribution(GeoJsonPath, "Noodsteunpunten (GeoJSON, RFC 7946)", "GEOJSON", "application/geo+json"),
                    Distribution(CsvPath, "Noodsteunpunten (CSV)", "CSV", "text/csv"),
                    Distribution(CapFeedPath, "Waarschuwingen en status van noodsteunpunten (CAP 1.2 in een Atom-feed)", "ATOM", "application/atom+xml")),
            },
        };
        return Encoding.UTF8.GetBytes(catalog.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
