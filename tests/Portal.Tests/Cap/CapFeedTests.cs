using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Application.ContentPipeline;
using Portal.Application.OpenData.Cap;
using Portal.Content.Umbraco;
using Portal.Content.Umbraco.Seeding;
using Portal.Tests.Umbraco;
using Portal.Tests.Web;
using Portal.Web.Cli;

namespace Portal.Tests.Cap;

/// <summary>
/// The CAP 1.2 feed read as an aggregator reads it (Google Public Alerts, a news app): poll the Atom feed with
/// If-None-Match, follow each entry to its CAP document, validate it against OASIS's schema, and follow the references
/// of an Update and a Cancel back to the messages they replace.
/// </summary>
public sealed class CapFeedTests : IDisposable
{
    private static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XmlSchemaSet Schema = LoadSchema();

    private const string TownHall = "gemeentehuis-nijmegen";
    private const string FireStation = "brandweerkazerne-nijmegen-centrum";

    private readonly TestContent _content = new();
    private readonly string _ledger = Path.Combine(Path.GetTempPath(), $"portal-cap-{Guid.NewGuid():N}", "cap-ledger.json");
    private readonly List<IDisposable> _factories = [];

    [Fact]
    public async Task An_alert_published_updated_and_withdrawn_is_an_Alert_an_Update_and_a_Cancel_in_every_language_it_has()
    {
        var client = Portal().CreateClient();
        var (feed, tag) = await FeedAsync(client);
        Assert.Empty(feed.Root!.Elements(Atom + "entry"));
        Assert.Equal(HttpStatusCode.NotModified, (await PollAsync(client, tag)).StatusCode);

        WriteAlert("Stroomstoring in heel Nijmegen. Houd uw radio aan.", english: "Power cut in all of Nijmegen. Keep your radio on.");
        var alert = await NextAsync(client, tag, "alert-stroomstoring");
        Assert.Equal("Alert", alert.Value("msgType"));
        Assert.Null(alert.Root!.Element(Cap + "references"));
        // Dutch, and the two languages it was translated into; not the three that would only repeat the Dutch text.
        Assert.Equal(["nl-NL", "en", "ar"], alert.Root.Elements(Cap + "info").Select(i => i.Element(Cap + "language")!.Value));
        var dutch = alert.Root.Elements(Cap + "info").First();
        Assert.Equal("Stroomstoring in heel Nijmegen. Houd uw radio aan.", dutch.Element(Cap + "headline")!.Value);
        Assert.Equal(["Safety", "Immediate", "Severe", "Observed"],
            new[] { "category", "urgency", "severity", "certainty" }.Select(n => dutch.Element(Cap + n)!.Value));
        Assert.Equal("Power cut in all of Nijmegen. Keep your radio on.", alert.Root.Elements(Cap + "info").ElementAt(1).Element(Cap + "description")!.Value);
        var area = dutch.Element(Cap + "area")!;
        Assert.Equal("Gemeente Nijmegen", area.Element(Cap + "areaDesc")!.Value);
        Assert.Equal("GM0268", area.Element(Cap + "geocode")!.Element(Cap + "value")!.Value);
        AssertPolygonsClosed(area);

        WriteAlert("Stroomstoring in heel Nijmegen tot morgen. Houd uw radio aan.", english: "Power cut in all of Nijmegen until tomorrow.");
        (_, tag) = await FeedAsync(client);
        var update = await NextAsync(client, tag, "alert-stroomstoring", after: alert);
        Assert.Equal("Update", update.Value("msgType"));
        Assert.Equal([Reference(alert)], update.Value("references").Split(' '));

        _content.Replace("site.yml", File.ReadAllText(Path.Combine(_content.Root, "site.yml"))[File.ReadAllText(Path.Combine(_content.Root, "site.yml")).IndexOf("alerts:", StringComparison.Ordinal)..], "alerts: []\n");
        (_, tag) = await FeedAsync(client);
        var cancel = await NextAsync(client, tag, "alert-stroomstoring", after: update);
        Assert.Equal("Cancel", cancel.Value("msgType"));
        Assert.Equal([Reference(alert), Reference(update)], cancel.Value("references").Split(' '));
        // The messages it replaces stay where the references say they are.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(PathOf(alert))).StatusCode);
    }

