using BenchmarkDotNet.Attributes;
using NetTopologySuite.Geometries;
using Portal.Places;
using Portal.Places.Geography;

namespace Portal.Benchmarks;

/// <summary>
/// How point-in-polygon scales to the whole country: a synthetic grid of 14,000 buurt-sized cells with
/// 24-vertex boundaries (about the size of the Netherlands' ~14,000 CBS buurten) and 1,400 support points.
/// Synthetic on purpose: it measures the index, and never appears as geography anywhere.
/// </summary>
[MemoryDiagnoser]
// In-process: BenchmarkDotNet 0.14 predates .NET 10 and cannot generate a net10.0 child project.
[InProcess]
public class NationalScaleBenchmarks
{
    private const int Columns = 140;
    private const int Rows = 100;
    private const double Cell = 0.02;
    private PlaceCatalog _catalog = default!;
    private GeoPoint[] _points = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var buurten = new List<Buurt>();
        for (var row = 0; row < Rows; row++)
        {
            for (var column = 0; column < Columns; column++)
            {
                var (lon, lat) = (3.4 + column * Cell, 50.8 + row * Cell);
                var ring = CellRing(lon, lat);
                var code = $"BU{row * Columns + column:D8}";
                buurten.Add(new Buurt(code, code, "WK000000", 1000, 500, new GeoPoint(lat + Cell / 2, lon + Cell / 2),
                    factory.CreatePolygon(ring)));
            }
        }

        var wijk = new Wijk("WK000000", "grid", factory.CreatePolygon(CellRing(3.4, 50.8, Columns * Cell, Rows * Cell)));
        var points = Enumerable.Range(0, 1400).Select(i => new SupportPoint(
            $"p{i}", $"p{i}", new Address("", "", "", ""),
            new GeoPoint(50.8 + (i / 35 + 0.5) * (Rows * Cell / 40), 3.4 + (i % 35 + 0.5) * (Columns * Cell / 35)),
            SupportPointKind.Local, [], [], SupportPointStatus.Standby, [], true, "synthetic")).ToList();
        _catalog = new PlaceCatalog("grid", wijk.Boundary, [wijk], buurten, points, []);
        var random = new Random(42);
        _points = [.. Enumerable.Range(0, 4096).Select(_ => new GeoPoint(50.8 + random.NextDouble() * Rows * Cell, 3.4 + random.NextDouble() * Columns * Cell))];
    }

    [Benchmark]
    public Buurt? PointInPolygon14000Buurten() => _catalog.BuurtAt(_points[_next++ & 4095]);

    /// <summary>A square cell drawn with 24 vertices, so each polygon test does a buurt's usual amount of work.</summary>
    private static Coordinate[] CellRing(double lon, double lat, double width = Cell, double height = Cell)
    {
        var ring = new List<Coordinate>();
        for (var i = 0; i < 6; i++) { ring.Add(new Coordinate(lon + width * i / 6, lat)); }
        for (var i = 0; i < 6; i++) { ring.Add(new Coordinate(lon + width, lat + height * i / 6)); }
        for (var i = 0; i < 6; i++) { ring.Add(new Coordinate(lon + width - width * i / 6, lat + height)); }
        for (var i = 0; i < 6; i++) { ring.Add(new Coordinate(lon, lat + height - height * i / 6)); }
        ring.Add(ring[0]);
        return [.. ring];
    }
}
