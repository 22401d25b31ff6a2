using NetTopologySuite.Geometries;

namespace Portal.Places;

/// <summary>A CBS district (wijk): a group of buurten.</summary>
public sealed record Wijk(string Code, string Name, Geometry Boundary);
