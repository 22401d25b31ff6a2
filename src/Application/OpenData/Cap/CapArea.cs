using System.Globalization;
using System.Text;
using System.Xml.Linq;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using NetTopologySuite.Simplify;
using Portal.Places;
using Portal.Places.Geography;
using static Portal.Application.OpenData.Cap.CapXml;

namespace Portal.Application.OpenData.Cap;

/// <summary>
/// CAP areas from Portal's geography: the municipality for an alert, the buurten a support point serves (and a circle
/// around the building) for a status. Polygons are outer rings only (CAP has no holes), simplified until each has at most
/// <see cref="MaxPoints"/> points, at five decimals (about a metre; Google allows six at most), and closed.
/// </summary>
internal static class CapArea
{
    public const int MaxPoints = 120;

    /// <summary>"GM0268" from the buurt codes "BU0268…": CBS numbers buurten inside their municipality's code.</summary>
    public static string? MunicipalityCode(PlaceCatalog places) =>
        places.Buurten.FirstOrDefault() is { Code: { Length: >= 6 } code } && code.StartsWith("BU", StringComparison.Ordinal) ? CbsCodes.MunicipalityOf(code) : null;

    public static XElement Municipality(PlaceCatalog places, string description)
    {
        var area = E("areaDesc", description);
        return new XElement(Ns + "area", area, Polygons(places.MunicipalityBoundary),
            MunicipalityCode(places) is { } code ? Geocode(code) : null);
    }

    public static XElement SupportPoint(PlaceCatalog places, SupportPoint point, string description)
    {
        var served = places.BuurtenServedBy(point).ToList();
        var polygons = served.Count > 0 ? Polygons(UnaryUnionOp.Union(served.Select(b => b.Boundary).ToList())) : [];
        return new XElement(Ns + "area", E("areaDesc", description), polygons,
            E("circle", $"{Coordinate(point.Location.Latitude)},{Coordinate(point.Location.Longitude)} 0.1"),
            served.Select(b => Geocode(b.Code)),
            MunicipalityCode(places) is { } code ? Geocode(code) : null);
    }

    private static XElement Geocode(string code) => E("geocode", new object[] { E("valueName", "CBS"), E("value", code) });

    private static IEnumerable<XElement> Polygons(Geometry geometry)
    {
        var tolerance = 0.0001;
        var simplified = geometry;
        while (true)
        {
            simplified = TopologyPreservingSimplifier.Simplify(geometry, tolerance);
            if (Rings(simplified).All(r => r.NumPoints <= MaxPoints))
            {
                break;
            }

            tolerance *= 2;
        }

        return Rings(simplified).Where(r => r.NumPoints >= 4).Select(r => E("polygon", Text(r)));
    }

    private static IEnumerable<LineString> Rings(Geometry geometry) =>
        Enumerable.Range(0, geometry.NumGeometries).Select(geometry.GetGeometryN).OfType<Polygon>().Select(p => (LineString)p.ExteriorRing);

    /// <summary>"lat,lon lat,lon …", first point repeated last (CAP: a closed ring of at least four points).</summary>
    private static string Text(LineString ring)
    {
        var pairs = ring.Coordinates.Select(c => $"{Coordinate(c.Y)},{Coordinate(c.X)}").ToList();
        if (pairs[0] != pairs[^1])
        {
            pairs.Add(pairs[0]);
        }

        var text = new StringBuilder();
        foreach (var pair in pairs)
        {
            text.Append(text.Length == 0 ? "" : " ").Append(pair);
        }

        return text.ToString();
    }

    private static string Coordinate(double degrees) => Math.Round(degrees, 5).ToString("0.0####", CultureInfo.InvariantCulture);
}
