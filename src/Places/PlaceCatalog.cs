using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Portal.Places.Geography;

namespace Portal.Places;

/// <summary>
/// The validated, immutable set of places for one municipality: wijken, buurten, support points, PC4 areas,
/// and which support point serves which buurt. Built once at load; all lookups are in memory.
/// </summary>
public sealed class PlaceCatalog
{
    private readonly Dictionary<string, Wijk> _wijken;
    private readonly Dictionary<string, Buurt> _buurten;
    private readonly Dictionary<string, SupportPoint> _supportPoints;
    private readonly Dictionary<string, Pc4Area> _pc4Areas;
    private readonly Dictionary<string, BuurtAssignment> _assignments;
    private readonly STRtree<(Buurt Buurt, IndexedPointInAreaLocator Locator)> _buurtIndex = new();
    private readonly IndexedPointInAreaLocator _municipalityLocator;

    public PlaceCatalog(
        string municipalityName,
        Geometry municipalityBoundary,
        IEnumerable<Wijk> wijken,
        IEnumerable<Buurt> buurten,
        IEnumerable<SupportPoint> supportPoints,
        IEnumerable<Pc4Area> pc4Areas)
    {
        MunicipalityName = municipalityName;
        MunicipalityBoundary = municipalityBoundary;
        _municipalityLocator = new IndexedPointInAreaLocator(municipalityBoundary);
        _wijken = wijken.ToDictionary(w => w.Code, StringComparer.Ordinal);
        _buurten = buurten.ToDictionary(b => b.Code, StringComparer.Ordinal);
        _supportPoints = supportPoints.ToDictionary(s => s.Slug, StringComparer.Ordinal);
        _pc4Areas = pc4Areas.ToDictionary(a => a.Pc4, StringComparer.Ordinal);

        Wijken = [.. _wijken.Values.OrderBy(w => w.Code, StringComparer.Ordinal)];
        Buurten = [.. _buurten.Values.OrderBy(b => b.Code, StringComparer.Ordinal)];
        SupportPoints = [.. _supportPoints.Values.OrderBy(s => s.Name, StringComparer.CurrentCulture)];

        foreach (var buurt in Buurten)
        {
            _buurtIndex.Insert(buurt.Boundary.EnvelopeInternal, (buurt, new IndexedPointInAreaLocator(buurt.Boundary)));
        }

        _buurtIndex.Build();
        _assignments = Buurten.ToDictionary(b => b.Code, Assign, StringComparer.Ordinal);
        // Asked for on every API answer and point page: a region has ten times the buurten of a municipality.
        _servedBy = Buurten.GroupBy(b => _assignments[b.Code].Primary.Slug, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Buurt>)[.. g], StringComparer.Ordinal);
    }

    private readonly Dictionary<string, IReadOnlyList<Buurt>> _servedBy;

    public string MunicipalityName { get; }

    public Geometry MunicipalityBoundary { get; }

    private IReadOnlyList<NetTopologySuite.Geometries.Geometry>? _buurtBoundaries;
    private IReadOnlyList<NetTopologySuite.Geometries.Geometry>? _wijkBoundaries;

    public IReadOnlyList<Wijk> Wijken { get; }

    public IReadOnlyList<Buurt> Buurten { get; }

    /// <summary>Every buurt's outline, for drawing the surroundings on a map.</summary>
    public IReadOnlyList<NetTopologySuite.Geometries.Geometry> BuurtBoundaries => _buurtBoundaries ??= [.. Buurten.Select(b => b.Boundary)];

    public IReadOnlyList<NetTopologySuite.Geometries.Geometry> WijkBoundaries => _wijkBoundaries ??= [.. Wijken.Select(w => w.Boundary)];

    public IReadOnlyList<SupportPoint> SupportPoints { get; }

    public IEnumerable<Pc4Area> Pc4Areas => _pc4Areas.Values;

    public Wijk? FindWijk(string code) => _wijken.GetValueOrDefault(code);

    public Buurt? FindBuurt(string code) => _buurten.GetValueOrDefault(code);

    public SupportPoint? FindSupportPoint(string slug) => _supportPoints.GetValueOrDefault(slug);

    public Pc4Area? FindPc4(string pc4) => _pc4Areas.GetValueOrDefault(pc4);

    public Wijk WijkOf(Buurt buurt) => _wijken[buurt.WijkCode];

    public IEnumerable<Buurt> BuurtenIn(Wijk wijk) => Buurten.Where(b => b.WijkCode == wijk.Code);

    public BuurtAssignment AssignmentFor(Buurt buurt) => _assignments[buurt.Code];

    public IEnumerable<Buurt> BuurtenServedBy(SupportPoint point) =>
        _servedBy.TryGetValue(point.Slug, out var served) && ReferenceEquals(FindSupportPoint(point.Slug), point) ? served : [];

    public IEnumerable<Buurt> BuurtenWithBackup(SupportPoint point) =>
        Buurten.Where(b => ReferenceEquals(_assignments[b.Code].Secondary, point));

    /// <summary>Points a resident can go to now (open and not full), by name.</summary>
    public IEnumerable<SupportPoint> TakingVisitors => SupportPoints.Where(p => p.Status.TakesVisitors);

    /// <summary>A crisis is on for the support points once any of them has opened (open or full).</summary>
    public bool AnyActivated => SupportPoints.Any(p => p.Status.State is SupportPointState.Open or SupportPointState.Full);

    /// <summary>Points taking visitors now, nearest to <paramref name="from"/> first.</summary>
    public IReadOnlyList<(SupportPoint Point, double Meters)> TakingVisitorsNearest(GeoPoint from) =>
        [.. TakingVisitors.Select(p => (Point: p, Meters: from.DistanceMetersTo(p.Location))).OrderBy(x => x.Meters).ThenBy(x => x.Point.Slug, StringComparer.Ordinal)];

    /// <summary>
    /// Where a resident whose point does not take visitors now should go instead: the backup the municipality named
    /// when that one is open, else the open point nearest to <paramref name="point"/>; null when none is open.
    /// </summary>
    public SupportPoint? GoInstead(SupportPoint point)
    {
        if (point.Status.TakesVisitors)
        {
            return null;
        }

        if (point.Status.BackupSlug is { } slug && FindSupportPoint(slug) is { Status.TakesVisitors: true } backup)
        {
            return backup;
        }

        return TakingVisitorsNearest(point.Location).Select(x => x.Point).FirstOrDefault(p => !ReferenceEquals(p, point));
    }

    public bool IsInMunicipality(GeoPoint point) =>
        _municipalityLocator.Locate(new Coordinate(point.Longitude, point.Latitude)) != Location.Exterior;

    /// <summary>The buurt containing the point (boundary counts as inside), or null outside every buurt.</summary>
    public Buurt? BuurtAt(GeoPoint point)
    {
        var coordinate = new Coordinate(point.Longitude, point.Latitude);
        foreach (var (buurt, locator) in _buurtIndex.Query(new Envelope(coordinate)))
        {
            if (locator.Locate(coordinate) != Location.Exterior)
            {
                return buurt;
            }
        }

        return null;
    }

    private BuurtAssignment Assign(Buurt buurt)
    {
        // On a region site each buurt keeps its own municipality's assignment (the same as on the municipality's site).
        var own = _supportPoints.Values.Where(p => p.MayServe(buurt.Code)).ToList();
        var ranked = (own.Count > 0 ? own : _supportPoints.Values.ToList())
            .Select(p => (Point: p, Distance: buurt.LabelPoint.DistanceMetersTo(p.Location)))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Point.Slug, StringComparer.Ordinal)
            .ToList();
        var explicitPoint = ranked.FirstOrDefault(x => x.Point.ExplicitBuurtCodes.Contains(buurt.Code));
        var isExplicit = explicitPoint.Point is not null;
        var primary = isExplicit ? explicitPoint : ranked[0];
        var secondary = ranked.FirstOrDefault(x => !ReferenceEquals(x.Point, primary.Point));
        return new BuurtAssignment(buurt, primary.Point, primary.Distance, isExplicit,
            secondary.Point, secondary.Point is null ? null : secondary.Distance);
    }
}
