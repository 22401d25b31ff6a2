using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application.ContentPipeline;
using Portal.Application.Deployment;
using Portal.Application.Umbraco;
using Portal.Content.Routing;
using Portal.Content.Umbraco.Seeding;
using Portal.Tests.Web;

namespace Portal.Tests.Umbraco;

/// <summary>
/// A region in Umbraco multi-site, as `portal umbraco seed --Portal:Deployment=gelderland-zuid` builds it: the region's
/// Home with the pages written once and one Home per municipality. Wijchen (in this copy) overrides the noodpakket page
/// and adds a page of its own; Nijmegen shows the region's pages. Each site, read through the stand-in Delivery API with
/// its Start-Items, serves what it serves from content/; one webhook to the region host reaches every site.
/// </summary>
public sealed class RegionUmbracoTests(RegionUmbracoTests.Region region) : IClassFixture<RegionUmbracoTests.Region>, IDisposable
{
    private const string WijchenTitle = "Noodpakket voor Wijchen";
    private readonly TestContent _content = region.Content;
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), $"portal-region-umbraco-{Guid.NewGuid():N}");
    private readonly RegionDeployment _deployment = region.Deployment;
    private readonly IReadOnlyList<UmbracoDocument> _documents = region.Documents;

    /// <summary>The region's content with Wijchen's pages, and what seeding it sends, read once for the tests of the class.</summary>
    public sealed class Region : IDisposable
    {
        public TestContent Content { get; } = new();

        public RegionDeployment Deployment { get; }

        public IReadOnlyList<UmbracoDocument> Documents { get; }

        public Region()
        {
            var wijchen = Path.Combine(Content.Root, "regions", "gelderland-zuid", "gemeenten", "wijchen", "nl", "pages");
            Directory.CreateDirectory(wijchen);
            File.WriteAllText(Path.Combine(wijchen, "noodpakket.md"), File.ReadAllText(Path.Combine(Content.Root, "nl", "pages", "noodpakket.md"))
                .Replace("title: \"", $"title: \"{WijchenTitle}: ", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(wijchen, "hoogwater.md"), """
                ---
                title: "Hoogwater in Wijchen"
                summary: "Wat u doet als de Maas hoog staat."
                order: 90
                version: 1
                updated: 2026-11-20T10:00:00+01:00
                ---
                Volg de berichten van de gemeente en van Omroep Gelderland.
                """);
            using var services = TestPortal.Services(Content.Root, new Dictionary<string, string?> { ["Portal:Deployment"] = "gelderland-zuid" });
            var (trees, problems) = services.GetRequiredService<UmbracoSetup>().Documents();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            Documents = [.. trees.SelectMany(t => t.Documents)];
            Deployment = RegionDeployment.Load("gelderland-zuid", Content.Root).Deployment!;
        }

        public void Dispose() => Content.Dispose();
    }

    [Fact]
    public async Task Wijchen_Nijmegen_and_the_region_site_serve_the_same_from_Umbraco_as_from_content()
    {
        var standIn = new DeliveryApiStandIn(_documents, TestPortal.Cultures);
        foreach (var site in new[] { "wijchen", "nijmegen", null })
        {
            using var fromContent = new PortalFactory { Settings = Settings(site, "content") };
            using var fromUmbraco = new UmbracoPortalFactory(standIn, Path.Combine(_scratch, "unused.json"), Settings(site, "umbraco"));
            var contentClient = fromContent.CreateClient();
            var umbracoClient = fromUmbraco.CreateClient();
            var data = fromContent.Services.GetRequiredService<PortalDataStore>().Current;
            var umbracoData = fromUmbraco.Services.GetRequiredService<PortalDataStore>().Current;
            Assert.Equal("umbraco", umbracoData.Content.Source);
            Assert.Equal(data.Places.SupportPoints.Select(p => (p.Slug, p.MunicipalityCode)), umbracoData.Places.SupportPoints.Select(p => (p.Slug, p.MunicipalityCode)));
            foreach (var url in Urls(data))
            {
                var expected = await contentClient.GetAsync(url);
                var actual = await umbracoClient.GetAsync(url);
                Assert.True(expected.StatusCode == actual.StatusCode, $"{site ?? "region"} {url}: {(int)expected.StatusCode} from content/, {(int)actual.StatusCode} from Umbraco");
                SameText($"{site ?? "region"} {url}", await expected.Content.ReadAsStringAsync(), await actual.Content.ReadAsStringAsync());
            }

            var noodpakket = await umbracoClient.GetStringAsync("/noodpakket");
            Assert.Equal(site == "wijchen", noodpakket.Contains(WijchenTitle, StringComparison.Ordinal));
            Assert.Equal(site == "wijchen" ? System.Net.HttpStatusCode.OK : System.Net.HttpStatusCode.NotFound, (await umbracoClient.GetAsync("/hoogwater")).StatusCode);
        }
    }

    [Fact]
    public async Task One_webhook_to_the_region_host_brings_a_shared_page_to_every_site_and_an_override_stays()
    {
        var standIn = new DeliveryApiStandIn(_documents, TestPortal.Cultures);
        using var wijchen = new UmbracoPortalFactory(standIn, Path.Combine(_scratch, "unused.json"), Settings("wijchen", "umbraco"));
        using var nijmegen = new UmbracoPortalFactory(standIn, Path.Combine(_scratch, "unused.json"), Settings("nijmegen", "umbraco"));
        var sites = new[] { wijchen.CreateClient(), nijmegen.CreateClient() };
        using var region = new UmbracoPortalFactory(standIn, Path.Combine(_scratch, "unused.json"), Settings(null, "umbraco"))
        {
            TestServices = services => services.AddSingleton(new UmbracoSiteQueues(
                [wijchen.Services.GetRequiredService<UmbracoRefreshQueue>(), nijmegen.Services.GetRequiredService<UmbracoRefreshQueue>()])),
        };
        var regionClient = region.CreateClient();

        // An officer edits two of the region's pages once: noodplan (shown by all) and noodpakket (Wijchen has its own).
        foreach (var page in new[] { "noodplan", "noodpakket" })
        {
            var key = UmbracoDocument.StableKey($"{_deployment.UmbracoScope(null)}page:{page}");
            var document = _documents.Single(d => d.Key == key);
            standIn.Publish(document with
            {
                Values = [.. document.Values.Select(v => v is { Alias: "title", Culture: "nl" } ? v with { Value = JsonValue.Create($"Nieuw: {page}") } : v)],
                UpdatedAt = document.UpdatedAt.AddHours(1),
            });
            var response = await regionClient.SendAsync(UmbracoPortalFactory.Webhook(key.ToString()));
            Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        }

        foreach (var client in sites.Append(regionClient))
        {
            await Eventually.TrueAsync(async () => (await client.GetStringAsync("/noodplan")).Contains("Nieuw: noodplan", StringComparison.Ordinal));
        }

        await Eventually.TrueAsync(async () => (await sites[1].GetStringAsync("/noodpakket")).Contains("Nieuw: noodpakket", StringComparison.Ordinal));
        await Eventually.TrueAsync(async () => (await regionClient.GetStringAsync("/noodpakket")).Contains("Nieuw: noodpakket", StringComparison.Ordinal));
        var overridden = await sites[0].GetStringAsync("/noodpakket");
        Assert.Contains(WijchenTitle, overridden);
        Assert.DoesNotContain("Nieuw: noodpakket", overridden);

        // A page of Wijchen's own: live on Wijchen's site; Nijmegen asks Umbraco once, sees it is not under its roots, and drops it.
        var own = _documents.Single(d => d.Key == UmbracoDocument.StableKey($"{_deployment.UmbracoScope(_deployment.FindBySlug("wijchen"))}page:hoogwater"));
        standIn.Publish(own with
        {
            Values = [.. own.Values.Select(v => v is { Alias: "title", Culture: "nl" } ? v with { Value = JsonValue.Create("Nieuw: hoogwater") } : v)],
            UpdatedAt = own.UpdatedAt.AddHours(1),
        });
        await regionClient.SendAsync(UmbracoPortalFactory.Webhook(own.Key.ToString()));
        await Eventually.TrueAsync(async () => (await sites[0].GetStringAsync("/hoogwater")).Contains("Nieuw: hoogwater", StringComparison.Ordinal));
        // A later publish Nijmegen does show: once it is live there, Nijmegen has finished with Wijchen's page.
        var noodplan = _documents.Single(d => d.Key == UmbracoDocument.StableKey($"{_deployment.UmbracoScope(null)}page:noodplan"));
        standIn.Publish(noodplan with
        {
            Values = [.. noodplan.Values.Select(v => v is { Alias: "title", Culture: "nl" } ? v with { Value = JsonValue.Create("Weer nieuw: noodplan") } : v)],
            UpdatedAt = noodplan.UpdatedAt.AddHours(2),
        });
        await regionClient.SendAsync(UmbracoPortalFactory.Webhook(noodplan.Key.ToString()));
        await Eventually.TrueAsync(async () => (await sites[1].GetStringAsync("/noodplan")).Contains("Weer nieuw: noodplan", StringComparison.Ordinal));
        Assert.Equal(1, standIn.ItemRequests.GetValueOrDefault((own.Key.ToString(), _deployment.UmbracoRoot(_deployment.FindBySlug("nijmegen")!))));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await sites[1].GetAsync("/hoogwater")).StatusCode);
    }

    /// <summary>A site of the deployment (null: the region site) as the region host configures it, its files in this test's scratch.</summary>
    private Dictionary<string, string> Settings(string? slug, string side)
    {
        var folder = Path.Combine(_scratch, side);
        var region = new PortalOptions
        {
            ContentPath = _content.Root,
            CardCachePath = Path.Combine(folder, "cards"),
            PrintCachePath = Path.Combine(folder, "prints"),
            CapLedgerPath = Path.Combine(folder, "cap-ledger.json"),
            RebuildLogPath = Path.Combine(folder, "rebuilds.json"),
        };
        var snapshot = Path.Combine(folder, "snapshot.json");
        var settings = slug is null ? _deployment.SettingsForRegion(region, snapshot) : _deployment.SettingsFor(_deployment.FindBySlug(slug)!, region, snapshot);
        return settings.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!);
    }

    /// <summary>Every content page in every language, the support points, a buurt and its card, a lookup, the API and the open data.</summary>
    private static IEnumerable<string> Urls(PortalData data)
    {
        var buurt = data.Places.Buurten[0].Code;
        foreach (var culture in data.Cultures.All)
        {
            foreach (var page in data.Content.For(culture).Pages)
            {
                yield return culture.Path(page.SitePath);
            }

            yield return culture.Path(SitePaths.Buurt(buurt));
            yield return culture.Path(SitePaths.Card(buurt));
        }

        foreach (var point in data.Places.SupportPoints.Take(5))
        {
            yield return SitePaths.SupportPoint(point.Slug);
        }

        var postcode = data.Places.SupportPoints[0].Address.Postcode;
        yield return $"/opzoeken?postcode={postcode}";
        yield return "/api/v1/support-points";
        yield return $"/api/v1/lookup?postcode={postcode}";
        yield return "/open-data/noodsteunpunten.geojson";
        yield return "/open-data/noodsteunpunten.csv";
    }

    private static void SameText(string what, string expected, string actual)
    {
        if (expected == actual)
        {
            return;
        }

        var at = expected.Zip(actual).TakeWhile(p => p.First == p.Second).Count();
        var from = Math.Max(0, at - 120);
        Assert.Fail($"{what} differs at character {at}:\n content/: …{expected[from..Math.Min(expected.Length, at + 120)]}…\n Umbraco:  …{actual[from..Math.Min(actual.Length, at + 120)]}…");
    }

    public void Dispose() => TestContent.DeleteScratch(_scratch);
}
