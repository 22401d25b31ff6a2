using Portal.Places.Geography;

namespace Portal.Places.Lookup;

public enum LookupStatus
{
    Found,
    UnknownPostcode,
    OutsideMunicipality,
}

/// <summary>The answer to "which support point is mine?".</summary>
/// <param name="Matches">One assignment when exact; a short choice of buurten when approximate.</param>
/// <param name="Location">The resident's own position when known (exact address or a given point).</param>
public sealed record LookupOutcome(LookupStatus Status, IReadOnlyList<BuurtAssignment> Matches, MatchPrecision Precision, GeoPoint? Location)
{
    public static LookupOutcome Unknown { get; } = new(LookupStatus.UnknownPostcode, [], MatchPrecision.Approximate, null);

    /// <summary>Distance to the primary support point: from the resident's location when known, else from the buurt's centre.</summary>
    public double DistanceMeters(BuurtAssignment match) =>
        Location is { } here ? here.DistanceMetersTo(match.Primary.Location) : match.PrimaryDistanceMeters;
}

/// <summary>Finds the support point for a postcode, a position or a buurt code.</summary>
public sealed class SupportPointLookup(PlaceCatalog catalog, IAddressResolver resolver)
{
    public async Task<LookupOutcome> ByPostcodeAsync(Postcode postcode, HouseNumber? houseNumber, CancellationToken cancellationToken)
    {
        var match = await resolver.ResolveAsync(postcode, houseNumber, cancellationToken);
        if (match is null)
        {
            return LookupOutcome.Unknown;
        }

        var assignments = match.BuurtCodes.Select(catalog.FindBuurt).OfType<Buurt>().Select(catalog.AssignmentFor).ToList();
        if (assignments.Count == 0)
        {
            // A real address, but in a buurt this municipality does not have.
            return new LookupOutcome(LookupStatus.OutsideMunicipality, [], match.Precision, match.Location);
        }

        return new LookupOutcome(LookupStatus.Found, assignments, match.Precision, match.Location);
    }

    public LookupOutcome ByLocation(GeoPoint point)
    {
        var buurt = catalog.BuurtAt(point);
        return buurt is null
            ? new LookupOutcome(LookupStatus.OutsideMunicipality, [], MatchPrecision.Exact, point)
            : new LookupOutcome(LookupStatus.Found, [catalog.AssignmentFor(buurt)], MatchPrecision.Exact, point);
    }
}
