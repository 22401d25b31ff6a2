using Portal.Content.Routing;
using Portal.Places;
using Portal.Places.Catalog;
using Portal.Places.Lookup;

namespace Portal.Web.Endpoints;

/// <summary>The JSON shapes of /api/v1. Vocabulary values are kebab-case tokens ("drinking-water").</summary>
public sealed record WijkDto(string Code, string Name);

public sealed record BuurtDto(string Code, string Name, WijkDto Wijk, int Inhabitants, int Households)
{
    public static BuurtDto From(Buurt buurt, PlaceCatalog places)
    {
        var wijk = places.WijkOf(buurt);
        return new BuurtDto(buurt.Code, buurt.Name, new WijkDto(wijk.Code, wijk.Name), buurt.Inhabitants, buurt.Households);
    }
}

/// <summary>The municipality a buurt lies in: CBS code ("GM0296"), name, and its site's slug (the path prefix in a region).</summary>
public sealed record MunicipalityDto(string Code, string Name, string Slug)
{
    /// <summary>From the region's list where the site is part of one; else the site's own municipality.</summary>
    public static MunicipalityDto Of(Buurt buurt, PlaceCatalog places, Portal.Pages.RegionDirectory? region)
    {
        var code = CbsCodes.MunicipalityOf(buurt.Code);
        if (region?.Municipalities.FirstOrDefault(m => m.Owns(buurt.Code)) is { } site)
        {
            return new MunicipalityDto(site.Code, site.Name, site.Slug);
        }

        return new MunicipalityDto(code, places.MunicipalityName, SlugOf(places.MunicipalityName));
    }

    /// <summary>"West Maas en Waal" → "west-maas-en-waal": the name as a path segment, as deployment.yml spells slugs.</summary>
    private static string SlugOf(string name) =>
        string.Join('-', name.ToLowerInvariant().Split([' ', '\'', '-'], StringSplitOptions.RemoveEmptyEntries));
}

public sealed record AddressDto(string Street, string HouseNumber, string Postcode, string City);

public sealed record LocationDto(double Lat, double Lon);

/// <param name="Status">standby, open, full (go to <paramref name="GoInstead"/>) or closed.</param>
/// <param name="StatusChangedAt">When the status last changed; null when never set since the point was designated.</param>
/// <param name="StatusCheckedAt">When the status was last confirmed on site, if given.</param>
/// <param name="ServicesNow">What the point offers now; null when not stated (then <paramref name="Services"/>).</param>
/// <param name="StatusMessage">The municipality's short message per language code; other languages show "nl".</param>
/// <param name="GoInstead">Slug of the open point to go to while this one does not take visitors; null when it does or none is open.</param>
/// <param name="DistanceFrom">"address" when measured from the resident's own position, "buurt-centre" otherwise.</param>
public sealed record SupportPointDto(
    string Slug,
    string Name,
    string Kind,
    AddressDto Address,
    LocationDto Location,
    IReadOnlyList<string> Services,
    IReadOnlyList<string> Accessibility,
    string Status,
    DateTimeOffset? StatusChangedAt,
    DateTimeOffset? StatusCheckedAt,
    IReadOnlyList<string>? ServicesNow,
    IReadOnlyDictionary<string, string> StatusMessage,
    string? GoInstead,
    IReadOnlyList<string> Buurten,
    bool IsExample,
    string Url,
    double? DistanceMeters = null,
    string? DistanceFrom = null)
{
    public static SupportPointDto From(SupportPoint point, PlaceCatalog places) => new(
        point.Slug,
        point.Name,
        KebabCase.Of(point.Kind),
        new AddressDto(point.Address.Street, point.Address.HouseNumber, point.Address.Postcode, point.Address.City),
        new LocationDto(point.Location.Latitude, point.Location.Longitude),
        [.. point.Services.Select(KebabCase.Of)],
        [.. point.Accessibility.Select(KebabCase.Of)],
        KebabCase.Of(point.Status.State),
        point.Status.ChangedAt,
        point.Status.CheckedAt,
        point.Status.ServicesNow is { } now ? [.. now.Select(KebabCase.Of)] : null,
        point.Status.Messages,
        places.GoInstead(point)?.Slug,
        [.. places.BuurtenServedBy(point).Select(b => b.Code)],
        point.IsExample,
        SitePaths.SupportPoint(point.Slug));

    public SupportPointDto WithDistance(double meters, bool fromAddress) =>
        this with { DistanceMeters = Math.Round(meters), DistanceFrom = fromAddress ? "address" : "buurt-centre" };
}

/// <summary>A buurt with the point that serves it and the backup.</summary>
/// <param name="Assignment">"explicit" (set by the municipality) or "nearest".</param>
public sealed record BuurtAnswerDto(BuurtDto Buurt, MunicipalityDto Municipality, SupportPointDto SupportPoint, SupportPointDto? BackupSupportPoint, string Assignment)
{
    public static BuurtAnswerDto From(BuurtAssignment match, PlaceCatalog places, Portal.Pages.RegionDirectory? region, LookupOutcome? outcome = null)
    {
        var fromAddress = outcome?.Location is not null;
        var primaryDistance = outcome?.DistanceMeters(match) ?? match.PrimaryDistanceMeters;
        var backup = match.Secondary is { } secondary
            ? SupportPointDto.From(secondary, places).WithDistance(
                outcome?.Location is { } here ? here.DistanceMetersTo(secondary.Location) : match.SecondaryDistanceMeters ?? 0, fromAddress)
            : null;
        return new BuurtAnswerDto(
            BuurtDto.From(match.Buurt, places),
            MunicipalityDto.Of(match.Buurt, places, region),
            SupportPointDto.From(match.Primary, places).WithDistance(primaryDistance, fromAddress),
            backup,
            match.IsExplicit ? "explicit" : "nearest");
    }
}

/// <param name="Match">"exact" or "approximate".</param>
/// <param name="Alternatives">Other buurten the postcode area may be in, when approximate.</param>
/// <param name="Municipality">The municipality the buurt lies in; on a region's API, whichever it is.</param>
public sealed record LookupResponse(
    string Match,
    BuurtDto Buurt,
    MunicipalityDto Municipality,
    SupportPointDto SupportPoint,
    SupportPointDto? BackupSupportPoint,
    string Assignment,
    IReadOnlyList<BuurtAnswerDto> Alternatives,
    string? Note);
