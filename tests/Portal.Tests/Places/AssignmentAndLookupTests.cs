using Portal.Places;
using Portal.Places.Catalog;
using Portal.Places.Geography;
using Portal.Places.Lookup;

namespace Portal.Tests.Places;

public class AssignmentAndLookupTests
{
    private static readonly PlaceCatalog Catalog =
        PlaceCatalogLoader.Load(Path.Combine(TestContent.RepositoryContent, "data")).CatalogOrThrow();

    private readonly SupportPointLookup _lookup = new(Catalog, new Pc4AddressResolver(Catalog));

    [Fact]
    public void An_explicit_assignment_in_the_data_wins_over_distance()
    {
        var stadscentrum = Catalog.AssignmentFor(Catalog.FindBuurt("BU02680101")!);

        Assert.True(stadscentrum.IsExplicit);
        Assert.Equal("gemeentehuis-nijmegen", stadscentrum.Primary.Slug);
    }

    [Fact]
    public void Other_buurten_get_the_nearest_support_point_and_the_next_nearest_as_backup()
    {
        foreach (var buurt in Catalog.Buurten.Where(b => !Catalog.AssignmentFor(b).IsExplicit))
        {
            var assignment = Catalog.AssignmentFor(buurt);
            var distances = Catalog.SupportPoints.Select(p => buurt.LabelPoint.DistanceMetersTo(p.Location)).Order().ToList();

            Assert.Equal(distances[0], assignment.PrimaryDistanceMeters, 3);
            Assert.Equal(distances[1], assignment.SecondaryDistanceMeters!.Value, 3);
            Assert.NotSame(assignment.Primary, assignment.Secondary);
        }
    }

    [Fact]
    public void Every_buurt_is_served_and_every_served_buurt_is_listed_on_its_point()
    {
        var served = Catalog.SupportPoints.SelectMany(Catalog.BuurtenServedBy).Select(b => b.Code).Order().ToList();

        Assert.Equal(Catalog.Buurten.Select(b => b.Code).Order(), served);
    }

    [Fact]
    public void Haversine_distance_matches_a_known_distance()
    {
        // Nijmegen town hall to the Lent fire station: about 2.4 km as the crow flies.
        var townHall = Catalog.FindSupportPoint("gemeentehuis-nijmegen")!.Location;
        var lent = Catalog.FindSupportPoint("brandweerkazerne-nijmegen-noord")!.Location;

        Assert.InRange(townHall.DistanceMetersTo(lent), 2300, 2500);
    }

    [Fact]
    public void Every_buurts_own_label_point_is_found_in_that_buurt()
    {
        foreach (var buurt in Catalog.Buurten)
        {
            Assert.Same(buurt, Catalog.BuurtAt(buurt.LabelPoint));
        }
    }

    [Fact]
    public void A_location_finds_its_buurt_and_support_point()
    {
        // The fire station on Professor Bellefroidstraat lies in Groenewoud.
        var outcome = _lookup.ByLocation(new GeoPoint(51.8287301, 5.8669376));

        Assert.Equal(LookupStatus.Found, outcome.Status);
        Assert.Equal(MatchPrecision.Exact, outcome.Precision);
        Assert.Equal("Groenewoud", Assert.Single(outcome.Matches).Buurt.Name);
    }

    [Fact]
    public void A_location_outside_the_municipality_says_so()
    {
        var amsterdam = _lookup.ByLocation(new GeoPoint(52.3728, 4.8936));

        Assert.Equal(LookupStatus.OutsideMunicipality, amsterdam.Status);
        Assert.Empty(amsterdam.Matches);
    }

    [Fact]
    public async Task A_postcode_area_spanning_several_buurten_gives_a_short_approximate_choice()
    {
        Assert.True(Postcode.TryParse("6525AG", out var postcode));

        var outcome = await _lookup.ByPostcodeAsync(postcode, null, CancellationToken.None);

        Assert.Equal(LookupStatus.Found, outcome.Status);
        Assert.Equal(MatchPrecision.Approximate, outcome.Precision);
        // The area's centroid lies in Heijendaal; public buildings with 6525 postcodes lie in Groenewoud and Brakkenstein.
        Assert.Equal("Heijendaal", outcome.Matches[0].Buurt.Name);
        Assert.Equal(["Brakkenstein", "Groenewoud"], outcome.Matches.Skip(1).Select(m => m.Buurt.Name).Order());
        Assert.InRange(outcome.Matches.Count, 2, 5);
    }

    [Fact]
    public async Task An_unknown_postcode_area_is_unknown()
    {
        Assert.True(Postcode.TryParse("1234AB", out var postcode));

        var outcome = await _lookup.ByPostcodeAsync(postcode, null, CancellationToken.None);

        Assert.Equal(LookupStatus.UnknownPostcode, outcome.Status);
    }
}
