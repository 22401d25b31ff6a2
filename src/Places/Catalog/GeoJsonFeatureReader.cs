using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Portal.Places.Catalog;

/// <summary>A GeoJSON feature whose geometry parsed; properties are left to the caller to validate.</summary>
internal sealed record GeoJsonFeature(int Number, JsonElement Properties, Geometry Geometry);

/// <summary>
/// Reads polygon features from a GeoJSON FeatureCollection: NetTopologySuite.IO.GeoJSON4STJ builds each feature's
/// geometry, one feature at a time, so one broken feature is reported and the others still read. When it refuses a
/// geometry, <see cref="GeoJsonDiagnosis"/> says where (ring and position) in words an officer can act on.
/// </summary>
internal static class GeoJsonFeatureReader
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory(Factory) } };

    /// <param name="declaredIds">Receives every feature's id, also of features whose geometry is invalid.</param>
    /// <param name="include">Which ids to read (a municipality's rows of a region file); the others are skipped unparsed.</param>
    public static IReadOnlyList<GeoJsonFeature> ReadPolygons(string path, ProblemCollector problems, string idProperty, ISet<string>? declaredIds = null,
        Func<string, bool>? include = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            problems.Add($"line {e.LineNumber + 1}", "", $"not valid JSON: {e.Message}");
            return [];
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                problems.Add("top level", "features", "expected a FeatureCollection with a 'features' array");
                return [];
            }

            var result = new List<GeoJsonFeature>();
            var number = 0;
            foreach (var feature in features.EnumerateArray())
            {
                number++;
                var properties = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p.Clone() : default;
                var id = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(idProperty, out var idValue) ? idValue.ToString() : "?";
                if (include is not null && id != "?" && !include(id))
                {
                    continue;
                }

                var location = $"feature {number} ({id})";
                declaredIds?.Add(id);
                if (properties.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(location, "properties", "missing or not an object");
                    continue;
                }

                var geometry = ReadGeometry(feature, location, problems);
                if (geometry is not null)
                {
                    result.Add(new GeoJsonFeature(number, properties, geometry));
                }
            }

            return result;
        }
    }

    private static Geometry? ReadGeometry(JsonElement feature, string location, ProblemCollector problems)
    {
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
        {
            problems.Add(location, "geometry", "missing");
            return null;
        }

        var type = geometry.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type is not ("Polygon" or "MultiPolygon"))
        {
            problems.Add(location, "geometry.type", $"expected Polygon or MultiPolygon, found '{type}'");
            return null;
        }

        Geometry? result;
        try
        {
            result = geometry.Deserialize<Geometry>(GeoJson);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            var (field, message) = GeoJsonDiagnosis.Of(geometry, type) ?? ("geometry", $"not a valid {type}: {e.Message}");
            problems.Add(location, field, message);
            return null;
        }

        if (result is not (Polygon or MultiPolygon) || result.IsEmpty)
        {
            var (field, message) = GeoJsonDiagnosis.Of(geometry, type) ?? ("geometry.coordinates", $"no {type} could be read");
            problems.Add(location, field, message);
            return null;
        }

        if (!result.IsValid)
        {
            // A ring of three positions reads, but is no polygon: say which ring before how the shape is wrong.
            if (GeoJsonDiagnosis.Of(geometry, type) is { } structural)
            {
                problems.Add(location, structural.Field, structural.Message);
                return null;
            }

            var error = new NetTopologySuite.Operation.Valid.IsValidOp(result).ValidationError;
            problems.Add(location, "geometry", $"invalid polygon: {error.Message} at {error.Coordinate.X.ToString(CultureInfo.InvariantCulture)} {error.Coordinate.Y.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return result;
    }
}

/// <summary>
/// Where a polygon the GeoJSON reader refused goes wrong: the first ring or position that breaks RFC 7946 (not an array,
/// not [longitude, latitude], fewer than 4 positions, not closed), named by its place in the coordinates.
/// </summary>
internal static class GeoJsonDiagnosis
{
    public static (string Field, string Message)? Of(JsonElement geometry, string type)
    {
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            return ("geometry.coordinates", "missing or not an array");
        }

        if (type == "Polygon")
        {
            return Polygon(coordinates, "geometry.coordinates");
        }

        var index = 0;
        foreach (var polygon in coordinates.EnumerateArray())
        {
            if (Polygon(polygon, $"geometry.coordinates[{index++}]") is { } problem)
            {
                return problem;
            }
        }

        return index == 0 ? ("geometry.coordinates", "a MultiPolygon needs at least one polygon") : null;
    }

    private static (string, string)? Polygon(JsonElement rings, string field)
    {
        if (rings.ValueKind != JsonValueKind.Array || rings.GetArrayLength() == 0)
        {
            return (field, "a polygon needs at least one ring");
        }

        var ringNumber = 0;
        foreach (var ring in rings.EnumerateArray())
        {
            var ringField = $"{field}, ring {++ringNumber}";
            if (ring.ValueKind != JsonValueKind.Array)
            {
                return (ringField, "expected an array of positions");
            }

            var positions = ring.EnumerateArray().ToList();
            var bad = positions.FindIndex(p => p.ValueKind != JsonValueKind.Array || p.GetArrayLength() < 2
                || p[0].ValueKind != JsonValueKind.Number || p[1].ValueKind != JsonValueKind.Number);
            if (bad >= 0)
            {
                return (ringField, $"position {bad + 1} is not [longitude, latitude]");
            }

            if (positions.Count < 4)
            {
                return (ringField, $"a ring needs at least 4 positions, found {positions.Count}");
            }

            var (first, last) = (Format(positions[0]), Format(positions[^1]));
            if (first != last)
            {
                return (ringField, $"ring does not close: first position ({first}) differs from last ({last})");
            }
        }

        return null;
    }

    private static string Format(JsonElement position) =>
        string.Create(CultureInfo.InvariantCulture, $"{position[0].GetDouble()} {position[1].GetDouble()}");
}
