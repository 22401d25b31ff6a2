using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace Portal.Tests.Umbraco;

/// <summary>Contract tests: the portal against an Umbraco that answers in the Delivery API v2's documented shapes.</summary>
public sealed class UmbracoSourceTests : IDisposable
{
    private const string NoodplanId = "5a1e0c43-7c2d-4b8e-9f00-000000000004";
    private const string AlertId = "5a1e0c43-7c2d-4b8e-9f00-000000000005";
    private readonly string _snapshot = Path.Combine(Path.GetTempPath(), $"portal-snapshot-{Guid.NewGuid():N}", "snapshot.json");
    private readonly List<UmbracoPortalFactory> _factories = [];

    [Fact]
    public async Task Pages_come_from_Umbraco_sanitised_in_both_rich_text_forms()
    {
        var client = Start(new FakeUmbraco()).CreateClient();

        var nlPlan = await Page(client, "/noodplan");
        Assert.Equal("Maak een noodplan", nlPlan.QuerySelector("h1")!.TextContent);
        Assert.Contains("Schrijf het op papier.", nlPlan.QuerySelector(".body")!.TextContent); // JSON node tree form
        var enPlan = await Page(client, "/en/noodplan");
        Assert.Contains("Write it on paper.", enPlan.QuerySelector(".body")!.TextContent); // markup form
        Assert.Empty(enPlan.QuerySelectorAll(".body [style]"));
        var home = await client.GetStringAsync("/");
        Assert.DoesNotContain("alert('x')", home);
        Assert.DoesNotContain("onclick", await client.GetStringAsync("/en"));
    }

