namespace Portal.Places.Lookup;

/// <summary>
/// The offline resolver: postcode area (PC4) to the buurten it is known to touch. Always approximate;
/// the house number cannot help because the embedded data has no PC6 or address table.
/// </summary>
public sealed class Pc4AddressResolver(PlaceCatalog catalog) : IAddressResolver
{
    public Task<AddressMatch?> ResolveAsync(Postcode postcode, HouseNumber? houseNumber, CancellationToken cancellationToken)
    {
        var area = catalog.FindPc4(postcode.Area);
        return Task.FromResult(area is null ? null : new AddressMatch(area.BuurtCodes, null, MatchPrecision.Approximate));
    }
}
