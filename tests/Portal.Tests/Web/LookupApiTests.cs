using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Portal.Tests.Web;

public class LookupApiTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_postcode_gives_the_buurt_its_support_point_and_says_it_is_approximate()
    {
        var json = await GetJson("/api/v1/lookup?postcode=6512%20gd");

        Assert.Equal("approximate", json.GetProperty("match").GetString());
        Assert.Equal("BU02680202", json.GetProperty("buurt").GetProperty("code").GetString());
        Assert.Equal("Nijmegen-Oost", json.GetProperty("buurt").GetProperty("wijk").GetProperty("name").GetString());
        var point = json.GetProperty("supportPoint");
        Assert.Equal("basisschool-petrus-canisius-bottendaal", point.GetProperty("slug").GetString());
        Assert.Equal("buurt-centre", point.GetProperty("distanceFrom").GetString());
        Assert.True(point.GetProperty("distanceMeters").GetDouble() > 0);
        Assert.Equal("standby", point.GetProperty("status").GetString());
        Assert.Contains("drinking-water", point.GetProperty("services").EnumerateArray().Select(s => s.GetString()));
        Assert.True(point.GetProperty("isExample").GetBoolean());
        Assert.Contains("BU02680202", point.GetProperty("buurten").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(JsonValueKind.Object, json.GetProperty("backupSupportPoint").ValueKind);
    }

    [Fact]
    public async Task A_postcode_area_with_several_buurten_lists_the_alternatives()
    {
        var json = await GetJson("/api/v1/lookup?postcode=6525AG&huisnummer=11");

        Assert.Equal("approximate", json.GetProperty("match").GetString());
        Assert.Equal(2, json.GetProperty("alternatives").GetArrayLength());
    }

    [Fact]
    public async Task A_location_is_an_exact_match_with_distance_from_the_address()
    {
        var json = await GetJson("/api/v1/lookup?lat=51.8287301&lon=5.8669376");

        Assert.Equal("exact", json.GetProperty("match").GetString());
        Assert.Equal("Groenewoud", json.GetProperty("buurt").GetProperty("name").GetString());
        Assert.Equal("address", json.GetProperty("supportPoint").GetProperty("distanceFrom").GetString());
        Assert.Equal(0, json.GetProperty("supportPoint").GetProperty("distanceMeters").GetDouble());
    }

    [Theory]
    [InlineData("/api/v1/lookup?postcode=65256AG", "postcode")]
    [InlineData("/api/v1/lookup", "postcode")]
    [InlineData("/api/v1/lookup?postcode=6525AG&huisnummer=elf", "huisnummer")]
    [InlineData("/api/v1/lookup?lat=51.8&lon=oost", "lon")]
    [InlineData("/api/v1/lookup?lat=95&lon=5.8", "lon")]
    [InlineData("/api/v1/buurten/Bottendaal", "code")]
    public async Task Malformed_input_is_a_400_problem_naming_the_field(string url, string field)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages));
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    [Theory]
    [InlineData("/api/v1/lookup?postcode=1234AB", "Unknown postcode")]
    [InlineData("/api/v1/lookup?lat=52.3728&lon=4.8936", "Outside the municipality")]
    [InlineData("/api/v1/buurten/BU02689999", "Unknown buurt")]
    public async Task Unknown_places_are_a_404_problem_with_a_message(string url, string title)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Lists_all_support_points_with_all_their_fields()
    {
        var json = await GetJson("/api/v1/support-points");

        Assert.Equal(16, json.GetArrayLength());
        var townHall = json.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "gemeentehuis-nijmegen");
        Assert.Equal("coordinating", townHall.GetProperty("kind").GetString());
        Assert.Equal("Korte Nieuwstraat", townHall.GetProperty("address").GetProperty("street").GetString());
        Assert.Equal("6511PP", townHall.GetProperty("address").GetProperty("postcode").GetString());
        Assert.Equal(51.8465518, townHall.GetProperty("location").GetProperty("lat").GetDouble(), 6);
        var served = townHall.GetProperty("buurten").EnumerateArray().Select(b => b.GetString()).ToList();
        Assert.Contains("BU02680100", served);
        Assert.Contains("BU02680101", served);
        Assert.True(townHall.TryGetProperty("accessibility", out _));
        Assert.True(townHall.TryGetProperty("statusChangedAt", out _));
    }

    [Fact]
    public async Task A_buurt_shows_its_explicit_support_point()
    {
        var json = await GetJson("/api/v1/buurten/bu02680101");

        Assert.Equal("Stadscentrum", json.GetProperty("buurt").GetProperty("name").GetString());
        Assert.Equal("explicit", json.GetProperty("assignment").GetString());
        Assert.Equal("gemeentehuis-nijmegen", json.GetProperty("supportPoint").GetProperty("slug").GetString());
    }

    private async Task<JsonElement> GetJson(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public class PdokLookupTests(PdokPortalFactory factory) : IClassFixture<PdokPortalFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task With_PDOK_a_postcode_and_house_number_is_an_exact_match()
    {
        var json = await _client.GetFromJsonAsync<JsonElement>("/api/v1/lookup?postcode=6525AG&huisnummer=11");

        Assert.Equal("exact", json.GetProperty("match").GetString());
        Assert.Equal("Groenewoud", json.GetProperty("buurt").GetProperty("name").GetString());
        Assert.Equal("address", json.GetProperty("supportPoint").GetProperty("distanceFrom").GetString());
        Assert.Equal(0, json.GetProperty("alternatives").GetArrayLength());
    }

    [Fact]
    public async Task When_PDOK_is_down_the_answer_falls_back_to_the_postcode_area()
    {
        var json = await _client.GetFromJsonAsync<JsonElement>("/api/v1/lookup?postcode=6512GD&huisnummer=32");

        Assert.Equal("approximate", json.GetProperty("match").GetString());
        Assert.Equal("Bottendaal", json.GetProperty("buurt").GetProperty("name").GetString());
        Assert.Contains(factory.LogLines, line => line.Contains("Exact address resolver unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_address_in_another_municipality_says_so()
    {
        var response = await _client.GetAsync("/api/v1/lookup?postcode=6811AA&huisnummer=1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Outside the municipality", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Lookups_leave_no_postcode_house_number_or_coordinates_in_the_logs()
    {
        await _client.GetAsync("/api/v1/lookup?postcode=6525AG&huisnummer=11");
        await _client.GetAsync("/api/v1/lookup?postcode=6512GD&huisnummer=32");
        await _client.GetAsync("/opzoeken?postcode=6525+AG&huisnummer=11");
        await _client.GetAsync("/api/v1/lookup?lat=51.8287301&lon=5.8669376");
        await _client.GetAsync("/opzoeken?lat=51.83912&lon=5.85401");

        Assert.NotEmpty(factory.LogLines);
        var logs = string.Join("\n", factory.LogLines);
        foreach (var secret in new[] { "6525AG", "6525 AG", "6525+AG", "6512GD", "huisnummer", "51.8287301", "5.8669376", "51.83912", "5.85401", "postcode=" })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.OrdinalIgnoreCase);
        }
    }
}
