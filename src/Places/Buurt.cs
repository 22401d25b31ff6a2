using NetTopologySuite.Geometries;
using Portal.Places.Geography;

namespace Portal.Places;

/// <summary>A CBS neighbourhood (buurt). Figures are CBS's, rounded to 5.</summary>
/// <param name="LabelPoint">The area centroid, checked to lie inside the boundary; distances are measured from here.</param>
public sealed record Buurt(
    string Code,
    string Name,
    string WijkCode,
    int Inhabitants,
    int Households,
    GeoPoint LabelPoint,
    Geometry Boundary);