    [Fact]
    public async Task An_alert_published_in_Umbraco_updated_and_ended_is_an_Alert_an_Update_and_a_Cancel()
    {
        // The alert as officers publish it in Umbraco (the seeded document shapes, through the stand-in Delivery API).
        WriteAlert("Stroomstoring in heel Nijmegen. Houd uw radio aan.", english: "Power cut in all of Nijmegen. Keep your radio on.");
        var (draft, load) = new ContentPipeline(_content.Root, TestPortal.Cultures).ReadContentFolder();
        var points = load.Data!.Places.SupportPoints;
        var umbraco = new DeliveryApiStandIn(DemoDocuments.From(draft, points, TestPortal.Cultures), TestPortal.Cultures);
        var factory = new UmbracoPortalFactory(umbraco, Path.Combine(Path.GetDirectoryName(_ledger)!, "snapshot.json"),
            new Dictionary<string, string> { ["Portal:CapLedgerPath"] = _ledger }) { ContentPath = _content.Root };
        _factories.Add(factory);
        var client = factory.CreateClient();
        // Served from the first read of Umbraco, before any tag was known. Umbraco names the alert by its item key.
        var alert = await NextAsync(client, new EntityTagHeaderValue("\"none\""), "alert");
        EntityTagHeaderValue tag;
        Assert.Equal("Alert", alert.Value("msgType"));
        Assert.Equal(["nl-NL", "en", "ar"], alert.Root!.Elements(Cap + "info").Select(i => i.Element(Cap + "language")!.Value));

        async Task PublishAsync()
        {
            var (edited, _) = new ContentPipeline(_content.Root, TestPortal.Cultures).ReadContentFolder();
            var document = DemoDocuments.From(edited, points, TestPortal.Cultures).Single(d => d.Key == UmbracoDocument.StableKey("alert:stroomstoring"));
            umbraco.Publish(document);
            using var webhook = new HttpRequestMessage(HttpMethod.Post, "/hooks/umbraco") { Content = System.Net.Http.Json.JsonContent.Create(new { Id = document.Key }) };
            webhook.Headers.Authorization = new AuthenticationHeaderValue("Bearer", UmbracoPortalFactory.Secret);
            Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(webhook)).StatusCode);
        }

        (_, tag) = await FeedAsync(client);
        WriteAlert("Stroomstoring in heel Nijmegen tot morgen.", english: "Power cut in all of Nijmegen until tomorrow.");
        await PublishAsync();
        var update = await NextAsync(client, tag, "alert", after: alert);
        Assert.Equal("Update", update.Value("msgType"));
        Assert.Equal([Reference(alert)], update.Value("references").Split(' '));

        // The officer ends it: active-until now past.
        (_, tag) = await FeedAsync(client);
        WriteAlert("Stroomstoring in heel Nijmegen tot morgen.", english: "Power cut in all of Nijmegen until tomorrow.", until: DateTimeOffset.Now.AddMinutes(-1));
        await PublishAsync();
        var cancel = await NextAsync(client, tag, "alert", after: update);
        Assert.Equal("Cancel", cancel.Value("msgType"));
        Assert.Equal([Reference(alert), Reference(update)], cancel.Value("references").Split(' '));
    }

    [Fact]
    public async Task A_point_that_opens_fills_and_returns_to_standby_tells_where_to_go_instead_and_ends_with_a_Cancel()
    {
        var factory = Portal();
        var client = factory.CreateClient();
        var (_, tag) = await FeedAsync(client);

        Assert.Equal(0, await Cli("status", "set", FireStation, "open", "--message", "nl=Open tot 22.00 uur."));
        var open = await NextAsync(client, tag, $"steunpunt-{FireStation}");
        Assert.Equal("Alert", open.Value("msgType"));
        (_, tag) = await FeedAsync(client);

        Assert.Equal(0, await Cli("status", "set", TownHall, "full", "--backup", FireStation));
        var full = await NextAsync(client, tag, $"steunpunt-{TownHall}");
        var infos = full.Root!.Elements(Cap + "info").ToList();
        // A status is told in all six languages: its words are the site's own.
        Assert.Equal(["nl-NL", "en", "ar", "tr", "pl", "uk"], infos.Select(i => i.Element(Cap + "language")!.Value));
        Assert.Equal("Gemeentehuis Nijmegen: Vol", infos[0].Element(Cap + "headline")!.Value);
        Assert.Equal("Avoid", infos[0].Element(Cap + "responseType")!.Value);
        Assert.StartsWith("Ga naar: Brandweerkazerne Nijmegen-Centrum", infos[0].Element(Cap + "instruction")!.Value);
        Assert.EndsWith($"/steunpunt/{TownHall}", infos[0].Element(Cap + "web")!.Value);
        Assert.EndsWith($"/ar/steunpunt/{TownHall}", infos[2].Element(Cap + "web")!.Value);
        var area = infos[0].Element(Cap + "area")!;
        Assert.NotEmpty(area.Elements(Cap + "polygon"));
        AssertPolygonsClosed(area);
        Assert.Contains("BU02680100", area.Elements(Cap + "geocode").Select(g => g.Element(Cap + "value")!.Value));

        (_, tag) = await FeedAsync(client);
        Assert.Equal(0, await Cli("status", "set", FireStation, "standby"));
        var cancel = await NextAsync(client, tag, $"steunpunt-{FireStation}", after: open);
        Assert.Equal("Cancel", cancel.Value("msgType"));
        Assert.Equal(Reference(open), cancel.Value("references"));
        // The town hall's instruction changed with it (no point open now): an Update, not silence.
        var (feed, _) = await FeedAsync(client);
        var townHall = await DocumentAsync(client, Entries(feed).Single(e => e.Contains($"steunpunt-{TownHall}-", StringComparison.Ordinal)));
        Assert.Equal("Update", townHall.Value("msgType"));
        Assert.Contains("Omroep Gelderland", townHall.Root!.Element(Cap + "info")!.Element(Cap + "instruction")!.Value);
    }

    [Fact]
    public async Task An_ended_alert_stays_in_the_feed_as_its_Cancel_for_a_day_and_identifiers_never_repeat()
    {
        var start = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(1));
        var time = new FakeTimeProvider(start);
        WriteAlert("Kook uw drinkwater.", until: start.AddHours(2), severity: "warning");
        using var services = TestPortal.Services(_content.Root, new Dictionary<string, string?>
        {
            ["Portal:CapLedgerPath"] = _ledger,
            ["Portal:CapStatus"] = "Test",
            ["Portal:PublicBaseUrl"] = "https://noodsteunpunt.example/",
        }, s => s.AddSingleton<TimeProvider>(time));
        var data = TestPortal.Load(_content.Root);
        var cap = services.GetRequiredService<CapFeed>();

        var first = await cap.FilesAsync(data);
        var alert = XDocument.Parse(System.Text.Encoding.UTF8.GetString(first.Documents.Values.Single().Bytes));
        Validate(alert);
        // A rehearsal: aggregators show Test messages to nobody.
        Assert.Equal("Test", alert.Value("status"));
        Assert.Equal("noodsteunpunt.example", alert.Value("sender"));
        Assert.Equal(["Expected", "Moderate", "Likely"], new[] { "urgency", "severity", "certainty" }.Select(n => alert.Root!.Element(Cap + "info")!.Element(Cap + n)!.Value));
        Assert.Equal("2026-12-03T11:00:00+01:00", alert.Root!.Element(Cap + "info")!.Element(Cap + "expires")!.Value);
        Assert.Same(first, await cap.FilesAsync(data));

        time.Advance(TimeSpan.FromHours(2));
        var ended = await cap.FilesAsync(data);
        var cancel = XDocument.Parse(System.Text.Encoding.UTF8.GetString(ended.Documents.Values.Single(d => d.Bytes.Length < first.Documents.Values.Single().Bytes.Length).Bytes));
        Validate(cancel);
        Assert.Equal("Cancel", cancel.Value("msgType"));
        Assert.Single(XDocument.Parse(System.Text.Encoding.UTF8.GetString(ended.Feed.Bytes)).Root!.Elements(Atom + "entry"));

        time.Advance(TimeSpan.FromHours(25));
        var later = await cap.FilesAsync(data);
        Assert.Empty(XDocument.Parse(System.Text.Encoding.UTF8.GetString(later.Feed.Bytes)).Root!.Elements(Atom + "entry"));

        // The same alert again, after the ledger was lost: a new identifier, never one already sent.
        File.Delete(_ledger);
        using var again = TestPortal.Services(_content.Root, new Dictionary<string, string?> { ["Portal:CapLedgerPath"] = _ledger },
            s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(start.AddMinutes(30))));
        var reissued = XDocument.Parse(System.Text.Encoding.UTF8.GetString((await again.GetRequiredService<CapFeed>().FilesAsync(data)).Documents.Values.Single().Bytes));
        Assert.NotEqual(alert.Value("identifier"), reissued.Value("identifier"));
    }

    [Fact]
    public async Task The_feed_is_listed_in_the_open_data_catalogue_and_open_to_other_sites()
    {
        var client = Portal().CreateClient();
        var response = await client.GetAsync(CapFeed.FeedPath);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Contains("/open-data/cap.atom", await client.GetStringAsync("/open-data/dcat.jsonld"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/open-data/cap/alert-nothing-20260101T000000Z.xml")).StatusCode);
    }

    private PortalFactory Portal()
    {
        var factory = new PortalFactory
        {
            ContentPath = _content.Root,
            Settings = new Dictionary<string, string> { ["Portal:CapLedgerPath"] = _ledger, ["Portal:CardCachePath"] = Path.Combine(Path.GetDirectoryName(_ledger)!, "cards") },
        };
        _factories.Add(factory);
        return factory;
    }

    private void WriteAlert(string dutch, string? english = null, DateTimeOffset? until = null, string severity = "danger")
    {
        var path = Path.Combine(_content.Root, "site.yml");
        var text = File.ReadAllText(path);
        var start = text.IndexOf("alerts:", StringComparison.Ordinal);
        var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(1));
        File.WriteAllText(path, text[..start] + $"""
            alerts:
              - id: "stroomstoring"
                severity: "{severity}"
                active-from: "{from:yyyy-MM-dd'T'HH:mm:sszzz}"
            {(until is { } u ? $"    active-until: \"{u:yyyy-MM-dd'T'HH:mm:sszzz}\"\n" : "")}    text:
                  nl: "{dutch}"
            {(english is null ? "" : $"      en: \"{english}\"\n      ar: \"انقطاع التيار الكهربائي في نيميخن.\"\n")}
            """);
    }

    private async Task<int> Cli(params string[] args)
    {
        using var output = new StringWriter();
        return await PortalCommandLine.RunAsync([.. args, "--content", _content.Root], output, output);
    }

    private static async Task<(XDocument Feed, EntityTagHeaderValue Tag)> FeedAsync(HttpClient client)
    {
        var response = await client.GetAsync(CapFeed.FeedPath);
        response.EnsureSuccessStatusCode();
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        // Google's limit for a feed.
        Assert.True(response.Content.Headers.ContentLength < 100_000);
        return (feed, response.Headers.ETag!);
    }

    private static async Task<HttpResponseMessage> PollAsync(HttpClient client, EntityTagHeaderValue tag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, CapFeed.FeedPath);
        request.Headers.IfNoneMatch.Add(tag);
        return await client.SendAsync(request);
    }

    /// <summary>Polls as an aggregator does until the feed changes and lists a new message about the subject; follows it and validates it.</summary>
    private static async Task<XDocument> NextAsync(HttpClient client, EntityTagHeaderValue tag, string subject, XDocument? after = null)
    {
        XDocument? found = null;
        await Eventually.TrueAsync(async () =>
        {
            var response = await PollAsync(client, tag);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return false;
            }

            var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
            var updated = Entries(feed).Select(e => feed.Root!.Elements(Atom + "entry").Single(x => x.Element(Atom + "link")!.Attribute("href")!.Value == e).Element(Atom + "updated")!.Value).ToList();
            Assert.Equal(updated.OrderByDescending(u => DateTimeOffset.Parse(u, CultureInfo.InvariantCulture)), updated);
            var link = Entries(feed).FirstOrDefault(e => e.Contains($"/{subject}-", StringComparison.Ordinal));
            if (link is null)
            {
                return false;
            }

            var document = await DocumentAsync(client, link);
            if (after is not null && document.Value("identifier") == after.Value("identifier"))
            {
                return false;
            }

            found = document;
            return true;
        });
        return found!;
    }

    private static IEnumerable<string> Entries(XDocument feed) =>
        feed.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "link")!.Attribute("href")!.Value);

    private static async Task<XDocument> DocumentAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url).AbsolutePath);
        response.EnsureSuccessStatusCode();
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Validate(document);
        Assert.EndsWith(new Uri(url).AbsolutePath, PathOf(document));
        return document;
    }

    private static string PathOf(XDocument document)
    {
        var identifier = document.Value("identifier");
        var parts = identifier.Split('.');
        return $"/open-data/cap/{parts[^2]}-{parts[^1]}.xml";
    }

    private static string Reference(XDocument document) => $"{document.Value("sender")},{document.Value("identifier")},{document.Value("sent")}";

    private static void Validate(XDocument document)
    {
        var errors = new List<string>();
        document.Validate(Schema, (_, e) => errors.Add(e.Message));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Matches(@"[+-]\d\d:\d\d$", document.Value("sent"));
        foreach (var info in document.Root!.Elements(Cap + "info"))
        {
            Assert.True(info.Element(Cap + "headline")!.Value.Length <= 160);
        }
    }

    private static void AssertPolygonsClosed(XElement area)
    {
        foreach (var polygon in area.Elements(Cap + "polygon").Select(p => p.Value.Split(' ')))
        {
            Assert.True(polygon.Length >= 4);
            Assert.Equal(polygon[0], polygon[^1]);
            Assert.All(polygon.SelectMany(p => p.Split(',')), c => Assert.True(c.Length - c.IndexOf('.') - 1 <= 6, c));
        }
    }

    private static XmlSchemaSet LoadSchema()
    {
        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(Path.Combine(TestContent.RepositoryRoot, "tests", "Portal.Tests", "Cap", "CAP-v1.2.xsd"));
        set.Add("urn:oasis:names:tc:emergency:cap:1.2", reader);
        set.Compile();
        return set;
    }

    public void Dispose()
    {
        foreach (var factory in _factories)
        {
            factory.Dispose();
        }

        _content.Dispose();
        if (Directory.Exists(Path.GetDirectoryName(_ledger)))
        {
            Directory.Delete(Path.GetDirectoryName(_ledger)!, recursive: true);
        }
    }
}

internal static class CapDocumentExtensions
{
    public static string Value(this XDocument document, string element) =>
        document.Root!.Element(XNamespace.Get("urn:oasis:names:tc:emergency:cap:1.2") + element)?.Value ?? "";
}
