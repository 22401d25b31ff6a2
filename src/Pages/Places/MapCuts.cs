using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace Portal.Pages.Places;

/// <summary>
/// What an <c>AreaMap</c> draws around its area: a neighbour's outline cut to the map's view and simplified to a pixel,
/// and whether a neighbour is the area itself. Both are geometry overlays, most of a buurt page's render time, and they
/// come out the same for the page in every language and for every re-render after a status change (the geography
/// objects outlive a content reload). So each is worked out once per geometry and view and kept as long as the geometry.
/// </summary>
internal static class MapCuts
{
    private static readonly ConditionalWeakTable<Geometry, ConcurrentDictionary<(double MinX, double MinY, double MaxX, double MaxY, double Pixel), Geometry>> Cuts = [];
    private static readonly ConditionalWeakTable<Geometry, ConditionalWeakTable<Geometry, object>> Same = [];

    /// <summary>The outline of <paramref name="geometry"/> within <paramref name="view"/>, simplified to <paramref name="pixel"/> degrees.</summary>
    public static Geometry Outline(Geometry geometry, Envelope view, double pixel) =>
        Cuts.GetOrCreateValue(geometry).GetOrAdd((view.MinX, view.MinY, view.MaxX, view.MaxY, pixel),
            key => DouglasPeuckerSimplifier.Simplify(geometry.Boundary.Intersection(geometry.Factory.ToGeometry(new Envelope(key.MinX, key.MaxX, key.MinY, key.MaxY))), key.Pixel));

    /// <summary>Whether the two are the same shape (a wijk of one buurt has the buurt's outline), asked once per pair.</summary>
    public static bool SameShape(Geometry a, Geometry b) =>
        ReferenceEquals(a, b) || (bool)Same.GetOrCreateValue(a).GetValue(b, other => a.EqualsTopologically(other));
}
