using Portal.Places.Catalog;
using Portal.Places.Coverage;
using Portal.Web.Cli;

namespace Portal.Tests.Places;

/// <summary>The coverage report officers use to choose support points: the measures, and two placements side by side.</summary>
public sealed class CoverageTests : IDisposable
{
    private readonly TestContent _content = new();
    private readonly string _out = Path.Combine(Path.GetTempPath(), $"portal-coverage-{Guid.NewGuid():N}");

    [Fact]
    public void Every_resident_is_counted_once_and_every_measure_is_in_range()
    {
        var places = TestPortal.Load(_content.Root).Places;

        var scenario = CoverageAnalysis.Analyse("nu", places, new CoverageNorms());

        Assert.Equal(44, scenario.Buurten.Count);
        Assert.Equal(places.Buurten.Sum(b => b.Inhabitants), scenario.Residents);
        Assert.Equal(scenario.Residents, scenario.Points.Sum(p => p.Residents));
        Assert.Equal((int)Math.Ceiling(scenario.Residents / 5000.0), scenario.PointsByNorm);
        Assert.All(scenario.Buurten, b => Assert.InRange(b.ShareWithin, 0, 1));
        Assert.InRange(scenario.ResidentsWithinShare, 0.01, 1);
        Assert.InRange(scenario.MeanDistanceMeters, 1, scenario.MaxDistanceMeters);
        Assert.All(scenario.Points, p => Assert.Equal(p.Residents / 5000.0, p.Load, 6));
        // The town hall stands in Stadscentrum, which it serves: most of that buurt is within a kilometre.
        var centre = scenario.Buurten.Single(b => b.Buurt.Code == "BU02680101");
        Assert.Equal("gemeentehuis-nijmegen", centre.Point.Slug);
        Assert.True(centre.ShareWithin > 0.5, $"{centre.ShareWithin}");
    }

    [Fact]
    public void The_walking_distance_decides_the_share_within_it()
    {
        var places = TestPortal.Load(_content.Root).Places;

        Assert.All(CoverageAnalysis.Analyse("ver", places, new CoverageNorms(5000, 50_000)).Buurten, b => Assert.Equal(1, b.ShareWithin, 3));
        var near = CoverageAnalysis.Analyse("dichtbij", places, new CoverageNorms(5000, 50));
        Assert.True(near.ResidentsWithinShare < 0.01, $"{near.ResidentsWithinShare}");
        Assert.All(near.Buurten, b => Assert.True(b.MissesNorm));
    }

    [Fact]
    public async Task Two_placements_are_compared_side_by_side_in_the_report_and_the_CSV_files()
    {
        // The alternative: the same points without one school, as an officer would try.
        var candidates = Path.Combine(_content.Root, "zonder-hazesprong.csv");
        File.WriteAllLines(candidates, File.ReadAllLines(_content.DataFile("support-points.csv")).Where(l => !l.StartsWith("basisschool-de-hazesprong,", StringComparison.Ordinal)));

        var (exit, output, error) = await Cli("coverage", "--out", _out, "--candidates", candidates);

        Assert.True(exit == 0, error);
        Assert.Contains("Huidige noodsteunpunten: 16 points", output);
        Assert.Contains("Alternatief (zonder-hazesprong.csv): 15 points", output);
        var html = File.ReadAllText(Path.Combine(_out, "report.html"));
        Assert.Contains("<th scope=\"col\" class=\"n\">Alternatief (zonder-hazesprong.csv)</th>", html);
        Assert.Equal(2, html.Split("<svg", StringSplitOptions.None).Length - 1);
        Assert.Equal(2 * 44, System.Text.RegularExpressions.Regex.Matches(html, "<path d=\"M[^\"]+\" fill=\"#").Count);
        // The legend is read before the maps, lists only colours the maps use, and the points are named on the map itself.
        Assert.True(html.IndexOf("class=\"legend\"", StringComparison.Ordinal) < html.IndexOf("<svg", StringComparison.Ordinal));
        var legend = System.Text.RegularExpressions.Regex.Match(html, "<p class=\"legend\">.*?</p>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        var fills = System.Text.RegularExpressions.Regex.Matches(html, "<path d=\"M[^\"]+\" fill=\"(#[0-9a-f]+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.All(System.Text.RegularExpressions.Regex.Matches(legend, "background: (#[0-9a-f]+)").Select(m => m.Groups[1].Value), colour => Assert.Contains(colour, fills));
        Assert.Equal(html.Contains("fill=\"#b3261e\"", StringComparison.Ordinal), legend.Contains("ode cirkel", StringComparison.Ordinal));
        Assert.Equal(html.Contains("fill=\"#154273\"", StringComparison.Ordinal), legend.Contains("lauwe cirkel", StringComparison.Ordinal));
        Assert.Contains(">Gemeentehuis Nijmegen</text>", html);
        Assert.Equal(16 + 15, System.Text.RegularExpressions.Regex.Matches(html, "</text>").Count);
        var buurten = File.ReadAllLines(Path.Combine(_out, "buurten.csv"));
        Assert.Equal(1 + 2 * 44, buurten.Length);
        Assert.Equal(1 + 16 + 15, File.ReadAllLines(Path.Combine(_out, "steunpunten.csv")).Length);
        Assert.DoesNotContain(buurten, l => l.StartsWith("Alternatief", StringComparison.Ordinal) && l.Contains(",basisschool-de-hazesprong,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_alternative_names_file_line_and_field_and_writes_nothing()
    {
        var candidates = Path.Combine(_content.Root, "kandidaten.csv");
        var lines = File.ReadAllLines(_content.DataFile("support-points.csv"));
        File.WriteAllLines(candidates, [lines[0], lines[1].Replace("51.8465518", "52.3731", StringComparison.Ordinal)]);

        var (exit, _, error) = await Cli("coverage", "--out", _out, "--candidates", candidates);

        Assert.Equal(1, exit);
        Assert.Contains("kandidaten.csv", error);
        Assert.Contains("line 2", error);
        Assert.Contains("outside the municipality", error);
        Assert.False(Directory.Exists(_out));
    }

    private async Task<(int Exit, string Output, string Error)> Cli(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PortalCommandLine.RunAsync([.. args, "--content", _content.Root], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        _content.Dispose();
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }
}
