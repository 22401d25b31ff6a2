using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Portal.Application;
using Portal.Application.ContentPipeline;
using Portal.Content.Umbraco.Seeding;
using Portal.Places;
using Portal.Tests.Umbraco;
using Portal.Tests.Web;
using Portal.Web.Cli;

namespace Portal.Tests.Crisis;

/// <summary>
/// An officer changes a point's status and, within seconds, every channel says so: the live pages, the QR landing,
/// the API, the open data and the static fallback site, each sending residents to the open backup.
/// </summary>
[Trait("Category", "Chromium")]
public sealed class CrisisModeTests : IDisposable
{
    private const string TownHall = "gemeentehuis-nijmegen";
    private const string FireStation = "brandweerkazerne-nijmegen-centrum";

    private readonly TestContent _content = new();
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), $"portal-crisis-{Guid.NewGuid():N}");
    private readonly List<IDisposable> _factories = [];

    private string StaticFolder => Path.Combine(_scratch, "static");

    [Fact]
    public async Task Status_set_reaches_every_channel_and_sends_residents_to_the_open_backup()
    {
        var factory = Start(new PortalFactory { ContentPath = _content.Root, Settings = StaticSettings() });
        var client = factory.CreateClient();
        await Eventually.TrueAsync(() => Task.FromResult(File.Exists(Path.Combine(StaticFolder, "index.html"))), 90);
        var peacetime = await client.GetAsync("/open-data/noodsteunpunten.geojson");
        Assert.DoesNotContain("Noodsteunpunten nu", File.ReadAllText(Path.Combine(StaticFolder, "index.html")));

        Assert.Equal(0, (await Cli("status", "set", FireStation, "open", "--services", "information,drinking-water",
            "--message", "nl=Open tot 22.00 uur. Neem een fles mee.", "--message", "ar=مفتوحة حتى الساعة 22:00")).Exit);
        var (exit, output, error) = await Cli("status", "set", TownHall, "full", "--backup", FireStation, "--message", "Vol. Ga naar de brandweerkazerne.");
        Assert.True(exit == 0, error);
        Assert.Contains($"Residents are sent to {FireStation} while it is open", output);

        // Live: the point's page, the home page and a lookup for an address it serves.
        await Eventually.TrueAsync(async () => (await Page(client, $"/steunpunt/{TownHall}")).QuerySelector(".point-status.status-full") is not null);
        var point = await Page(client, $"/steunpunt/{TownHall}");
        var status = point.QuerySelector(".point-status")!;
        Assert.Contains("Vol – Er is geen plek meer.", status.TextContent);
        Assert.Contains("Vol. Ga naar de brandweerkazerne.", status.TextContent);
        Assert.Equal($"/steunpunt/{FireStation}", status.QuerySelector(".go-instead a")!.GetAttribute("href"));
        // One instruction: the point it names, not also a vague "go to another point" before it.
        Assert.DoesNotContain("Ga naar een ander noodsteunpunt", status.TextContent);
        // The status comes before everything else on the page.
        Assert.Equal("point-status status-full", point.QuerySelector("main h1 ~ *:not(h2)")!.ClassName);

        var home = await Page(client, "/");
        Assert.Equal("Noodsteunpunten nu", home.QuerySelector("h1")!.TextContent);
        var listed = home.QuerySelectorAll(".open-point-list > li").Select(li => li.QuerySelector("a")!.TextContent).ToList();
        Assert.Equal(["Brandweerkazerne Nijmegen-Centrum", "Gemeentehuis Nijmegen"], listed);
        var arabic = await Page(client, $"/ar/steunpunt/{FireStation}");
        Assert.Equal("مفتوحة حتى الساعة 22:00", arabic.QuerySelector(".status-message")!.TextContent);
        Assert.Equal("rtl", arabic.QuerySelector(".status-message")!.GetAttribute("dir"));
        var english = await Page(client, $"/en/steunpunt/{FireStation}");
        Assert.Equal("nl", english.QuerySelector(".status-message")!.GetAttribute("lang"));

        var lookup = await Page(client, "/opzoeken?lat=51.8466&lon=5.8651");
        Assert.NotNull(lookup.QuerySelector(".support-point .point-status.status-full .go-instead"));
        Assert.Equal("Brandweerkazerne Nijmegen-Centrum", lookup.QuerySelector(".open-points .open-point-list a")!.TextContent);
        // One instruction: the fixed "full or closed? go to <backup>" line gives way to the status block's "go to".
        Assert.Null(lookup.QuerySelector(".backup"));

        // The QR code on the card names the buurt; it lands on the point's page, which now says "full".
        var noRedirects = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var landing = await noRedirects.GetAsync("/s/BU02680100");
        Assert.Equal($"/steunpunt/{TownHall}", landing.Headers.Location!.OriginalString);

        var api = await client.GetFromJsonAsync<JsonElement>($"/api/v1/support-points/{TownHall}");
        Assert.Equal("full", api.GetProperty("status").GetString());
        Assert.Equal(FireStation, api.GetProperty("goInstead").GetString());
        Assert.Equal("Vol. Ga naar de brandweerkazerne.", api.GetProperty("statusMessage").GetProperty("nl").GetString());

        // Open data: new bytes, a new tag; asking again with the tag costs a 304.
        var geojson = await client.GetAsync("/open-data/noodsteunpunten.geojson");
        Assert.NotEqual(peacetime.Headers.ETag, geojson.Headers.ETag);
        var feature = JsonDocument.Parse(await geojson.Content.ReadAsStringAsync()).RootElement.GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("properties").GetProperty("slug").GetString() == TownHall);
        Assert.Equal("full", feature.GetProperty("properties").GetProperty("status").GetString());
        Assert.Equal(FireStation, feature.GetProperty("properties").GetProperty("go_instead").GetString());
        Assert.Equal(5.8653279, feature.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble());
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/open-data/noodsteunpunten.geojson");
        conditional.Headers.IfNoneMatch.Add(geojson.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);
        Assert.Contains($"{TownHall},Gemeentehuis Nijmegen,coordinating", await client.GetStringAsync("/open-data/noodsteunpunten.csv"));

        // The static fallback site: the same, within seconds, without a full export.
        var staticPage = Path.Combine(StaticFolder, "steunpunt", $"{TownHall}.html");
        await Eventually.TrueAsync(() => Task.FromResult(File.ReadAllText(staticPage).Contains("status-full", StringComparison.Ordinal)), 20);
        Assert.Contains($"href=\"{FireStation}.html\"", File.ReadAllText(staticPage));
        Assert.Contains("\"status\":\"full\"", File.ReadAllText(Path.Combine(StaticFolder, "open-data", "noodsteunpunten.geojson")));
        Assert.Contains("ممتلئة", File.ReadAllText(Path.Combine(StaticFolder, "ar", "steunpunt", $"{TownHall}.html")));
        Assert.Contains("Noodsteunpunten nu", File.ReadAllText(Path.Combine(StaticFolder, "index.html")));
        // The CAP feed too: the same messages as live, each document beside it.
        var staticFeed = System.Xml.Linq.XDocument.Load(Path.Combine(StaticFolder, "open-data", "cap.atom"));
        var townHallEntry = staticFeed.Descendants(System.Xml.Linq.XNamespace.Get("http://www.w3.org/2005/Atom") + "link")
            .Select(l => l.Attribute("href")!.Value).Single(h => h.Contains($"steunpunt-{TownHall}-", StringComparison.Ordinal));
        Assert.Contains("<msgType>Alert</msgType>", File.ReadAllText(Path.Combine(StaticFolder, new Uri(townHallEntry).AbsolutePath.TrimStart('/'))));
        Assert.Equal(await client.GetStringAsync(new Uri(townHallEntry).AbsolutePath), File.ReadAllText(Path.Combine(StaticFolder, new Uri(townHallEntry).AbsolutePath.TrimStart('/'))));
        // Only the pages that show these points were rendered again, not the whole site.
        List<int> Rebuilt() => [.. factory.LogLines.Where(l => l.Contains("Rebuilt the static site: ", StringComparison.Ordinal))
            .Select(l => int.Parse(System.Text.RegularExpressions.Regex.Match(l, @"site: (\d+) pages").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
        await Eventually.TrueAsync(() => Task.FromResult(Rebuilt() is { Count: >= 2 } rebuilt && rebuilt[^1] < rebuilt[0] / 2), 20);
    }

    [Fact]
    public async Task A_broken_status_file_keeps_the_last_good_status_and_says_what_is_wrong()
    {
        var client = Start(new PortalFactory { ContentPath = _content.Root }).CreateClient();
        Assert.Equal(0, (await Cli("status", "set", FireStation, "open")).Exit);
        await Eventually.TrueAsync(async () => (await Page(client, $"/steunpunt/{FireStation}")).QuerySelector(".status-open") is not null);

        File.WriteAllText(Path.Combine(_content.Root, "status.yml"), "points:\n  brandweerkazerne-nijmegen-centrum:\n    status: halfopen\n");

        await Eventually.TrueAsync(async () => (await client.GetFromJsonAsync<JsonElement>("/health")).GetProperty("status").GetString() == "degraded");
        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        Assert.Contains("status.yml, point 'brandweerkazerne-nijmegen-centrum', field 'status': 'halfopen' is not one of", health.GetProperty("lastError").GetString());
        Assert.NotNull((await Page(client, $"/steunpunt/{FireStation}")).QuerySelector(".status-open"));

        // Emptied, cut off or no longer YAML: not "every point on standby", but the last good statuses and the reason.
        foreach (var (text, reason) in new[] { ("", "lists no points"), ("points:\n  x: { status: open\n", "not valid YAML"), ("points:\n", "lists no points") })
        {
            File.WriteAllText(Path.Combine(_content.Root, "status.yml"), text);
            await Eventually.TrueAsync(async () => (await client.GetFromJsonAsync<JsonElement>("/health")).GetProperty("lastError").GetString()!.Contains(reason, StringComparison.Ordinal));
            Assert.NotNull((await Page(client, $"/steunpunt/{FireStation}")).QuerySelector(".status-open"));
        }

        // Setting the point's status again replaces the broken entry.
        var (exit, _, error) = await Cli("status", "set", FireStation, "closed");
        Assert.True(exit == 0, error);
        await Eventually.TrueAsync(async () => (await Page(client, $"/steunpunt/{FireStation}")).QuerySelector(".status-closed") is not null);
        Assert.Equal("ok", (await client.GetFromJsonAsync<JsonElement>("/health")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_broken_page_does_not_hold_back_a_status_change()
    {
        var client = Start(new PortalFactory { ContentPath = _content.Root }).CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/noodplan")).StatusCode);

        // An editor saves a page without its title, and meanwhile the crisis team sets the town hall to full.
        _content.Replace("nl/pages/noodplan.md", "title: \"Maak een noodplan\"", "title: \"\"");
        var (exit, _, error) = await Cli("status", "set", TownHall, "full");
        Assert.True(exit == 0, error);

        await Eventually.TrueAsync(async () => (await Page(client, $"/steunpunt/{TownHall}")).QuerySelector(".status-full") is not null);
        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Contains("noodplan.md", health.GetProperty("lastError").GetString());
        Assert.Contains("its last good version is served", health.GetProperty("lastError").GetString());
        Assert.Equal("Maak een noodplan", (await Page(client, "/noodplan")).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_broken_Umbraco_item_does_not_hold_back_a_status_change()
    {
        var umbraco = new FakeUmbraco();
        var factory = Start(new UmbracoPortalFactory(umbraco, Path.Combine(_scratch, "snapshot.json"),
            new Dictionary<string, string> { ["Portal:Umbraco:CheckInterval"] = "00:00:00.200" }) { ContentPath = _content.Root });
        var client = factory.CreateClient();
        Assert.NotNull((await Page(client, "/steunpunt/brandweer-groenewoud")).QuerySelector(".status-open"));

        // An editor publishes an alert with a wrong date while the crisis team sets the point to full.
        umbraco.Publish("nl", "5a1e0c43-7c2d-4b8e-9f00-000000000005", "activeFrom", "morgen");
        foreach (var culture in new[] { "nl", "en" })
        {
            umbraco.Publish(culture, "5a1e0c43-7c2d-4b8e-9f00-000000000006", "status", "full");
        }

        await Eventually.TrueAsync(async () => (await Page(client, "/steunpunt/brandweer-groenewoud")).QuerySelector(".status-full") is not null);
        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        Assert.Contains("'morgen' is not a date and time", health.GetProperty("lastError").GetString());
        Assert.Contains("its last good version is served", health.GetProperty("lastError").GetString());
        Assert.Contains("alert-warning", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Status_set_refuses_what_would_break_the_content_and_writes_nothing()
    {
        var before = File.ReadAllText(Path.Combine(_content.Root, "status.yml"));

        var (exit, _, error) = await Cli("status", "set", "stadhuis-arnhem", "open");
        Assert.Equal(1, exit);
        Assert.Contains("not changed", error);
        Assert.Contains("'stadhuis-arnhem' is not a support point", error);

        (exit, _, error) = await Cli("status", "set", TownHall, "open", "--services", "information,sauna");
        Assert.Equal(1, exit);
        Assert.Contains("'sauna' is not one of", error);

        File.WriteAllText(Path.Combine(_content.Root, "status.yml"), "points:\n  brandweerkazerne-nijmegen-west: { status: open\n");
        (exit, _, error) = await Cli("status", "set", TownHall, "full");
        Assert.Equal(1, exit);
        Assert.Contains("Repair the file first", error);
        Assert.Contains("status.yml, line", error);
        File.WriteAllText(Path.Combine(_content.Root, "status.yml"), before);

        (exit, _, error) = await Cli("status", "set", TownHall, "half-open");
        Assert.Equal(2, exit);
        Assert.DoesNotContain("   at ", error);
        Assert.Equal(before, File.ReadAllText(Path.Combine(_content.Root, "status.yml")));

        (exit, _, error) = await Cli("status", "set", TownHall, "open", "--Portal:Umbraco:BaseUrl=https://cms.test/", "--Portal:Umbraco:ApiKey=k", "--Portal:Umbraco:StartItem=x");
        Assert.Equal(2, exit);
        Assert.Contains("change the status on the support point in Umbraco", error);
    }

    [Fact]
    public async Task A_new_status_starts_without_the_old_message_and_a_confirmation_keeps_it()
    {
        await Cli("status", "set", TownHall, "open", "--message", "nl=Open tot 22.00 uur.", "--services", "information");
        var (_, output, _) = await Cli("status", "set", TownHall, "open");
        Assert.Contains("(confirmed)", output);
        var point = TestPortal.Load(_content.Root).Places.FindSupportPoint(TownHall)!;
        Assert.Equal("Open tot 22.00 uur.", point.Status.Messages["nl"]);
        Assert.True(point.Status.CheckedAt >= point.Status.ChangedAt);

        await Cli("status", "set", TownHall, "closed");
        point = TestPortal.Load(_content.Root).Places.FindSupportPoint(TownHall)!;
        Assert.Empty(point.Status.Messages);
        Assert.Null(point.Status.ServicesNow);

        (_, output, _) = await Cli("status", "--content", _content.Root);
        Assert.Matches($@"{TownHall}\s+closed", output);
    }

    [Fact]
    public async Task A_status_published_in_Umbraco_reaches_the_live_and_static_site_after_its_webhook()
    {
        // The demo as `portal umbraco seed` puts it in Umbraco, served back through Umbraco's Delivery API shapes.
        var (draft, load) = new ContentPipeline(_content.Root, TestPortal.Cultures).ReadContentFolder();
        var umbraco = new DeliveryApiStandIn(DemoDocuments.From(draft, load.Data!.Places.SupportPoints, TestPortal.Cultures), TestPortal.Cultures);
        var factory = Start(new UmbracoPortalFactory(umbraco, Path.Combine(_scratch, "snapshot.json"), StaticSettings()) { ContentPath = _content.Root });
        var client = factory.CreateClient();
        await Eventually.TrueAsync(() => Task.FromResult(factory.LogLines.Any(l => l.Contains("Rebuilt the static site", StringComparison.Ordinal))
            && factory.Services.GetRequiredService<ContentSourceStatus>().Source == "umbraco"), 90);

        // An officer sets the town hall to full in the backoffice, with a message and the fire station as its backup.
        var now = DateTimeOffset.UtcNow;
        var points = load.Data.Places.SupportPoints.Select(p => p.Slug switch
        {
            TownHall => p with { Status = new SupportPointStatus(SupportPointState.Full, now, now, null,
                new Dictionary<string, string> { ["nl"] = "Vol. Ga naar de brandweerkazerne." }, FireStation) },
            FireStation => p with { Status = SupportPointStatus.Standby with { State = SupportPointState.Open, ChangedAt = now } },
            _ => p,
        }).ToList();
        foreach (var document in DemoDocuments.From(draft, points, TestPortal.Cultures).Where(d => d.DocumentType == "supportPoint"))
        {
            umbraco.Publish(document);
        }

        var townHallId = UmbracoDocument.StableKey($"support-point:{TownHall}");
        using var webhook = new HttpRequestMessage(HttpMethod.Post, "/hooks/umbraco")
        {
            Content = new StringContent($$"""{"id":"{{townHallId}}","contentType":"supportPoint","name":"Gemeentehuis Nijmegen"}""", Encoding.UTF8, "application/json"),
        };
        webhook.Headers.Add("Umb-Webhook-Event", "Umbraco.ContentPublish");
        webhook.Headers.TryAddWithoutValidation("Authorization", $"Bearer {UmbracoPortalFactory.Secret}");
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(webhook)).StatusCode);

        await Eventually.TrueAsync(async () => (await Page(client, $"/steunpunt/{TownHall}")).QuerySelector(".status-full") is not null);
        // Only the town hall's item was re-read: the fire station is not open yet, so residents hear "no point is open".
        Assert.Contains("Luister naar Omroep Gelderland", (await Page(client, $"/steunpunt/{TownHall}")).QuerySelector(".go-instead")!.TextContent);
        Assert.Equal("Vol. Ga naar de brandweerkazerne.", (await Page(client, $"/steunpunt/{TownHall}")).QuerySelector(".status-message")!.TextContent);
        var staticPage = Path.Combine(StaticFolder, "steunpunt", $"{TownHall}.html");
        // Measured at 0.2 s on an idle machine (README); the room is for a CI machine busy with other portals.
        await Eventually.TrueAsync(() => Task.FromResult(File.ReadAllText(staticPage).Contains("status-full", StringComparison.Ordinal)), 45);
        // Aggregators hear it from the CAP feed, as from content/.
        Assert.Contains("<title>Gemeentehuis Nijmegen: Vol</title>", await client.GetStringAsync("/open-data/cap.atom"));
    }

    [Fact]
    public async Task An_alert_published_ahead_of_time_reaches_the_static_site_when_it_starts()
    {
        // The portal's clock is the test's: the alert starts when the test says so, however long a loaded machine takes
        // to re-export before it (real time only passes for the work itself).
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var factory = Start(new TimedPortalFactory(time) { ContentPath = _content.Root, Settings = StaticSettings() });
        var client = factory.CreateClient();
        var index = Path.Combine(StaticFolder, "index.html");
        await Eventually.TrueAsync(() => Task.FromResult(File.Exists(index)), 90);

        var now = MunicipalNow(time);
        var starts = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, now.Offset).AddMinutes(10);
        _content.Replace("site.yml", "alerts: []", $"""
            alerts:
              - id: "drinkwater"
                severity: "warning"
                active-from: "{starts:yyyy-MM-dd'T'HH:mm:sszzz}"
                text:
                  nl: "Kook uw drinkwater vanaf vanavond."
            """);

        // The folder watcher lets an edit settle on the portal's clock: a few fake milliseconds at a time.
        await Eventually.TrueAsync(() =>
        {
            time.Advance(TimeSpan.FromMilliseconds(50));
            return Task.FromResult(factory.LogLines.Count(l => l.Contains("Rebuilt the static site", StringComparison.Ordinal)) >= 2);
        }, 60);
        Assert.True(time.GetUtcNow() < starts);
        Assert.DoesNotContain("Kook uw drinkwater", File.ReadAllText(index));
        Assert.DoesNotContain("Kook uw drinkwater", await client.GetStringAsync("/"));

        time.SetUtcNow(starts.AddSeconds(1));
        await Eventually.TrueAsync(() => Task.FromResult(File.ReadAllText(index).Contains("Kook uw drinkwater", StringComparison.Ordinal)), 60);
        Assert.Contains("Kook uw drinkwater", await client.GetStringAsync("/"));
        Assert.Contains("Kook uw drinkwater", File.ReadAllText(Path.Combine(StaticFolder, "ar", "noodpakket.html")));
    }

    private static DateTimeOffset MunicipalNow(TimeProvider time) => Portal.Content.Model.MunicipalTime.ToLocal(time.GetUtcNow());

    /// <summary>The portal on a clock the test moves.</summary>
    private sealed class TimedPortalFactory(TimeProvider time) : PortalFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton(time));
        }
    }

    [Fact]
    public async Task Operators_can_count_lookups_refreshes_and_static_exports()
    {
        var factory = Start(new PortalFactory { ContentPath = _content.Root, Settings = StaticSettings() });
        var client = factory.CreateClient();
        var meters = factory.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var lookups = new MetricCollector<long>(meters, PortalMetrics.MeterName, "portal.lookups");
        using var refreshes = new MetricCollector<long>(meters, PortalMetrics.MeterName, "portal.content.refreshes");
        using var exports = new MetricCollector<double>(meters, PortalMetrics.MeterName, "portal.static.export.duration");
        await Eventually.TrueAsync(() => Task.FromResult(File.Exists(Path.Combine(StaticFolder, "index.html"))), 90);

        await client.GetAsync("/api/v1/lookup?postcode=6525AG");
        await client.GetAsync("/opzoeken?postcode=6525AG");
        await Cli("status", "set", FireStation, "open");

        Assert.Equal(2, lookups.GetMeasurementSnapshot().Count(m => (string?)m.Tags["outcome"] == "found"));
        await Eventually.TrueAsync(() => Task.FromResult(refreshes.GetMeasurementSnapshot().Any(m => (string?)m.Tags["outcome"] == "served")));
        await Eventually.TrueAsync(() => Task.FromResult(exports.GetMeasurementSnapshot().Any(m => (string?)m.Tags["kind"] == "status")), 20);
    }

    [Fact]
    public async Task A_full_disk_is_tried_again_by_itself_once_space_is_freed()
    {
        // A file where the static site's folder must go fails every write, as a full disk does.
        var disk = Path.Combine(_scratch, "disk");
        Directory.CreateDirectory(_scratch);
        File.WriteAllText(disk, "");
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = TestPortal.Services(_content.Root, new Dictionary<string, string?>
        {
            ["Portal:StaticOutputPath"] = Path.Combine(disk, "static"),
            ["Portal:PrintCachePath"] = StaticSettings()["Portal:PrintCachePath"],
        }, configure: s => s.AddSingleton<TimeProvider>(time));
        var status = services.GetRequiredService<ContentSourceStatus>();

        await services.GetRequiredService<Portal.Application.Publishing.ContentPublisher>().Started(TestPortal.Load(_content.Root));
        Assert.Contains("tried again in 30 s", status.LastError);

        // The operator frees the space; nobody publishes anything.
        File.Delete(disk);
        time.Advance(TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => Task.FromResult(status.LastError is null), 60);
        Assert.True(File.Exists(Path.Combine(disk, "static", "index.html")));
    }

    private Dictionary<string, string> StaticSettings() => new()
    {
        ["Portal:StaticOutputPath"] = StaticFolder,
        // Shared by the tests: the card PDFs are the same for all of them, so Chromium prints them once per run.
        ["Portal:PrintCachePath"] = TestContent.SharedPrintCache,
        ["Portal:CardCachePath"] = Path.Combine(_scratch, "cards"),
        ["Portal:CapLedgerPath"] = Path.Combine(_scratch, "cap-ledger.json"),
    };

    private T Start<T>(T factory) where T : IDisposable
    {
        _factories.Add(factory);
        return factory;
    }

    private async Task<(int Exit, string Output, string Error)> Cli(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PortalCommandLine.RunAsync(args.Contains("--content") ? args : [.. args, "--content", _content.Root], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static async Task<IHtmlDocument> Page(HttpClient client, string url) =>
        new HtmlParser().ParseDocument(await client.GetStringAsync(url));

    public void Dispose()
    {
        foreach (var factory in _factories)
        {
            factory.Dispose();
        }

        _content.Dispose();
        TestContent.DeleteScratch(_scratch);
    }
}
