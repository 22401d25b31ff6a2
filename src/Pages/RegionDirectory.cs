namespace Portal.Pages;

/// <summary>A municipality's own site in a region deployment, as the region site links to it.</summary>
public sealed record MunicipalitySite(string Code, string Name, string Slug)
{
    /// <summary>True for a buurt, wijk or municipality code (BU0296…, WK0296…, GM0296) of this municipality.</summary>
    public bool Owns(string cbsCode) => Portal.Places.CbsCodes.LiesIn(cbsCode, Code);
}

/// <summary>
/// A region deployment's sites, as pages link between them: the region site leads to each municipality's, and a
/// municipality's site back to the region's (to search across the border). Null for a municipality on its own.
/// </summary>
/// <param name="BaseUrl">The region site's public address (a municipality reached by its own host name links there).</param>
public sealed record RegionDirectory(string Name, IReadOnlyList<MunicipalitySite> Municipalities, string BaseUrl)
{
    /// <summary>The municipality whose site this is; null on the region site.</summary>
    public string? Current { get; init; }

    /// <summary>
    /// On a municipality's live site: the points of the other municipalities taking visitors now, nearest to a place first
    /// (from the region site's current data). Residents near a border go to whichever point is nearest.
    /// </summary>
    public Func<Portal.Places.Geography.GeoPoint, IReadOnlyList<(Portal.Places.SupportPoint Point, double Meters)>>? OpenElsewhere { get; init; }

    public bool IsRegionSite => Current is null;

    public MunicipalitySite? Owner(string cbsCode) => Municipalities.FirstOrDefault(m => m.Owns(cbsCode));
}
