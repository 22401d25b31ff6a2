using Portal.Places.Geography;

namespace Portal.Places.Lookup;

/// <summary>What is wrong with a lookup request; each host words it for its readers (a form, or API problem details).</summary>
public enum LookupError
{
    PostcodeRequired,
    PostcodeInvalid,
    HouseNumberInvalid,
    LocationInvalid,
    PostcodeAndLocation,
}

/// <summary>
/// "Which support point is mine?" as a resident asks it: a postcode (and house number) or a position. The HTML page and
/// the JSON API parse it here, with the same rules.
/// </summary>
public sealed record LookupRequest(Postcode? Postcode, HouseNumber? HouseNumber, GeoPoint? Location)
{
    /// <summary>Field names as they appear in the query string.</summary>
    public const string PostcodeField = "postcode";
    public const string HouseNumberField = "huisnummer";
    public const string LatitudeField = "lat";
    public const string LongitudeField = "lon";

    /// <summary>Nothing asked yet: a first visit to the lookup page, not an error.</summary>
    public static bool IsEmpty(string? postcode, string? huisnummer, string? lat, string? lon) =>
        postcode is null && huisnummer is null && lat is null && lon is null;

    /// <returns>The request, or the errors by query-string field.</returns>
    public static (LookupRequest? Request, IReadOnlyDictionary<string, LookupError> Errors) Parse(string? postcode, string? huisnummer, string? lat, string? lon)
    {
        var errors = new Dictionary<string, LookupError>(StringComparer.Ordinal);
        if (lat is not null || lon is not null)
        {
            if (!string.IsNullOrWhiteSpace(postcode))
            {
                errors[PostcodeField] = LookupError.PostcodeAndLocation;
            }
            else if (!GeoPoint.TryParse(lat, lon, out var point))
            {
                errors[lat is null ? LatitudeField : LongitudeField] = LookupError.LocationInvalid;
            }
            else
            {
                return (new LookupRequest(null, null, point), errors);
            }

            return (null, errors);
        }

        Postcode parsed = default;
        if (string.IsNullOrWhiteSpace(postcode))
        {
            errors[PostcodeField] = LookupError.PostcodeRequired;
        }
        else if (!Lookup.Postcode.TryParse(postcode, out parsed))
        {
            errors[PostcodeField] = LookupError.PostcodeInvalid;
        }

        HouseNumber? number = null;
        if (!string.IsNullOrWhiteSpace(huisnummer))
        {
            if (Lookup.HouseNumber.TryParse(huisnummer, out var n))
            {
                number = n;
            }
            else
            {
                errors[HouseNumberField] = LookupError.HouseNumberInvalid;
            }
        }

        return errors.Count > 0 ? (null, errors) : (new LookupRequest(parsed, number, null), errors);
    }

    public async Task<LookupOutcome> RunAsync(SupportPointLookup lookup, CancellationToken cancellationToken) =>
        Location is { } point ? lookup.ByLocation(point) : await lookup.ByPostcodeAsync(Postcode!.Value, HouseNumber, cancellationToken);
}
