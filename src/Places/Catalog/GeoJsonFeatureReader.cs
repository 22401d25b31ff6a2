using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Portal.Places.Catalog;

/// <summary>A GeoJSON feature whose geometry parsed; properties are left to the caller to validate.</summary>
internal sealed record GeoJsonFeature(int Number, JsonElement Properties, Geometry Geometry);

/// <summary>
/// Reads polygon features from a GeoJSON FeatureCollection into NetTopologySuite geometries
/// (NetTopologySuite.IO.GeoJSON is not available here), checking that every ring closes and every polygon is valid.
/// </summary>
internal static class GeoJsonFeatureReader
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <param name="declaredIds">Receives every feature's id, also of features whose geometry is invalid.</param>
    public static IReadOnlyList<GeoJsonFeature> ReadPolygons(string path, ProblemCollector problems, string idProperty, ISet<string>? declaredIds = null)
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

        var type = geometry.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            problems.Add(location, "geometry.coordinates", "missing or not an array");
            return null;
        }

        Geometry? result = type switch
        {
            "Polygon" => ReadPolygon(coordinates, location, "geometry.coordinates", problems),
            "MultiPolygon" => ReadMultiPolygon(coordinates, location, problems),
            _ => null,
        };
        if (type is not ("Polygon" or "MultiPolygon"))
        {
            problems.Add(location, "geometry.type", $"expected Polygon or MultiPolygon, found '{type}'");
            return null;
        }

        if (result is not null && !result.IsValid)
        {
            var error = new NetTopologySuite.Operation.Valid.IsValidOp(result).ValidationError;
            problems.Add(location, "geometry", $"invalid polygon: {error.Message} at {error.Coordinate.X.ToString(CultureInfo.InvariantCulture)} {error.Coordinate.Y.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return result;
    }

    private static MultiPolygon? ReadMultiPolygon(JsonElement coordinates, string location, ProblemCollector problems)
    {
        var polygons = new List<Polygon>();
        var index = 0;
        foreach (var polygon in coordinates.EnumerateArray())
        {
            var read = ReadPolygon(polygon, location, $"geometry.coordinates[{index++}]", problems);
            if (read is null)
            {
                return null;
            }

            polygons.Add(read);
        }

        return Factory.CreateMultiPolygon([.. polygons]);
    }

    private static Polygon? ReadPolygon(JsonElement rings, string location, string field, ProblemCollector problems)
    {
        if (rings.ValueKind != JsonValueKind.Array || rings.GetArrayLength() == 0)
        {
            problems.Add(location, field, "a polygon needs at least one ring");
            return null;
        }

        var linearRings = new List<LinearRing>();
        var ringNumber = 0;
        foreach (var ring in rings.EnumerateArray())
        {
            ringNumber++;
            var ringField = $"{field}, ring {ringNumber}";
            var positions = ReadPositions(ring, location, ringField, problems);
            if (positions is null)
            {
                return null;
            }

            if (positions.Length < 4)
            {
                problems.Add(location, ringField, $"a ring needs at least 4 positions, found {positions.Length}");
                return null;
            }

            if (!positions[0].Equals2D(positions[^1]))
            {
                problems.Add(location, ringField,
                    $"ring does not close: first position ({Format(positions[0])}) differs from last ({Format(positions[^1])})");
                return null;
            }

            linearRings.Add(Factory.CreateLinearRing(positions));
        }

        return Factory.CreatePolygon(linearRings[0], [.. linearRings.Skip(1)]);
    }

    private static Coordinate[]? ReadPositions(JsonElement ring, string location, string field, ProblemCollector problems)
    {
        if (ring.ValueKind != JsonValueKind.Array)
        {
            problems.Add(location, field, "expected an array of positions");
            return null;
        }

        var positions = new List<Coordinate>(ring.GetArrayLength());
        foreach (var position in ring.EnumerateArray())
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
            {
                problems.Add(location, field, $"position {positions.Count + 1} is not [longitude, latitude]");
                return null;
            }

            positions.Add(new Coordinate(position[0].GetDouble(), position[1].GetDouble()));
        }

        return [.. positions];
    }

    private static string Format(Coordinate c) =>
        string.Create(CultureInfo.InvariantCulture, $"{c.X} {c.Y}");
}
