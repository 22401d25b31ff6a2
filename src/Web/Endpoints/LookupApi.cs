using Portal.Places;
using Portal.Places.Lookup;

namespace Portal.Web.Endpoints;

/// <summary>GET /api/v1/lookup, /api/v1/support-points, /api/v1/buurten/{code}.</summary>
public static class LookupApi
{
    public static IEndpointRouteBuilder MapLookupApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapGet("/lookup", LookupAsync);
        api.MapGet("/support-points", (PlaceCatalog places) =>
            TypedResults.Ok(places.SupportPoints.Select(p => SupportPointDto.From(p, places))));
        api.MapGet("/support-points/{slug}", (string slug, PlaceCatalog places) =>
            places.FindSupportPoint(slug) is { } point
                ? Results.Ok(SupportPointDto.From(point, places))
                : NotFound("Unknown support point", $"There is no support point '{slug}'."));
        api.MapGet("/buurten", (PlaceCatalog places) =>
            TypedResults.Ok(places.Buurten.Select(b => BuurtAnswerDto.From(places.AssignmentFor(b), places))));
        api.MapGet("/buurten/{code}", (string code, PlaceCatalog places) =>
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(code, "^[Bb][Uu][0-9]{8}$"))
            {
                return Invalid("code", $"'{code}' is not a CBS buurt code; expected BU followed by 8 digits, e.g. BU02680202.");
            }

            return places.FindBuurt(code.ToUpperInvariant()) is { } buurt
                ? Results.Ok(BuurtAnswerDto.From(places.AssignmentFor(buurt), places))
                : NotFound("Unknown buurt", $"There is no buurt {code.ToUpperInvariant()} in {places.MunicipalityName}.");
        });
        return app;
    }

    /// <summary>Parsed by <see cref="LookupRequest"/>, with the same rules as the HTML lookup page.</summary>
    private static async Task<IResult> LookupAsync(
        string? postcode, string? huisnummer, string? lat, string? lon,
        PlaceCatalog places, SupportPointLookup lookup, CancellationToken cancellationToken)
    {
        var (request, errors) = LookupRequest.Parse(postcode, huisnummer, lat, lon);
        if (request is null)
        {
            var (field, error) = errors.First();
            return Invalid(field, error switch
            {
                LookupError.PostcodeAndLocation => "Give either postcode (and huisnummer) or lat and lon, not both.",
                LookupError.LocationInvalid => "lat and lon must both be given as decimal WGS84 degrees with a dot, e.g. lat=51.8287&lon=5.8669.",
                LookupError.PostcodeRequired => "Give a postcode (e.g. postcode=6525AG, optionally with huisnummer=11) or lat and lon.",
                LookupError.PostcodeInvalid => "Not a Dutch postcode: expected four digits and two letters, e.g. 6525AG or 6525 AG.",
                _ => "Not a house number: expected a number from 1 to 99999, optionally with a letter or addition, e.g. 11 or 11a.",
            });
        }

        var outcome = await request.RunAsync(lookup, cancellationToken);
        return outcome.Status switch
        {
            LookupStatus.UnknownPostcode => NotFound("Unknown postcode", $"This postcode is not known in {places.MunicipalityName}."),
            LookupStatus.OutsideMunicipality => NotFound("Outside the municipality", $"This place is not in {places.MunicipalityName}; see your own municipality's website."),
            _ => Results.Ok(ToResponse(outcome, places)),
        };
    }

    private static LookupResponse ToResponse(LookupOutcome outcome, PlaceCatalog places)
    {
        var answers = outcome.Matches.Select(m => BuurtAnswerDto.From(m, places, outcome)).ToList();
        var first = answers[0];
        var approximate = outcome.Precision == MatchPrecision.Approximate;
        return new LookupResponse(
            approximate ? "approximate" : "exact",
            first.Buurt,
            first.SupportPoint,
            first.BackupSupportPoint,
            first.Assignment,
            answers.Skip(1).ToList(),
            approximate
                ? "Only the postcode area is known, not the address: the buurt is the most likely one for this area; alternatives lists the others."
                : null);
    }

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message, title: "Invalid lookup request");

    private static IResult NotFound(string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status404NotFound);
}
