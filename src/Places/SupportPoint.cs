using Portal.Places.Geography;

namespace Portal.Places;

/// <summary>A noodsteunpunt: a known building where residents get help when the power, water or network fails.</summary>
/// <param name="Slug">Stable identifier used in URLs and on printed cards; never reused for another building.</param>
/// <param name="ExplicitBuurtCodes">Buurten the municipality assigned to this point; other buurten go to their nearest point.</param>
/// <param name="IsExample">True for demo data made from a public building that has not been designated by the municipality.</param>
public sealed record SupportPoint(
    string Slug,
    string Name,
    Address Address,
    GeoPoint Location,
    SupportPointKind Kind,
    IReadOnlyList<SupportPointService> Services,
    IReadOnlyList<AccessibilityFeature> Accessibility,
    SupportPointStatus Status,
    IReadOnlyList<string> ExplicitBuurtCodes,
    bool IsExample,
    string Source)
{
    /// <summary>
    /// The municipality (CBS code, "GM0296") whose point this is, on a region site that shows several municipalities'
    /// points; null on a municipality's own site. A point serves only buurten of its own municipality.
    /// </summary>
    public string? MunicipalityCode { get; init; }

    /// <summary>True when this point may serve the buurt: a municipality assigns its buurten to its own points.</summary>
    public bool MayServe(string buurtCode) =>
        MunicipalityCode is not { } code || CbsCodes.LiesIn(buurtCode, code);
}

public sealed record Address(string Street, string HouseNumber, string Postcode, string City)
{
    public string StreetLine => $"{Street} {HouseNumber}";

    /// <summary>Postcode in the way Dutch post writes it: "6525 AG".</summary>
    public string FormattedPostcode => Postcode.Length == 6 ? $"{Postcode[..4]} {Postcode[4..]}" : Postcode;

    /// <summary>"6512 GD Nijmegen": the second line of a Dutch address.</summary>
    public string CityLine => $"{FormattedPostcode} {City}";

    /// <summary>"Cortenaerpad 32, 6512 GD Nijmegen": one unit, to be shown left to right even inside Arabic text.</summary>
    public string OneLine => $"{StreetLine}, {CityLine}";
}

public enum SupportPointKind
{
    /// <summary>Regional hub: coordinates the local points and is staffed first.</summary>
    Coordinating,
    Local,
}

public enum SupportPointService
{
    Information,
    DrinkingWater,
    Charging,
    Warmth,
    FirstAid,
    Toilets,
}

public enum SupportPointState
{
    /// <summary>Closed in normal times, ready to open when the municipality activates it.</summary>
    Standby,
    Open,

    /// <summary>Open, but cannot take more people: residents go to the backup point.</summary>
    Full,
    Closed,
}

public enum AccessibilityFeature
{
    StepFreeEntrance,
    AccessibleToilet,
    HearingLoop,
    DisabledParking,
}
