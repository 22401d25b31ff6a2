using Portal.Places.Catalog;

namespace Portal.Tests.Places;

/// <summary>Every kind of bad data is reported with its file, location and field, and yields no catalog at all.</summary>
public class PlaceCatalogLoaderTests
{
    [Fact]
    public void Loads_the_real_Nijmegen_demo_data()
    {
        var result = PlaceCatalogLoader.Load(Path.Combine(TestContent.RepositoryContent, "data"));

        Assert.Empty(result.Problems);
        var catalog = result.CatalogOrThrow();
        Assert.Equal("Nijmegen", catalog.MunicipalityName);
        Assert.Equal(44, catalog.Buurten.Count);
        Assert.Equal(9, catalog.Wijken.Count);
        Assert.Equal(16, catalog.SupportPoints.Count);
        Assert.All(catalog.SupportPoints, p => Assert.True(p.IsExample));
        Assert.Equal(4, catalog.SupportPoints.Count(p => p.Kind == Portal.Places.SupportPointKind.Coordinating));
        Assert.Equal("Bottendaal", catalog.FindBuurt("BU02680202")!.Name);
    }

    [Fact]
    public void A_broken_csv_row_is_reported_with_its_line()
    {
        using var content = new TestContent();
        content.AppendLine("data/support-points.csv", "kapot,\"niet afgesloten,local");

        var problem = Assert.Single(Load(content));

        Assert.Contains("support-points.csv", problem.File);
        Assert.Equal("line 18", problem.Location);
        Assert.Contains("malformed row", problem.Message);
    }

    [Fact]
    public void An_unknown_buurt_code_names_the_row_and_field()
    {
        using var content = new TestContent();
        content.Replace("data/support-points.csv", "BU02680100;BU02680101", "BU02680100;BU09999999");

        var problem = Assert.Single(Load(content));

        Assert.Equal("line 2", problem.Location);
        Assert.Equal("serves", problem.Field);
        Assert.Contains("unknown buurt code 'BU09999999'", problem.Message);
    }

    [Fact]
    public void A_polygon_that_does_not_close_names_the_feature_and_ring()
    {
        using var content = new TestContent();
        // Bottendaal's ring ends where it starts; move the last position so it no longer does.
        var geojson = File.ReadAllText(content.DataFile(new GeographyFiles("").Buurten));
        var start = geojson.IndexOf("\"buurtcode\": \"BU02680202\"", StringComparison.Ordinal);
        var ringEnd = geojson.IndexOf("]]]", start, StringComparison.Ordinal);
        var lastPosition = geojson.LastIndexOf('[', ringEnd);
        File.WriteAllText(content.DataFile(new GeographyFiles("").Buurten),
            geojson[..lastPosition] + "[5.0, 51.0" + geojson[geojson.IndexOf(']', lastPosition)..]);

        var problem = Assert.Single(Load(content));

        Assert.Contains("BU02680202", problem.Location);
        Assert.StartsWith("feature ", problem.Location);
        Assert.Contains("ring 1", problem.Field);
        Assert.Contains("does not close", problem.Message);
    }

