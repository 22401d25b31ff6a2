using System.Net;
using System.Text.Json;

namespace Portal.Tests.Region;

/// <summary>
/// Write once for the region, override per municipality, and one municipality's broken content never holds back another's:
/// each test serves its own copy of content/ and changes it as an officer would.
/// </summary>
public sealed class RegionContentTests : IDisposable
{
    private readonly TestContent _content = new();

    public void Dispose() => _content.Dispose();

    private string Municipality(string slug, params string[] path) =>
        Path.Combine([_content.Root, "regions", RegionPortalFactory.Deployment, "gemeenten", slug, .. path]);

    [Fact]
    public async Task A_shared_page_edited_once_appears_in_all_sixteen_sites_and_a_municipalitys_own_page_overrides_it()
    {
        // Wijchen writes its own emergency-kit page; the others show the campaign's.
        Directory.CreateDirectory(Municipality("wijchen", "nl", "pages"));
        var shared = File.ReadAllText(Path.Combine(_content.Root, "nl", "pages", "noodpakket.md"));
        File.WriteAllText(Municipality("wijchen", "nl", "pages", "noodpakket.md"),
            System.Text.RegularExpressions.Regex.Replace(shared, "(?m)^title: .*$", "title: \"Noodpakket in Wijchen\""));

        using var factory = new RegionPortalFactory(_content.Root);
        var client = factory.CreateClient();
        Assert.Contains("Noodpakket in Wijchen", await client.GetStringAsync("/wijchen/noodpakket"));
        Assert.DoesNotContain("Noodpakket in Wijchen", await client.GetStringAsync("/beuningen/noodpakket"));

        // One edit of the shared page (content/nl/pages, written once) reaches every site of the region.
        _content.Replace(Path.Combine("nl", "pages", "drinkwater.md"), "title: \"", "title: \"Gewijzigd voor de hele regio. ");
        using var home = JsonDocument.Parse(await client.GetStringAsync("/health"));
        var slugs = home.RootElement.GetProperty("municipalities").EnumerateArray().Select(m => m.GetProperty("slug").GetString()!).ToList();
        Assert.Equal(16, slugs.Count);
        foreach (var site in slugs.Select(slug => $"/{slug}").Append(""))
        {
            await Eventually.TrueAsync(async () => (await client.GetStringAsync($"{site}/drinkwater")).Contains("Gewijzigd voor de hele regio", StringComparison.Ordinal), 30);
        }

        // Wijchen's own page stays its own after the shared pages changed.
        Assert.Contains("Noodpakket in Wijchen", await client.GetStringAsync("/wijchen/noodpakket"));
    }

    [Fact]
    public async Task One_municipalitys_broken_content_leaves_the_other_fifteen_untouched_and_health_names_it()
    {
        // Beuningen's support points cannot be read at all; Buren's status file is not YAML; Druten has a broken page.
        File.WriteAllText(Municipality("beuningen", "support-points.csv"), "slug,name\nkapot\n");
        File.WriteAllText(Municipality("buren", "status.yml"), "points: [\n");
        Directory.CreateDirectory(Municipality("druten", "nl", "pages"));
        File.WriteAllText(Municipality("druten", "nl", "pages", "noodplan.md"), "geen front matter\n");

        using var factory = new RegionPortalFactory(_content.Root);
        var client = factory.CreateClient();
        var beuningen = await client.GetAsync("/beuningen/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, beuningen.StatusCode);
        Assert.Contains("112", await beuningen.Content.ReadAsStringAsync());
        // Druten serves the campaign's plan while its own version is refused; its other pages are there.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/druten/noodpakket")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/buren/steunpunten")).StatusCode);
        foreach (var slug in new[] { "wijchen", "nijmegen", "tiel", "zaltbommel" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{slug}/")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{slug}/noodplan")).StatusCode);
        }

        using var health = JsonDocument.Parse(await client.GetStringAsync("/health"));
        Assert.Equal("degraded", health.RootElement.GetProperty("status").GetString());
        var sites = health.RootElement.GetProperty("municipalities").EnumerateArray()
            .ToDictionary(m => m.GetProperty("slug").GetString()!, m => m);
        Assert.Equal("down", sites["beuningen"].GetProperty("status").GetString());
        Assert.Contains("support-points.csv", sites["beuningen"].GetProperty("lastError").GetString());
        Assert.Equal("degraded", sites["buren"].GetProperty("status").GetString());
        Assert.NotEqual("ok", sites["druten"].GetProperty("status").GetString());
        Assert.Equal(13, sites.Values.Count(site => site.GetProperty("status").GetString() == "ok"));
    }

    [Fact]
    public async Task In_a_crisis_the_region_lists_the_open_points_nearest_first_whichever_municipality_they_belong_to()
    {
        // A Nijmegen school near the border and Wijchen's town hall are open.
        File.WriteAllText(Municipality("nijmegen", "status.yml"), "points:\n  daltonschool-de-meiboom:\n    status: open\n");
        File.WriteAllText(Municipality("wijchen", "status.yml"), "points:\n  gemeentehuis-wijchen:\n    status: open\n");

        using var factory = new RegionPortalFactory(_content.Root);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        // A house in Wijchen's buurt Hoogbroek, 1.4 km from the Nijmegen school and 3 km from its own town hall.
        var page = await client.GetAsync("/opzoeken?lat=51.808512&lon=5.77452");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Dit adres ligt in de gemeente Wijchen.", html);
        var open = html[html.IndexOf("id=\"open-points-title\"", StringComparison.Ordinal)..];
        var school = open.IndexOf("Daltonschool De Meiboom", StringComparison.Ordinal);
        var townHall = open.IndexOf("Gemeentehuis Wijchen", StringComparison.Ordinal);
        Assert.True(school >= 0 && townHall > school, "the nearer open point (in Nijmegen) comes first");

        // Each municipality's site shows its own point's status; the region's home lists both.
        Assert.Contains("Gemeentehuis Wijchen", await client.GetStringAsync("/"));
        Assert.Contains("Daltonschool De Meiboom", await client.GetStringAsync("/"));
    }
}
