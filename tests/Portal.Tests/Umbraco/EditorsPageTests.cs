using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace Portal.Tests.Umbraco;

/// <summary>
/// The officers' page: an officer who publishes an invalid alert beside valid pages sees the pages live, the alert refused
/// with its reason and a link to fix it in Umbraco; residents and strangers never see the page.
/// </summary>
public sealed class EditorsPageTests : IDisposable
{
    private const string AlertId = "5a1e0c43-7c2d-4b8e-9f00-000000000005";
    private const string NoodplanId = "5a1e0c43-7c2d-4b8e-9f00-000000000004";
    private const string PointId = "5a1e0c43-7c2d-4b8e-9f00-000000000006";
    private const string Password = "lange-zin-als-wachtwoord";
    private const string MonitoringKey = "monitoring-key-1234567890";
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), $"portal-editors-{Guid.NewGuid():N}");
    private readonly List<UmbracoPortalFactory> _factories = [];

    [Fact]
    public async Task An_officer_sees_the_refused_alert_with_its_reason_and_a_backoffice_link_and_it_is_gone_once_fixed()
    {
        var umbraco = new FakeUmbraco();
        var client = Start(umbraco).CreateClient();
        umbraco.Publish("nl", AlertId, "activeFrom", "morgen vroeg");
        umbraco.Publish("nl", NoodplanId, "title", "Maak vandaag een noodplan");
        await client.SendAsync(UmbracoPortalFactory.Webhook(AlertId));
        await client.SendAsync(UmbracoPortalFactory.Webhook(NoodplanId));
        await Eventually.TrueAsync(async () => (await client.GetStringAsync("/noodplan")).Contains("Maak vandaag een noodplan", StringComparison.Ordinal));

        var page = await new HtmlParser().ParseDocumentAsync(await Officer(client).GetStringAsync("/redactie"));

        var refused = page.QuerySelector("table caption")!.ParentElement!;
        Assert.Contains("Geweigerde items (1)", refused.TextContent);
        var row = refused.QuerySelector("tbody tr")!;
        Assert.Contains("melding: alert 'Stroomstoring'", row.TextContent);
        Assert.Contains("de vorige versie", row.TextContent);
        Assert.Contains("activeFrom: 'morgen vroeg' is geen datum met tijd. Kies het begin van de melding opnieuw", row.TextContent);
        Assert.Equal($"https://cms.test/umbraco/section/content/workspace/document/edit/{AlertId}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(page.QuerySelectorAll("tr"), r => r.TextContent.Contains("Maak vandaag een noodplan", StringComparison.Ordinal) && r.TextContent.Contains("versie", StringComparison.Ordinal));
        Assert.Equal("nl", page.DocumentElement.GetAttribute("lang"));

        umbraco.Publish("nl", AlertId, "activeFrom", "2026-01-01T00:00:00");
        await client.SendAsync(UmbracoPortalFactory.Webhook(AlertId));
        await Eventually.TrueAsync(async () => (await Officer(client).GetStringAsync("/redactie")).Contains("Niets geweigerd", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Monitoring_reads_the_same_as_JSON_with_its_key()
    {
        var umbraco = new FakeUmbraco();
        var client = Start(umbraco).CreateClient();
        umbraco.Publish("nl", AlertId, "linkUrl", "javascript:alert(1)");
        await client.SendAsync(UmbracoPortalFactory.Webhook(AlertId));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/redactie/status.json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MonitoringKey);

        JsonElement report = default;
        await Eventually.TrueAsync(async () =>
        {
            using var again = new HttpRequestMessage(HttpMethod.Get, "/redactie/status.json") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", MonitoringKey) } };
            report = await (await client.SendAsync(again)).Content.ReadFromJsonAsync<JsonElement>();
            return report.GetProperty("refused").GetArrayLength() == 1;
        });
        var item = report.GetProperty("refused")[0];
        Assert.Equal("refused-last-good", item.GetProperty("state").GetString());
        Assert.Equal("linkUrl", item.GetProperty("reasons")[0].GetProperty("field").GetString());
        Assert.StartsWith("'javascript:alert(1)' is not a site path", item.GetProperty("reasons")[0].GetProperty("message").GetString());
        Assert.StartsWith("De link 'javascript:alert(1)' is geen pagina van deze site", item.GetProperty("reasons")[0].GetProperty("dutch").GetString());
        Assert.EndsWith($"/document/edit/{AlertId}", item.GetProperty("editUrl").GetString());
        Assert.Equal("no-store", (await client.SendAsync(request)).Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task An_officer_previews_a_draft_page_alert_and_point_as_residents_will_see_them_and_the_draft_never_leaks()
    {
        var umbraco = new FakeUmbraco();
        var factory = Start(umbraco);
        var client = factory.CreateClient();
        var snapshot = await File.ReadAllTextAsync(factory.SnapshotPath);
        umbraco.SaveDraft("nl", NoodplanId, "title", "Conceptplan voor de winter");
        umbraco.SaveDraft("en", NoodplanId, "title", "Draft plan for winter");
        umbraco.SaveDraft("nl", AlertId, "text", "Conceptmelding over de storing");
        umbraco.SaveDraft("nl", PointId, "status", "full");

        var page = await Officer(client).GetStringAsync($"/redactie/voorbeeld/{NoodplanId}");
        Assert.Contains("Conceptplan voor de winter", page);
        Assert.Contains("bewoners zien dit pas na publiceren", page);
        Assert.Contains("Draft plan for winter", await client.GetStringAsync($"/redactie/voorbeeld/{NoodplanId}?taal=en"));
        Assert.Contains("Conceptmelding over de storing", await client.GetStringAsync($"/redactie/voorbeeld/{AlertId}"));
        Assert.Contains("status-full", await client.GetStringAsync($"/redactie/voorbeeld/{PointId}"));
        var response = await client.GetAsync($"/redactie/voorbeeld/{NoodplanId}");
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());

        // Residents, search, the health report and the snapshot never see a draft.
        client.DefaultRequestHeaders.Authorization = null;
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/redactie/voorbeeld/{NoodplanId}")).StatusCode);
        Assert.DoesNotContain("Conceptplan", await client.GetStringAsync("/noodplan"));
        Assert.DoesNotContain("Conceptmelding", await client.GetStringAsync("/"));
        Assert.Contains("status-open", await client.GetStringAsync("/steunpunt/brandweer-groenewoud"));
        Assert.DoesNotContain("Conceptplan voor de winter", await client.GetStringAsync("/zoeken?q=Conceptplan"));
        Assert.Equal(snapshot, await File.ReadAllTextAsync(factory.SnapshotPath));
    }

    [Fact]
    public async Task A_draft_that_would_be_refused_says_why_before_it_is_published()
    {
        var umbraco = new FakeUmbraco();
        var client = Officer(Start(umbraco).CreateClient());
        umbraco.SaveDraft("nl", AlertId, "linkUrl", "javascript:alert(1)");

        var response = await client.GetAsync($"/redactie/voorbeeld/{AlertId}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("Dit concept zou worden geweigerd", text);
        Assert.Contains("<code>linkUrl</code>: De link &#39;javascript:alert(1)&#39; is geen pagina van deze site", text);
    }

    [Fact]
    public async Task An_officer_sees_that_the_pages_went_live_after_a_publish_and_that_the_static_site_failed_and_why()
    {
        // A file where the static site's folder must go fails every write, as a full disk does (no card is printed).
        Directory.CreateDirectory(_scratch);
        var disk = Path.Combine(_scratch, "disk");
        File.WriteAllText(disk, "");
        var umbraco = new FakeUmbraco();
        var client = Officer(Start(umbraco, new Dictionary<string, string> { ["Portal:StaticOutputPath"] = Path.Combine(disk, "static") }).CreateClient());
        await Eventually.TrueAsync(async () => Rebuilt(await Report(client), "static site") is { } site && site.TryGetProperty("failed", out var f) && f.ValueKind == JsonValueKind.String);
        var published = DateTimeOffset.UtcNow;

        umbraco.Publish("nl", NoodplanId, "title", "Maak vandaag een noodplan");
        await client.SendAsync(UmbracoPortalFactory.Webhook(NoodplanId));
        await Eventually.TrueAsync(async () => Rebuilt(await Report(client), "live pages")?.GetProperty("succeeded").GetDateTimeOffset() >= published
            && Rebuilt(await Report(client), "static site")?.GetProperty("failed").GetDateTimeOffset() >= published);

        var report = await Report(client);
        Assert.Equal(report.GetProperty("contentVersion").GetString(), Rebuilt(report, "live pages")!.Value.GetProperty("version").GetString());
        Assert.Contains("tried again in", Rebuilt(report, "static site")!.Value.GetProperty("reason").GetString());
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/redactie"));
        var rows = page.QuerySelectorAll("caption").First(c => c.TextContent.Contains("opnieuw is gemaakt", StringComparison.Ordinal)).ParentElement!.QuerySelectorAll("tbody tr");
        Assert.Contains(rows, r => r.TextContent.StartsWith("Pagina's op de site", StringComparison.Ordinal) && r.TextContent.Contains("inhoudsversie", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.TextContent.StartsWith("Noodsite (statische kopie)", StringComparison.Ordinal) && r.TextContent.Contains("Mislukt", StringComparison.Ordinal));
    }

    internal static JsonElement? Rebuilt(JsonElement report, string what) =>
        report.GetProperty("rebuilds").EnumerateArray().Where(r => r.GetProperty("what").GetString() == what).Select(r => (JsonElement?)r).FirstOrDefault();

    internal static async Task<JsonElement> Report(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/redactie/status.json") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", MonitoringKey) } };
        return await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("anna:verkeerd")]
    [InlineData("onbekend:" + Password)]
    [InlineData("anna:")]
    public async Task Without_the_right_name_and_password_the_page_is_401_and_asks_for_them(string? credentials)
    {
        var client = Start(new FakeUmbraco()).CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/redactie");
        if (credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Basic", response.Headers.WwwAuthenticate.ToString());
        Assert.DoesNotContain("Geweigerd", await response.Content.ReadAsStringAsync());
        using var json = new HttpRequestMessage(HttpMethod.Get, "/redactie/status.json") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "wrong") } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(json)).StatusCode);
    }

    private static HttpClient Officer(HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"anna:{Password}")));
        return client;
    }

    private UmbracoPortalFactory Start(FakeUmbraco umbraco, IDictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Portal:Editors:Users:anna"] = Password,
            ["Portal:Editors:MonitoringKey"] = MonitoringKey,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var factory = new UmbracoPortalFactory(umbraco, Path.Combine(_scratch, $"{Guid.NewGuid():N}", "snapshot.json"), settings);
        _factories.Add(factory);
        return factory;
    }


    public void Dispose()
    {
        foreach (var factory in _factories)
        {
            factory.Dispose();
        }

        TestContent.DeleteScratch(_scratch);
    }
}
