using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Portal.Places.Geography;

namespace Portal.Places.Lookup;

/// <summary>
/// The production resolver: PDOK Locatieserver's free endpoint (BAG addresses) gives the exact buurt and
/// coordinates of a postcode + house number. Needs a house number; without one it leaves the answer to the fallback.
/// </summary>
public sealed partial class PdokAddressResolver(HttpClient http) : IAddressResolver
{
    private const string Fields = "weergavenaam,postcode,huisnummer,huisletter,huisnummertoevoeging,centroide_ll,buurtcode,wijkcode,gemeentecode";

    public async Task<AddressMatch?> ResolveAsync(Postcode postcode, HouseNumber? houseNumber, CancellationToken cancellationToken)
    {
        if (houseNumber is not { } number)
        {
            return null;
        }

        var query = string.Create(CultureInfo.InvariantCulture,
            $"free?q=*:*&fq=type:adres&fq=postcode:{postcode.Value}&fq=huisnummer:{number.Number}&fl={Fields}&rows=10");
        FreeResponse? body;
        try
        {
            body = await http.GetFromJsonAsync<FreeResponse>(query, cancellationToken);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AddressResolverUnavailableException("timed out", e);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or NotSupportedException)
        {
            throw new AddressResolverUnavailableException(e is HttpRequestException { StatusCode: { } status } ? $"HTTP {(int)status}" : e.GetType().Name, e);
        }

        var docs = body?.Response?.Docs ?? [];
        var doc = docs.FirstOrDefault(d => SameAddition(d, number)) ?? docs.FirstOrDefault();
        if (doc?.Buurtcode is null)
        {
            return null;
        }

        return new AddressMatch([doc.Buurtcode], ParsePoint(doc.CentroideLl), MatchPrecision.Exact);
    }

    private static bool SameAddition(FreeDoc doc, HouseNumber number) =>
        string.Equals((doc.Huisletter ?? "") + (doc.Huisnummertoevoeging ?? ""), number.Addition, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses WKT "POINT(lon lat)".</summary>
    private static GeoPoint? ParsePoint(string? wkt)
    {
        var match = wkt is null ? Match.Empty : PointPattern().Match(wkt);
        return match.Success
            ? new GeoPoint(double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture))
            : null;
    }

    [GeneratedRegex(@"^\s*POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)\s*$")]
    private static partial Regex PointPattern();

    private sealed record FreeResponse([property: JsonPropertyName("response")] FreeResult? Response);

    private sealed record FreeResult([property: JsonPropertyName("docs")] IReadOnlyList<FreeDoc>? Docs);

    private sealed record FreeDoc(
        [property: JsonPropertyName("buurtcode")] string? Buurtcode,
        [property: JsonPropertyName("centroide_ll")] string? CentroideLl,
        [property: JsonPropertyName("huisletter")] string? Huisletter,
        [property: JsonPropertyName("huisnummertoevoeging")] string? Huisnummertoevoeging);
}