    [Fact]
    public async Task Block_lists_become_the_checklist_and_unknown_blocks_and_types_are_skipped()
    {
        var factory = Start(new FakeUmbraco());
        var client = factory.CreateClient();

        var kit = await Page(client, "/noodpakket?personen=2");

        var items = kit.QuerySelector(".checklist-items")!.TextContent;
        Assert.Contains("Drinkwater", items);
        Assert.Contains("18 liter", items);
        Assert.Contains("Een radio op batterijen", items);
        Assert.DoesNotContain("video", kit.Body!.InnerHtml);
        Assert.Contains("Omroep Gelderland", kit.QuerySelector(".body")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/1")).StatusCode);
        Assert.Contains(factory.LogLines, l => l.Contains("unknown block type videoEmbed", StringComparison.Ordinal));
        Assert.Contains(factory.LogLines, l => l.Contains("unknown type newsArticle", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Alerts_and_support_points_are_managed_in_Umbraco()
    {
        var client = Start(new FakeUmbraco()).CreateClient();

        var page = await Page(client, "/wijken");
        Assert.Contains("de stroom is uitgevallen", page.QuerySelector(".alert-warning")!.TextContent);
        Assert.Equal("/stroomuitval", page.QuerySelector(".alert a")!.GetAttribute("href"));
        var point = await Page(client, "/steunpunt/brandweer-groenewoud");
        var status = point.QuerySelector(".point-status")!.TextContent;
        Assert.Contains("Open", status);
        Assert.Contains("Nu beschikbaar: drinkwater", status);
        Assert.Contains("Open tot 22.00 uur. Neem een fles mee.", status);
        Assert.Contains("Laatst bijgewerkt: 21 november 2026, 12:00", status);
        var english = await Page(client, "/en/steunpunt/brandweer-groenewoud");
        Assert.Contains("Open until 10 pm. Bring a bottle.", english.QuerySelector(".point-status")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/steunpunt/obs-de-muze")).StatusCode);
        var api = await client.GetFromJsonAsync<JsonElement>("/api/v1/lookup?postcode=6512GD");
        Assert.Equal("brandweer-groenewoud", api.GetProperty("supportPoint").GetProperty("slug").GetString());
        Assert.Equal("Open until 10 pm. Bring a bottle.", api.GetProperty("supportPoint").GetProperty("statusMessage").GetProperty("en").GetString());
        Assert.Equal(["drinking-water"], api.GetProperty("supportPoint").GetProperty("servicesNow").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Requests_carry_key_start_item_and_culture_and_page_through_everything()
    {
        var umbraco = new FakeUmbraco();
        var client = Start(umbraco).CreateClient();
        await client.GetAsync("/");

        var requests = umbraco.Requests.ToList();
        Assert.All(requests, r => Assert.Equal("test-key", r.Headers.GetValues("Api-Key").Single()));
        Assert.All(requests, r => Assert.Equal("nijmegen", r.Headers.GetValues("Start-Item").Single()));
        Assert.Contains(requests, r => r.Headers.AcceptLanguage.Single().Value == "nl-NL");
        Assert.Contains(requests, r => r.Headers.AcceptLanguage.Single().Value == "ar");
        // 6 descendants, 3 per page: two pages per culture.
        Assert.Contains(requests, r => r.RequestUri!.Query.Contains("skip=3", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.RequestUri!.Query.Contains("fetch=descendants:nijmegen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_translation_made_from_an_older_source_says_so()
    {
        var client = Start(new FakeUmbraco()).CreateClient();

        var page = await Page(client, "/en/noodplan");

        Assert.Contains("has not been updated", page.QuerySelector("article .notice")!.TextContent);
        Assert.Null((await Page(client, "/en/noodpakket")).QuerySelector("article .notice"));
    }

    [Fact]
    public async Task Health_reports_the_source_and_a_fresh_snapshot()
    {
        var factory = Start(new FakeUmbraco());
        var health = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal("umbraco", health.GetProperty("source").GetString());
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.InRange(health.GetProperty("snapshotAgeSeconds").GetInt64(), 0, 60);
        Assert.True(File.Exists(_snapshot));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong")]
    [InlineData("Bearer s3cret-webhook-valu")]
    [InlineData("s3cret-webhook-value")]
    public async Task A_forged_or_missing_webhook_secret_is_401(string? authorization)
    {
        var client = Start(new FakeUmbraco()).CreateClient();
        using var request = Webhook("webhooks/legacy-content-publish.json", authorization);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("webhooks/legacy-content-publish.json")]
    [InlineData("webhooks/content-publish-camelcase.json")]
    public async Task A_publish_webhook_is_accepted_at_once_and_the_page_is_re_read(string payload)
    {
        var umbraco = new FakeUmbraco();
        var client = Start(umbraco).CreateClient();
        umbraco.Publish("nl", NoodplanId, "title", "Maak vandaag een noodplan");

        var response = await client.SendAsync(Webhook(payload, $"Bearer {UmbracoPortalFactory.Secret}"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.TrueAsync(async () => (await Page(client, "/noodplan")).QuerySelector("h1")!.TextContent == "Maak vandaag een noodplan");
        // The payload carried a different title: it is only a hint, the Delivery API is the truth.
        Assert.DoesNotContain("(nieuw)", await client.GetStringAsync("/noodplan"));
    }

    [Fact]
    public async Task A_retried_webhook_is_harmless()
    {
        var umbraco = new FakeUmbraco();
        var client = Start(umbraco).CreateClient();
        umbraco.Publish("nl", NoodplanId, "title", "Tweede versie");

        for (var retry = 0; retry < 3; retry++)
        {
            using var request = Webhook("webhooks/legacy-content-publish.json", $"Bearer {UmbracoPortalFactory.Secret}");
            request.Headers.Add("Umb-Webhook-RetryCount", retry.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(request)).StatusCode);
        }

        await Eventually.TrueAsync(async () => (await Page(client, "/noodplan")).QuerySelector("h1")!.TextContent == "Tweede versie");
        Assert.Equal("Tweede versie", (await Page(client, "/noodplan")).QuerySelector("h1")!.TextContent);
        Assert.Equal(200, (int)(await client.GetAsync("/en/noodplan")).StatusCode);
    }

    [Fact]
    public async Task A_delete_webhook_removes_the_item()
    {
        var umbraco = new FakeUmbraco();
        var client = Start(umbraco).CreateClient();
        Assert.NotNull((await Page(client, "/")).QuerySelector(".alert"));
        umbraco.Unpublish(AlertId);

        await client.SendAsync(Webhook("webhooks/legacy-content-delete.json", $"Bearer {UmbracoPortalFactory.Secret}"));

        await Eventually.TrueAsync(async () => (await Page(client, "/")).QuerySelector(".alert") is null);
    }

    [Theory]
    [InlineData("webhooks/without-id.json")]
    [InlineData(null)]
    public async Task A_webhook_without_an_item_id_is_400(string? payload)
    {
        var client = Start(new FakeUmbraco()).CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/umbraco")
        {
            Content = new StringContent(payload is null ? "not json" : FakeUmbraco.FixtureText(payload), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", UmbracoPortalFactory.Secret);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_webhook_body_larger_than_any_payload_is_413_and_health_only_answers_reads()
    {
        var client = Start(new FakeUmbraco()).CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/umbraco")
        {
            Content = new ByteArrayContent(new byte[40_000_000]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", UmbracoPortalFactory.Secret);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await client.SendAsync(request)).StatusCode);

        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Trace })
        {
            var response = await client.SendAsync(new HttpRequestMessage(method, "/health"));
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{method} /health: {response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task When_Umbraco_is_down_the_portal_serves_the_last_known_good_snapshot()
    {
        await Start(new FakeUmbraco()).CreateClient().GetAsync("/"); // a good run writes the snapshot
        var client = Start(new FakeUmbraco { Down = true }).CreateClient();

        Assert.Equal("Maak een noodplan", (await Page(client, "/noodplan")).QuerySelector("h1")!.TextContent);
        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("umbraco-snapshot", health.GetProperty("source").GetString());
        Assert.Contains("did not answer", health.GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task An_empty_index_never_replaces_a_good_snapshot()
    {
        await Start(new FakeUmbraco()).CreateClient().GetAsync("/");
        var good = await File.ReadAllBytesAsync(_snapshot);

        var client = Start(new FakeUmbraco { Empty = true }).CreateClient();

        Assert.Equal("Maak een noodplan", (await Page(client, "/noodplan")).QuerySelector("h1")!.TextContent);
        Assert.Equal(good, await File.ReadAllBytesAsync(_snapshot));
        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        Assert.Contains("no 'home' item", health.GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task A_rejected_api_key_without_a_snapshot_falls_back_to_the_embedded_content_and_says_why()
    {
        var client = Start(new FakeUmbraco { Unauthorized = true }).CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/steunpunt/obs-de-muze")).StatusCode);
        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        Assert.StartsWith("content", health.GetProperty("source").GetString());
        Assert.Contains("API key", health.GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task A_slow_Umbraco_times_out_and_the_portal_still_starts()
    {
        var client = Start(new FakeUmbraco { Delay = TimeSpan.FromSeconds(5) }, new Dictionary<string, string> { ["Portal:Umbraco:Timeout"] = "00:00:00.300" }).CreateClient();

        var health = await client.GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    private UmbracoPortalFactory Start(FakeUmbraco umbraco, Dictionary<string, string>? settings = null)
    {
        var factory = new UmbracoPortalFactory(umbraco, _snapshot, settings);
        _factories.Add(factory);
        return factory;
    }

    private static HttpRequestMessage Webhook(string fixture, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/umbraco")
        {
            Content = new StringContent(FakeUmbraco.FixtureText(fixture), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Umb-Webhook-Event", "Umbraco.ContentPublish");
        request.Headers.UserAgent.ParseAdd("Umbraco-Cms/17.0.0");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    private static async Task<AngleSharp.Dom.IDocument> Page(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        foreach (var factory in _factories)
        {
            factory.Dispose();
        }

        if (Directory.Exists(Path.GetDirectoryName(_snapshot)))
        {
            Directory.Delete(Path.GetDirectoryName(_snapshot)!, recursive: true);
        }
    }
}
