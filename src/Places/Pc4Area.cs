using Portal.Places.Geography;

namespace Portal.Places;

/// <summary>
/// A four-digit postcode area, known only approximately: its centroid and the buurten it is known to touch.
/// Used when no exact address resolver is configured or reachable.
/// </summary>
/// <param name="BuurtCodes">Most likely first: the buurt holding the centroid, then others seen with this PC4.</param>
public sealed record Pc4Area(string Pc4, GeoPoint Centroid, IReadOnlyList<string> BuurtCodes);
