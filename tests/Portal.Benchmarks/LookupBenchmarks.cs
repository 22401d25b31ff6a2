using BenchmarkDotNet.Attributes;
using Portal.Places;
using Portal.Places.Catalog;
using Portal.Places.Geography;
using Portal.Places.Lookup;

namespace Portal.Benchmarks;

/// <summary>In-process lookups on the Nijmegen demo data (44 buurten, 16 support points). Target: under 2 µs each.</summary>
[MemoryDiagnoser]
// In-process: BenchmarkDotNet 0.14 predates .NET 10 and cannot generate a net10.0 child project.
[InProcess]
public class LookupBenchmarks
{
    private PlaceCatalog _catalog = default!;
    private SupportPointLookup _lookup = default!;
    private Postcode[] _postcodes = [];
    private GeoPoint[] _points = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _catalog = PlaceCatalogLoader.Load(DataDirectory()).CatalogOrThrow();
        _lookup = new SupportPointLookup(_catalog, new Pc4AddressResolver(_catalog));
        _postcodes = [.. _catalog.Pc4Areas.Select(a => Postcode.TryParse(a.Pc4 + "AB", out var p) ? p : default)];
        _points = [.. _catalog.Buurten.Select(b => b.LabelPoint)];
    }

    /// <summary>Postcode text to support point: parse, resolve the PC4 area, assign (what the API does per request).</summary>
    [Benchmark]
    public SupportPoint PostcodeToSupportPoint()
    {
        var postcode = _postcodes[_next++ % _postcodes.Length];
        Postcode.TryParse(postcode.Value, out var parsed);
        return _lookup.ByPostcodeAsync(parsed, null, CancellationToken.None).GetAwaiter().GetResult().Matches[0].Primary;
    }

    /// <summary>Coordinates to buurt: STR-tree on envelopes, then an indexed point-in-polygon test.</summary>
    [Benchmark]
    public Buurt? PointInPolygon() => _catalog.BuurtAt(_points[_next++ % _points.Length]);

    /// <summary>Coordinates to support point, as the location lookup does.</summary>
    [Benchmark]
    public LookupOutcome LocationToSupportPoint() => _lookup.ByLocation(_points[_next++ % _points.Length]);

    internal static string DataDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "content", "data");
            if (File.Exists(Path.Combine(directory.FullName, "Portal.sln")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("content/data not found above the benchmark binaries");
    }
}
