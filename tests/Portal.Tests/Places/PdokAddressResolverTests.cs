using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Places.Lookup;

namespace Portal.Tests.Places;

/// <summary>Contract tests against PDOK Locatieserver responses in their documented shape (Fixtures/pdok).</summary>
public class PdokAddressResolverTests
{
    [Fact]
    public async Task Resolves_postcode_and_house_number_to_the_exact_buurt_and_position()
    {
        var handler = new FixtureHandler("free-6525AG-11.json");
        var resolver = new PdokAddressResolver(handler.Client());

        var match = await resolver.ResolveAsync(Parse("6525AG"), House("11"), CancellationToken.None);

        Assert.NotNull(match);
        Assert.Equal(MatchPrecision.Exact, match.Precision);
        Assert.Equal(["BU02680208"], match.BuurtCodes);
        Assert.Equal(51.82873011, match.Location!.Value.Latitude, 6);
        Assert.Equal(5.86693764, match.Location!.Value.Longitude, 6);
        var query = Uri.UnescapeDataString(handler.LastRequest!.RequestUri!.Query);
        Assert.Contains("fq=postcode:6525AG", query);
        Assert.Contains("fq=huisnummer:11", query);
        Assert.Contains("fq=type:adres", query);
    }

    [Fact]
    public async Task Picks_the_document_with_the_same_house_letter_and_ignores_unknown_fields()
    {
        var resolver = new PdokAddressResolver(new FixtureHandler("free-6512GD-32a.json").Client());

        var match = await resolver.ResolveAsync(Parse("6512GD"), House("32a"), CancellationToken.None);

        Assert.Equal(51.83915, match!.Location!.Value.Latitude, 5);
    }

    [Fact]
    public async Task No_documents_means_not_known()
    {
        var resolver = new PdokAddressResolver(new FixtureHandler("free-empty.json").Client());

        Assert.Null(await resolver.ResolveAsync(Parse("6525AG"), House("9999"), CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_house_number_it_does_not_ask()
    {
        var handler = new FixtureHandler("free-6525AG-11.json");

        Assert.Null(await new PdokAddressResolver(handler.Client()).ResolveAsync(Parse("6525AG"), null, CancellationToken.None));
        Assert.Null(handler.LastRequest);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadRequest)]
    public async Task A_server_error_makes_the_resolver_unavailable(HttpStatusCode status)
    {
        var resolver = new PdokAddressResolver(new FixtureHandler(status).Client());

        await Assert.ThrowsAsync<AddressResolverUnavailableException>(() =>
            resolver.ResolveAsync(Parse("6525AG"), House("11"), CancellationToken.None));
    }

    [Fact]
    public async Task A_slow_server_times_out_and_the_fallback_answers_approximately()
    {
        var slow = new FixtureHandler(TimeSpan.FromSeconds(30)).Client(TimeSpan.FromMilliseconds(200));
        var fallback = new StubResolver(new AddressMatch(["BU02680517"], null, MatchPrecision.Approximate));
        var resolver = new FallbackAddressResolver(new PdokAddressResolver(slow), fallback, NullLogger<FallbackAddressResolver>.Instance);

        var match = await resolver.ResolveAsync(Parse("6525AG"), House("11"), CancellationToken.None);

        Assert.Equal(MatchPrecision.Approximate, match!.Precision);
    }

    [Fact]
    public async Task Malformed_json_makes_the_resolver_unavailable()
    {
        var resolver = new PdokAddressResolver(new FixtureHandler(HttpStatusCode.OK, "{\"response\": [").Client());

        await Assert.ThrowsAsync<AddressResolverUnavailableException>(() =>
            resolver.ResolveAsync(Parse("6525AG"), House("11"), CancellationToken.None));
    }

    private static Postcode Parse(string text) => Postcode.TryParse(text, out var p) ? p : throw new ArgumentException(text);

    private static HouseNumber House(string text) => HouseNumber.TryParse(text, out var n) ? n : throw new ArgumentException(text);

    private sealed class StubResolver(AddressMatch match) : IAddressResolver
    {
        public Task<AddressMatch?> ResolveAsync(Postcode postcode, HouseNumber? houseNumber, CancellationToken cancellationToken) =>
            Task.FromResult<AddressMatch?>(match);
    }
}

/// <summary>Answers HTTP requests with a fixture file, a status, raw text, or not in time.</summary>
public sealed class FixtureHandler : HttpMessageHandler
{
    private readonly HttpStatusCode _status = HttpStatusCode.OK;
    private readonly string? _body;
    private readonly TimeSpan _delay;

    public FixtureHandler(string fixture) => _body = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "pdok", fixture));

    public FixtureHandler(HttpStatusCode status, string body = "") => (_status, _body) = (status, body);

    public FixtureHandler(TimeSpan delay) => (_delay, _body) = (delay, "{}");

    public HttpRequestMessage? LastRequest { get; private set; }

    public HttpClient Client(TimeSpan? timeout = null) =>
        new(this) { BaseAddress = new Uri("https://pdok.test/search/v3_1/"), Timeout = timeout ?? TimeSpan.FromSeconds(2) };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastRequest = request;
        await Task.Delay(_delay, cancellationToken);
        return new HttpResponseMessage(_status) { Content = new StringContent(_body ?? "", System.Text.Encoding.UTF8, "application/json") };
    }
}
