namespace Portal.Pages;

/// <summary>A municipality's own site in a region deployment, as the region site links to it.</summary>
public sealed record MunicipalitySite(string Code, string Name, string Slug)
{
    /// <summary>True for a buurt, wijk or municipality code (BU0296…, WK0296…, GM0296) of this municipality.</summary>
    public bool Owns(string cbsCode) => cbsCode.Length >= 6 && cbsCode.AsSpan(2, 4).SequenceEqual(Code.AsSpan(2));
}

/// <summary>On a region site: the municipalities whose sites it leads to. Null on a municipality's own site.</summary>
public sealed record RegionDirectory(string Name, IReadOnlyList<MunicipalitySite> Municipalities)
{
    public MunicipalitySite? Owner(string cbsCode) => Municipalities.FirstOrDefault(m => m.Owns(cbsCode));
}