    /// <summary>NetTopologySuite.IO.GeoJSON4STJ reads the geometry; what it refuses is still named by feature, ring and position.</summary>
    [Theory]
    [InlineData("[\"5.85\", 51.84]", "ring 1", "position 1 is not [longitude, latitude]")]
    [InlineData(null, "ring 1", "a ring needs at least 4 positions, found 3")]
    [InlineData("LineString", "geometry.type", "expected Polygon or MultiPolygon, found 'LineString'")]
    public void A_broken_buurt_geometry_is_named_by_feature_and_field_and_the_other_buurten_still_read(string? change, string field, string message)
    {
        using var content = new TestContent();
        var geojson = File.ReadAllText(content.DataFile(new GeographyFiles("").Buurten));
        var feature = geojson.IndexOf("\"buurtcode\": \"BU02680202\"", StringComparison.Ordinal);
        var geometry = geojson.IndexOf("\"geometry\"", feature, StringComparison.Ordinal);

        var coordinates = geojson.IndexOf("[[[", geometry, StringComparison.Ordinal);
        var end = geojson.IndexOf("]]]", coordinates, StringComparison.Ordinal) + 3;
        var replacement = change switch
        {
            "LineString" => geojson[..geometry] + "\"geometry\": { \"type\": \"LineString\", \"coordinates\": [[5.85, 51.84], [5.86, 51.85]] }"
                + geojson[(geojson.IndexOf('}', end) + 1)..],
            null => geojson[..coordinates] + "[[[5.85, 51.84], [5.86, 51.84], [5.85, 51.84]]]" + geojson[end..],
            _ => geojson[..(coordinates + 2)] + change + geojson[(geojson.IndexOf(']', coordinates + 2) + 1)..],
        };
        File.WriteAllText(content.DataFile(new GeographyFiles("").Buurten), replacement);

        var problems = Load(content);

        // Exactly this buurt's geometry is reported (its support point assignment follows from it, nothing else).
        var problem = Assert.Single(problems, p => p.Location.Contains("BU02680202", StringComparison.Ordinal));
        Assert.StartsWith("feature ", problem.Location);
        Assert.Contains(field, problem.Field);
        Assert.Contains(message, problem.Message);
        Assert.EndsWith(new GeographyFiles("").Buurten, problem.File);
    }

    [Fact]
    public void A_support_point_outside_the_municipality_is_refused()
    {
        using var content = new TestContent();
        // Swapped latitude and longitude: a classic data-entry mistake.
        content.Replace("data/support-points.csv", "51.8465518,5.8653279", "5.8653279,51.8465518");

        var problem = Assert.Single(Load(content));

        Assert.Equal("line 2", problem.Location);
        Assert.Equal("lat/lon", problem.Field);
        Assert.Contains("outside the municipality", problem.Message);
    }

    [Fact]
    public void A_duplicate_slug_points_to_the_first_use()
    {
        using var content = new TestContent();
        content.Replace("data/support-points.csv", "basisschool-de-wieken,", "obs-de-muze,");

        var problem = Assert.Single(Load(content));

        Assert.Equal("slug", problem.Field);
        Assert.Contains("duplicate slug 'obs-de-muze' (first used on line 6)", problem.Message);
    }

    [Fact]
    public void All_problems_are_reported_in_one_run()
    {
        using var content = new TestContent();
        content.Replace("data/support-points.csv", "51.8465518,5.8653279", "51,8465518;5.8653279");
        content.Replace("data/support-points.csv", "obs-de-muze,OBS De Muze,local", "obs-de-muze,OBS De Muze,regional");
        content.Replace("data/nijmegen_pc4_centroids_approx.csv", "6511,Nijmegen,51.84602,5.862869,BU02680101", "6511,Nijmegen,51.84602,5.862869,BU02689999");

        var problems = Load(content);

        Assert.Contains(problems, p => p.Field == "kind" && p.Message.Contains("'regional' is not one of: coordinating, local", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == "buurtcode_centroid" && p.File.EndsWith("nijmegen_pc4_centroids_approx.csv", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.File.EndsWith("support-points.csv", StringComparison.Ordinal) && p.Location == "line 2");
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        using var content = new TestContent();
        File.Delete(content.DataFile("support-points.csv"));

        var problem = Assert.Single(Load(content));

        Assert.Contains("support-points.csv", problem.File);
        Assert.Contains("not found", problem.Message);
    }

    private static IReadOnlyList<DataProblem> Load(TestContent content)
    {
        var result = PlaceCatalogLoader.Load(content.DataDirectory);
        Assert.Null(result.Catalog);
        Assert.Throws<DataValidationException>(result.CatalogOrThrow);
        return result.Problems;
    }
}
