using Portal.Places.Geography;

namespace Portal.Places.Lookup;

public enum MatchPrecision
{
    /// <summary>The address itself was found: one buurt, the address's own coordinates.</summary>
    Exact,

    /// <summary>Only the postcode area is known: one or more candidate buurten.</summary>
    Approximate,
}

/// <summary>What an address resolver knows about a postcode (and house number).</summary>
/// <param name="BuurtCodes">Candidates, most likely first. May name buurten of another municipality.</param>
/// <param name="Location">The address's coordinates when known exactly.</param>
public sealed record AddressMatch(IReadOnlyList<string> BuurtCodes, GeoPoint? Location, MatchPrecision Precision);
