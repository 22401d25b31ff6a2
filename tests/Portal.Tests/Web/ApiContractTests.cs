using System.Text.Json.Nodes;
using NJsonSchema;

namespace Portal.Tests.Web;

/// <summary>
/// The OpenAPI document at /api/v1/openapi.json is the contract partners build on: every operation in it answers, and
/// every answer (found, not found, invalid) has the shape the document gives for that status code.
/// </summary>
public sealed class ApiContractTests : IClassFixture<PortalFactory>
{
    private readonly HttpClient _client;

    public ApiContractTests(PortalFactory factory) => _client = factory.CreateClient();

    public static TheoryData<string, string, int> Requests => new()
    {
        { "/api/v1/support-points", "/api/v1/support-points", 200 },
        { "/api/v1/support-points/{slug}", "/api/v1/support-points/gemeentehuis-nijmegen", 200 },
        { "/api/v1/support-points/{slug}", "/api/v1/support-points/bestaat-niet", 404 },
        { "/api/v1/buurten", "/api/v1/buurten", 200 },
        { "/api/v1/buurten/{code}", "/api/v1/buurten/BU02680202", 200 },
        { "/api/v1/buurten/{code}", "/api/v1/buurten/BU99999999", 404 },
        { "/api/v1/buurten/{code}", "/api/v1/buurten/wijchen", 400 },
        { "/api/v1/lookup", "/api/v1/lookup?postcode=6525AG&huisnummer=11", 200 },
        { "/api/v1/lookup", "/api/v1/lookup?lat=51.8287&lon=5.8669", 200 },
        { "/api/v1/lookup", "/api/v1/lookup?postcode=1234", 400 },
        { "/api/v1/lookup", "/api/v1/lookup?postcode=9999ZZ", 404 },
    };

    [Fact]
    public async Task The_document_describes_every_read_operation_and_no_write()
    {
        var document = await Document();
        var paths = document["paths"]!.AsObject();

        Assert.Equal(["/api/v1/buurten", "/api/v1/buurten/{code}", "/api/v1/lookup", "/api/v1/support-points", "/api/v1/support-points/{slug}"],
            paths.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(paths, p => Assert.Equal(["get"], p.Value!.AsObject().Select(o => o.Key)));
        var point = document["components"]!["schemas"]!["SupportPointDto"]!["properties"]!.AsObject();
        Assert.Contains("statusMessage", point.Select(p => p.Key));
        Assert.Contains("goInstead", point.Select(p => p.Key));
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Every_answer_has_the_shape_the_document_gives(string path, string url, int status)
    {
        var document = await Document();
        var response = await _client.GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);

        var content = document["paths"]![path]!["get"]!["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?.AsObject();
        Assert.True(content is not null, $"{path} answers {status}, which the document does not describe");
        var mediaType = response.Content.Headers.ContentType!.MediaType!;
        Assert.True(content!.ContainsKey(mediaType), $"{path} {status}: answered as {mediaType}, documented as {string.Join(", ", content.Select(c => c.Key))}");

        var schema = await SchemaFor(document, content[mediaType]!["schema"]!);
        var errors = schema.Validate(await response.Content.ReadAsStringAsync());
        Assert.True(errors.Count == 0, $"{url}: {string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}"))}");
    }

    private async Task<JsonObject> Document() => JsonNode.Parse(await _client.GetStringAsync("/api/v1/openapi.json"))!.AsObject();

    /// <summary>The response's schema with the document's components beside it, so its $refs resolve.</summary>
    private static async Task<JsonSchema> SchemaFor(JsonObject document, JsonNode schema)
    {
        // NJsonSchema resolves references into "definitions"; OpenAPI keeps them under components/schemas.
        var root = new JsonObject { ["allOf"] = new JsonArray(JsonNode.Parse(schema.ToJsonString().Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal))) };
        root["definitions"] = JsonNode.Parse(document["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal));
        return await JsonSchema.FromJsonAsync(root.ToJsonString());
    }
}
