using Microsoft.Extensions.DependencyInjection;
using Portal.Application.CardPrinting;
using Portal.Application.ContentPipeline;
using Portal.Application.PageCatalogue;
using Portal.Application.StaticSite;
using Portal.Cards;
using Portal.Content.Umbraco.Seeding;
using Portal.Pages;
using Portal.Tests.Web;

namespace Portal.Tests.Umbraco;

/// <summary>
/// The whole demo (every page, checklist, support point, alert, setting and card text, in six languages) published in
/// Umbraco as `portal umbraco seed` would, served back through Umbraco's Delivery API shapes: Portal must show, print and
/// export exactly what it does from content/.
/// </summary>
public sealed class ParityTests : IDisposable
{
    private readonly TestContent _content = new();
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), $"portal-parity-{Guid.NewGuid():N}");

    public ParityTests()
    {
        // The demo has no alert; a municipality in a crisis has one, translated into some languages only.
        _content.Replace("site.yml", "alerts: []", """
            alerts:
              - id: "stroomstoring-oost"
                severity: "danger"
                active-from: "2026-01-01T00:00:00+01:00"
                link: "/stroomuitval"
                text:
                  nl: "Stroomstoring in Nijmegen-Oost. Ga bij nood naar uw noodsteunpunt."
                  en: "Power cut in Nijmegen-Oost. In an emergency, go to your support point."
                link-text:
                  nl: "Wat u kunt doen"
            """);
        // And its support points in every state, with messages in some languages and a backup named for one.
        File.WriteAllText(Path.Combine(_content.Root, "status.yml"), """
            points:
              brandweerkazerne-nijmegen-west:
                status: open
                services-now: [information, drinking-water]
                message:
                  nl: "Open tot 22.00 uur. Neem een fles mee."
                  ar: "مفتوحة حتى الساعة 22:00. أحضر زجاجة."
                changed: 2026-11-23T08:00:00+01:00
                checked: 2026-11-23T12:15:00+01:00
              gemeentehuis-nijmegen:
                status: full
                backup: brandweerkazerne-nijmegen-centrum
                changed: 2026-11-23T09:30:00+01:00
              brandweerkazerne-nijmegen-centrum:
                status: open
                changed: 2026-11-23T09:00:00+01:00
              brandweerkazerne-nijmegen-noord:
                status: closed
                message:
                  nl: "Gesloten door wateroverlast."
                changed: 2026-11-23T10:00:00+01:00
            """);
    }

    [Fact]
    public async Task Every_page_card_and_static_file_is_the_same_from_Umbraco_as_from_content()
    {
        var (draft, load) = new ContentPipeline(_content.Root, TestPortal.Cultures).ReadContentFolder();
        Assert.True(load.Data is not null, string.Join("\n", load.Problems));
        var documents = DemoDocuments.From(draft, load.Data!.Places.SupportPoints, TestPortal.Cultures);
        using var fromContent = new PortalFactory { ContentPath = _content.Root };
        using var fromUmbraco = new UmbracoPortalFactory(new DeliveryApiStandIn(documents, TestPortal.Cultures), Path.Combine(_scratch, "snapshot.json"))
        {
            ContentPath = _content.Root,
        };
        var contentClient = fromContent.CreateClient();
        var umbracoClient = fromUmbraco.CreateClient();
        var umbracoData = fromUmbraco.Services.GetRequiredService<PortalDataStore>().Current;
        Assert.Equal("umbraco", umbracoData.Content.Source);

        var urls = Urls(load.Data).ToList();
        Assert.True(urls.Count > 400, $"only {urls.Count} pages enumerated");
        foreach (var url in urls)
        {
            var expected = await contentClient.GetAsync(url);
            var actual = await umbracoClient.GetAsync(url);
            Assert.True(expected.StatusCode == actual.StatusCode, $"{url}: {(int)expected.StatusCode} from content/, {(int)actual.StatusCode} from Umbraco");
            SameText(url, await expected.Content.ReadAsStringAsync(), await actual.Content.ReadAsStringAsync());
        }

        var contentData = fromContent.Services.GetRequiredService<PortalDataStore>().Current;
        var cards = fromContent.Services.GetRequiredService<CardDocuments>();
        foreach (var culture in TestPortal.Cultures.All)
        {
            SameText($"cards in {culture.Code}",
                await cards.PrintHtmlAsync(cards.All(contentData, culture, CardSize.A6)),
                await cards.PrintHtmlAsync(cards.All(umbracoData, culture, CardSize.A6)));
        }

        var exported = await Task.WhenAll(Export(fromContent, contentData, "content"), Export(fromUmbraco, umbracoData, "umbraco"));
        var files = Directory.GetFiles(exported[0], "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(exported[0], f)).Order().ToList();
        Assert.Equal(files, Directory.GetFiles(exported[1], "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(exported[1], f)).Order());
        foreach (var file in files)
        {
            SameText(file, File.ReadAllText(Path.Combine(exported[0], file)), File.ReadAllText(Path.Combine(exported[1], file)));
        }
    }

    /// <summary>Every page the catalogue has in every language, plus the pages and answers that depend on a request.</summary>
    private static IEnumerable<string> Urls(PortalData data)
    {
        foreach (var culture in data.Cultures.All)
        {
            var cards = data.Places.Buurten.Select(b => MeterkastCard.For(b, data.Places, data.Content, data.Texts, culture, data.Cultures, CardSize.A6,
                new Uri("http://localhost/"))).ToList();
            foreach (var type in PortalPages.All.Where(t => t is { Live: not null, Export: not null }))
            {
                foreach (var (sitePath, _, _) in type.Export!(new ExportRequest(data, culture, cards, null)))
                {
                    yield return culture.Path(sitePath);
                }
            }

            yield return culture.Path("/opzoeken?postcode=6512GD");
            yield return culture.Path("/opzoeken?lat=51.8287&lon=5.8669");
            yield return culture.Path("/zoeken?q=water");
            yield return culture.Path("/noodpakket?personen=4");
        }

        yield return "/api/v1/support-points";
        yield return "/api/v1/buurten";
        yield return "/api/v1/lookup?postcode=6525AG&huisnummer=11";
        yield return "/s/BU02680202";
        yield return "/api/v1/support-points/gemeentehuis-nijmegen";
        yield return "/open-data/noodsteunpunten.geojson";
        yield return "/open-data/noodsteunpunten.csv";
        yield return "/open-data/dcat.jsonld";
    }

    private async Task<string> Export(PortalFactory factory, PortalData data, string name)
    {
        var folder = Path.Combine(_scratch, name);
        var exporter = new StaticSiteExporter(factory.Services.GetRequiredService<PageRenderer>(), new FixedTime());
        await exporter.ExportAsync(new StaticExportInput(data, Path.Combine(TestContent.RepositoryRoot, "wwwroot"), new Uri("https://noodsteunpunt.example/")),
            new StaticExportOptions(folder, null, CardPdf: null), TextWriter.Null);
        return folder;
    }

    /// <summary>Equal, or a failure that shows where the two first differ.</summary>
    internal static void SameText(string what, string expected, string actual)
    {
        if (expected == actual)
        {
            return;
        }

        var at = expected.Zip(actual).TakeWhile(p => p.First == p.Second).Count();
        var from = Math.Max(0, at - 120);
        Assert.Fail($"{what} differs at character {at}:\n content/: …{expected[from..Math.Min(expected.Length, at + 120)]}…\n Umbraco:  …{actual[from..Math.Min(actual.Length, at + 120)]}…");
    }

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    }

    public void Dispose()
    {
        _content.Dispose();
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }
}
