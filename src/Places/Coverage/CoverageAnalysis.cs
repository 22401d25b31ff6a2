using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace Portal.Places.Coverage;

/// <summary>The planning norms a placement is measured against (the figures in use in 2026: one point per 5,000 residents, within 1 km).</summary>
public sealed record CoverageNorms(int ResidentsPerPoint = 5000, double WalkingMeters = 1000);

/// <summary>A buurt under a placement: its point, how far, and how much of its area lies within the walking distance.</summary>
/// <param name="DistanceMeters">From the buurt's centre (label point) to its support point, straight line.</param>
/// <param name="ShareWithin">Share of the buurt's area within the walking distance of its point (0–1).</param>
/// <param name="MissesNorm">Its centre lies beyond the walking distance, or less than half its area lies within it.</param>
public sealed record BuurtCoverage(Buurt Buurt, Wijk Wijk, SupportPoint Point, double DistanceMeters, double ShareWithin, bool MissesNorm);

/// <param name="Load">Residents served per the norm's residents per point: above 1 the point serves more than the norm.</param>
public sealed record PointCoverage(SupportPoint Point, IReadOnlyList<Buurt> Buurten, int Households, int Residents, double Load)
{
    public bool Overloaded => Load > 1;
}

/// <summary>One placement of support points, measured.</summary>
/// <param name="MeanDistanceMeters">Resident-weighted mean of the buurt centres' distances to their points.</param>
/// <param name="ResidentsWithinShare">Estimated share of residents within the walking distance: each buurt's residents
/// times the share of its area within it (residents assumed spread evenly over a buurt's area), summed.</param>
public sealed record CoverageScenario(
    string Name,
    CoverageNorms Norms,
    IReadOnlyList<PointCoverage> Points,
    IReadOnlyList<BuurtCoverage> Buurten,
    int Residents,
    int Households,
    double MeanDistanceMeters,
    double MaxDistanceMeters,
    double ResidentsWithinShare)
{
    /// <summary>How many points the norm asks for: residents divided by residents per point, rounded up.</summary>
    public int PointsByNorm => (int)Math.Ceiling(Residents / (double)Norms.ResidentsPerPoint);
}

/// <summary>
/// Measures a placement of support points for officers choosing them: per point the buurten, households and residents
/// it serves and its load against the norm; per buurt the distance to its point and the share of its area within
/// walking distance; the totals. CBS figures per buurt only, no personal data.
/// </summary>
public static class CoverageAnalysis
{
    public static CoverageScenario Analyse(string name, PlaceCatalog places, CoverageNorms norms)
    {
        var plane = LocalPlane.Around(places.MunicipalityBoundary);
        var buurten = places.Buurten.Select(buurt =>
        {
            var assignment = places.AssignmentFor(buurt);
            var area = plane.Project(buurt.Boundary);
            var reach = plane.Project(assignment.Primary.Location).Buffer(norms.WalkingMeters, 32);
            var share = area.Area > 0 ? Math.Clamp(area.Intersection(reach).Area / area.Area, 0, 1) : 0;
            var distance = assignment.PrimaryDistanceMeters;
            return new BuurtCoverage(buurt, places.WijkOf(buurt), assignment.Primary, distance, share,
                distance > norms.WalkingMeters || share < 0.5);
        }).ToList();

        var points = places.SupportPoints.Select(point =>
        {
            var served = buurten.Where(b => ReferenceEquals(b.Point, point)).Select(b => b.Buurt).ToList();
            var residents = served.Sum(b => b.Inhabitants);
            return new PointCoverage(point, served, served.Sum(b => b.Households), residents, residents / (double)norms.ResidentsPerPoint);
        }).OrderByDescending(p => p.Load).ThenBy(p => p.Point.Name, StringComparer.Ordinal).ToList();

        var totalResidents = buurten.Sum(b => b.Buurt.Inhabitants);
        var weighted = totalResidents > 0 ? buurten.Sum(b => b.DistanceMeters * b.Buurt.Inhabitants) / totalResidents : 0;
        var within = totalResidents > 0 ? buurten.Sum(b => b.ShareWithin * b.Buurt.Inhabitants) / totalResidents : 0;
        return new CoverageScenario(name, norms, points, buurten, totalResidents, buurten.Sum(b => b.Buurt.Households),
            weighted, buurten.Max(b => b.DistanceMeters), within);
    }
}

/// <summary>
/// Metres on a flat plane around the municipality (equirectangular at its centre): over the ~20 km of a municipality the
/// error stays well under 1 %, enough for areas and walking circles.
/// </summary>
public sealed class LocalPlane
{
    private const double MetresPerDegreeLatitude = 111_132.954;
    private readonly AffineTransformation _toMetres;

    private LocalPlane(Coordinate centre)
    {
        var metresPerDegreeLongitude = MetresPerDegreeLatitude * Math.Cos(centre.Y * Math.PI / 180);
        _toMetres = AffineTransformation.TranslationInstance(-centre.X, -centre.Y).Scale(metresPerDegreeLongitude, MetresPerDegreeLatitude);
        Centre = centre;
    }

    public Coordinate Centre { get; }

    public static LocalPlane Around(Geometry area) => new(area.EnvelopeInternal.Centre);

    /// <summary>A geometry in metres; simplified CBS outlines that are not valid polygons are repaired first.</summary>
    public Geometry Project(Geometry geometry) => GeometryFixer.Fix(_toMetres.Transform(geometry));

    public Geometry Project(Geography.GeoPoint point) => _toMetres.Transform(new Point(point.Longitude, point.Latitude));
}
