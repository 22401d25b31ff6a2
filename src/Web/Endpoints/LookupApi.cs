using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Portal.Application;
using Portal.Pages;
using Portal.Places;
using Portal.Places.Catalog;
using Portal.Places.Lookup;

namespace Portal.Web.Endpoints;

/// <summary>
/// GET /api/v1/lookup, /api/v1/support-points[/{slug}], /api/v1/buurten[/{code}]: read only, typed results, described
/// by the OpenAPI document at /api/v1/openapi.json. Status changes come through Umbraco or `portal status set`, never here.
/// </summary>
public static class LookupApi
{
    public static IEndpointRouteBuilder MapLookupApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("noodsteunpunten");
        api.MapGet("/lookup", LookupAsync)
            .WithName("lookup").WithSummary("The support point for an address (postcode and house number) or a position (lat, lon)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/support-points", (PlaceCatalog places) =>
                TypedResults.Ok(places.SupportPoints.Select(p => SupportPointDto.From(p, places)).ToList()))
            .WithName("supportPoints").WithSummary("Every support point with its live status");
        api.MapGet("/support-points/{slug}", Results<Ok<SupportPointDto>, ProblemHttpResult> (string slug, PlaceCatalog places) =>
                places.FindSupportPoint(slug) is { } point
                    ? TypedResults.Ok(SupportPointDto.From(point, places))
                    : NotFound("Unknown support point", $"There is no support point '{slug}'."))
            .WithName("supportPoint").WithSummary("One support point with its live status")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/buurten", (PlaceCatalog places, [FromServices] RegionDirectory? region) =>
                TypedResults.Ok(places.Buurten.Select(b => BuurtAnswerDto.From(places.AssignmentFor(b), places, region)).ToList()))
            .WithName("buurten").WithSummary("Every buurt with its support point and backup");
        api.MapGet("/buurten/{code}", Results<Ok<BuurtAnswerDto>, ValidationProblem, ProblemHttpResult> (string code, PlaceCatalog places, [FromServices] RegionDirectory? region) =>
            {
                if (!System.Text.RegularExpressions.Regex.IsMatch(code, "^[Bb][Uu][0-9]{8}$"))
                {
                    return Invalid("code", $"'{code}' is not a CBS buurt code; expected BU followed by 8 digits, e.g. BU02680202.");
                }

                return places.FindBuurt(code.ToUpperInvariant()) is { } buurt
                    ? TypedResults.Ok(BuurtAnswerDto.From(places.AssignmentFor(buurt), places, region))
                    : NotFound("Unknown buurt", $"There is no buurt {code.ToUpperInvariant()} in {places.MunicipalityName}.");
            })
            .WithName("buurt").WithSummary("One buurt (CBS code) with its support point and backup")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>Parsed by <see cref="LookupRequest"/>, with the same rules as the HTML lookup page.</summary>
    private static async Task<Results<Ok<LookupResponse>, ValidationProblem, ProblemHttpResult>> LookupAsync(
        string? postcode, string? huisnummer, string? lat, string? lon,
        PlaceCatalog places, SupportPointLookup lookup, PortalMetrics metrics, [FromServices] RegionDirectory? region, CancellationToken cancellationToken)
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
        metrics.Lookup(KebabCase.Of(outcome.Status));
        return outcome.Status switch
        {
            LookupStatus.UnknownPostcode => NotFound("Unknown postcode", $"This postcode is not known in {places.MunicipalityName}."),
            LookupStatus.OutsideMunicipality => region is { IsRegionSite: true }
                ? NotFound("Outside the region", $"This place is not in {places.MunicipalityName}; see your own municipality's website.")
                : NotFound("Outside the municipality", $"This place is not in {places.MunicipalityName}; see your own municipality's website."),
            _ => TypedResults.Ok(ToResponse(outcome, places, region)),
        };
    }

    private static LookupResponse ToResponse(LookupOutcome outcome, PlaceCatalog places, RegionDirectory? region)
    {
        var answers = outcome.Matches.Select(m => BuurtAnswerDto.From(m, places, region, outcome)).ToList();
        var first = answers[0];
        var approximate = outcome.Precision == MatchPrecision.Approximate;
        return new LookupResponse(
            approximate ? "approximate" : "exact",
            first.Buurt,
            first.Municipality,
            first.SupportPoint,
            first.BackupSupportPoint,
            first.Assignment,
            answers.Skip(1).ToList(),
            approximate
                ? "Only the postcode area is known, not the address: the buurt is the most likely one for this area; alternatives lists the others."
                : null);
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message, title: "Invalid lookup request");

    private static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status404NotFound);
}
