using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Tests.Region;

/// <summary>
/// The region demo as a resident, a monitor and a partner meet it: one deployment, the region site at / and sixteen
/// municipalities' sites, each its own (points, numbers, house style), lookups across every border.
/// </summary>
public sealed class RegionTests(RegionTests.RegionPortal region) : IClassFixture<RegionTests.RegionPortal>
{
    /// <summary>One region portal on the repository's content for the tests that only read.</summary>
    public sealed class RegionPortal : IDisposable
    {
        public RegionPortalFactory Factory { get; } = new();

        public HttpClient Client { get; }

        public RegionPortal() => Client = Factory.CreateClient(new() { AllowAutoRedirect = false });

        public void Dispose() => Factory.Dispose();
    }

    private HttpClient Client => region.Client;

    [Fact]
    public async Task A_Wijchen_postcode_on_the_region_site_gets_Wijchens_point_numbers_and_house_style()
    {
        var lookup = await Client.GetAsync("/opzoeken?postcode=6602DE&huisnummer=22");
        Assert.Equal(HttpStatusCode.Redirect, lookup.StatusCode);
        Assert.Equal("/wijchen/opzoeken?postcode=6602DE&huisnummer=22", lookup.Headers.Location?.OriginalString);

        var page = await Client.GetStringAsync(lookup.Headers.Location!.OriginalString);
        Assert.Contains("Gemeentehuis Wijchen", page);
        // Wijchen's own settings (its site.yml) and theme, not the region's or Nijmegen's.
        var wijchenSettings = File.ReadAllText(Path.Combine(region.Factory.MunicipalityFolder("wijchen"), "site.yml"));
        Assert.Contains("municipality: \"Wijchen\"", wijchenSettings);
        var stylesheet = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/wijchen/css/portal\\.[0-9a-f]+\\.css)\"").Groups[1].Value;
        Assert.NotEmpty(stylesheet);
        var css = await Client.GetStringAsync(stylesheet);
        Assert.Contains("#00656d", css, StringComparison.OrdinalIgnoreCase);
        var nijmegenPage = await Client.GetStringAsync("/nijmegen/");
        Assert.DoesNotContain(stylesheet, nijmegenPage);
        // Every link on Wijchen's page stays on Wijchen's site.
        foreach (var href in System.Text.RegularExpressions.Regex.Matches(page, "href=\"(/[^\"#]*)\"").Select(m => m.Groups[1].Value))
        {
            Assert.True(href.StartsWith("/wijchen/", StringComparison.Ordinal) || href == "/opzoeken?postcode=6602DE&huisnummer=22", $"link {href} leaves Wijchen's site");
        }
    }

    [Fact]
    public async Task The_region_home_leads_to_every_municipality_and_each_site_answers_in_every_language()
    {
        var home = await Client.GetStringAsync("/");
        var deployment = File.ReadAllText(Path.Combine(TestContent.RepositoryContent, "regions", RegionPortalFactory.Deployment, "deployment.yml"));
        var slugs = System.Text.RegularExpressions.Regex.Matches(deployment, @"slug: ([a-z-]+)\n").Select(m => m.Groups[1].Value).Skip(1).ToList();
        Assert.Equal(16, slugs.Count);
        foreach (var slug in slugs)
        {
            Assert.Contains($"href=\"/{slug}/\"", home);
            Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/{slug}/")).StatusCode);
        }

        var english = await Client.GetStringAsync("/west-maas-en-waal/en/steunpunten");
        Assert.Contains("lang=\"en\"", english);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/wijchen/ar/noodpakket")).StatusCode);
    }

    [Fact]
    public async Task A_municipality_is_its_own_site_on_its_host_name_and_under_its_prefix_in_any_case()
    {
        // wijchen.example is Wijchen's host name in deployment.yml: its site at the root, links without a prefix.
        using var byHost = new HttpRequestMessage(HttpMethod.Get, "/steunpunten");
        byHost.Headers.Host = "Wijchen.Example";
        var hosted = await Client.SendAsync(byHost);
        Assert.Equal(HttpStatusCode.OK, hosted.StatusCode);
        var page = await hosted.Content.ReadAsStringAsync();
        Assert.Contains(">Noodsteunpunten Wijchen</a>", page);
        Assert.DoesNotContain("Gemeentehuis Nijmegen", page);
        Assert.Contains("href=\"/opzoeken\"", page);
        Assert.DoesNotContain("href=\"/wijchen/", page);

        // An address typed with capitals still reaches the site; a prefix only counts as a whole segment.
        Assert.Contains(">Noodsteunpunten Wijchen</a>", await Client.GetStringAsync("/Wijchen/steunpunten"));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/wijchenx/steunpunten")).StatusCode);
    }

    [Fact]
    public async Task The_region_api_names_the_municipality_and_each_municipality_has_its_own_api()
    {
        using var region = JsonDocument.Parse(await Client.GetStringAsync("/api/v1/lookup?postcode=6602DE"));
        var municipality = region.RootElement.GetProperty("municipality");
        Assert.Equal("GM0296", municipality.GetProperty("code").GetString());
        Assert.Equal("Wijchen", municipality.GetProperty("name").GetString());
        Assert.Equal("wijchen", municipality.GetProperty("slug").GetString());
        Assert.StartsWith("gemeentehuis-wijchen", region.RootElement.GetProperty("supportPoint").GetProperty("slug").GetString());

        using var own = JsonDocument.Parse(await Client.GetStringAsync("/wijchen/api/v1/lookup?postcode=6602DE"));
        Assert.Equal("GM0296", own.RootElement.GetProperty("municipality").GetProperty("code").GetString());
        using var points = JsonDocument.Parse(await Client.GetStringAsync("/wijchen/api/v1/support-points"));
        Assert.All(points.RootElement.EnumerateArray(), p => Assert.Equal("Wijchen", p.GetProperty("address").GetProperty("city").GetString()));

        var outside = await Client.GetAsync("/api/v1/lookup?lat=52.3702&lon=4.8952");
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Contains("Outside the region", await outside.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_postcode_area_across_a_border_offers_the_buurten_of_both_municipalities()
    {
        // 4062 lies in Tiel and in Neerijnen (two GeoNames places): the region knows both; Tiel's site only its own.
        var page = await Client.GetAsync("/opzoeken?postcode=4062AB");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Dit adres ligt in de gemeente Tiel.", html);
        Assert.Contains("Dit adres ligt in de gemeente Neerijnen.", html);
        Assert.Contains("href=\"/neerijnen/buurt/", html);

        using var api = JsonDocument.Parse(await Client.GetStringAsync("/api/v1/lookup?postcode=4062AB"));
        var municipalities = new[] { api.RootElement.GetProperty("municipality") }
            .Concat(api.RootElement.GetProperty("alternatives").EnumerateArray().Select(a => a.GetProperty("municipality")))
            .Select(m => m.GetProperty("slug").GetString()).ToHashSet();
        Assert.Equal(["neerijnen", "tiel"], municipalities.Order());

        // A municipality's own site sends a postcode it does not know to the region.
        var wijchen = await (await Client.GetAsync("/wijchen/opzoeken?postcode=4062AB")).Content.ReadAsStringAsync();
        Assert.Contains("href=\"/opzoeken?postcode=4062AB\"", wijchen);
    }

    [Fact]
    public async Task Robots_txt_at_the_root_speaks_for_every_municipalitys_site()
    {
        var robots = await Client.GetStringAsync("/robots.txt");
        Assert.Contains("Sitemap: http://localhost:5000/sitemap.xml\n", robots);
        Assert.Contains("Sitemap: http://localhost:5000/wijchen/sitemap.xml\n", robots);
        Assert.Contains("Disallow: /wijchen/en/zoeken\n", robots);
        Assert.Contains("Disallow: /west-maas-en-waal/api/\n", robots);
        var sitemap = await Client.GetStringAsync("/wijchen/sitemap.xml");
        Assert.Contains("<loc>http://localhost:5000/wijchen/steunpunt/gemeentehuis-wijchen</loc>", sitemap);
    }

    [Fact]
    public async Task Every_sites_whole_rebuilds_take_turns_with_the_other_sites()
    {
        // Seventeen sites exporting their static copies at once at start held 887 MB: they share the region's turns.
        var services = region.Factory.Services;
        var turns = services.GetRequiredService<Portal.Application.Publishing.RebuildTurns>();
        var sites = services.GetRequiredService<Portal.Web.Hosting.RegionSites>().Hosts;
        Assert.Equal(16, sites.Count);
        Assert.All(sites, site => Assert.Same(turns, site.Services.GetRequiredService<Portal.Application.Publishing.RebuildTurns>()));

        // Turns as many as asked for; the next waits until one ends.
        using var two = new Portal.Application.Publishing.RebuildTurns(2);
        var first = await two.TakeAsync(CancellationToken.None);
        using var second = await two.TakeAsync(CancellationToken.None);
        var third = two.TakeAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(third.IsCompleted);
        first.Dispose();
        first.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        // Ended twice, given back once: still one free turn, not two.
        using var fourth = await two.TakeAsync(CancellationToken.None);
        Assert.False(two.TakeAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task Health_names_every_municipality()
    {
        var json = await Client.GetStringAsync("/health");
        using var health = JsonDocument.Parse(json);
        Assert.True(health.RootElement.GetProperty("status").GetString() == "ok", json);
        var sites = health.RootElement.GetProperty("municipalities").EnumerateArray().ToList();
        Assert.Equal(16, sites.Count);
        Assert.All(sites, site => Assert.Equal("ok", site.GetProperty("status").GetString()));
        Assert.Contains(sites, site => site.GetProperty("code").GetString() == "GM0668" && site.GetProperty("name").GetString() == "West Maas en Waal");
    }
}

/// <summary>With PDOK Locatieserver on, an exact address anywhere in the region finds its buurt and municipality.</summary>
public sealed class RegionPdokTests
{
    [Fact]
    public async Task An_exact_Wijchen_address_from_PDOK_is_answered_by_the_region_with_Wijchens_buurt_and_point()
    {
        using var factory = new RegionPdokFactory();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var answer = JsonDocument.Parse(await client.GetStringAsync("/api/v1/lookup?postcode=6602DE&huisnummer=22"));
        Assert.Equal("exact", answer.RootElement.GetProperty("match").GetString());
        Assert.Equal("BU02960114", answer.RootElement.GetProperty("buurt").GetProperty("code").GetString());
        Assert.Equal("wijchen", answer.RootElement.GetProperty("municipality").GetProperty("slug").GetString());
        Assert.Equal("address", answer.RootElement.GetProperty("supportPoint").GetProperty("distanceFrom").GetString());
    }

    private sealed class RegionPdokFactory : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        private readonly RegionPortalFactory _settings = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("Portal:ContentPath", TestContent.RepositoryContent);
            foreach (var (key, value) in _settings.Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting("Portal:Pdok:Enabled", "true");
            Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(builder, services =>
                Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.ConfigurePrimaryHttpMessageHandler(
                    Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<Portal.Places.Lookup.PdokAddressResolver>(services),
                    () => new Portal.Tests.Web.PdokFixtureHandler()));
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            _settings.Dispose();
        }
    }
}
