using Microsoft.Playwright;

namespace Portal.BrowserTests;

/// <summary>The region demo (`--Portal:Deployment=gelderland-zuid`): the region site at / and every municipality's under /{slug}/.</summary>
public sealed class RegionPortalServer : PortalServer
{
    protected override IEnumerable<string> Arguments() => ["--Portal:Deployment=gelderland-zuid"];
}

[CollectionDefinition(Name)]
public sealed class RegionPortalServerCollection : ICollectionFixture<RegionPortalServer>
{
    public const string Name = "region portal server";
}

/// <summary>
/// One pass over a second municipality as a resident meets it (the screenshot set runs on the Nijmegen demo; the region
/// is the same pages under another municipality's settings and theme): from the region's home to Wijchen's answer, at a
/// phone's width and a desktop's, in Dutch and Arabic, checked by axe.
/// </summary>
[Collection(RegionPortalServerCollection.Name)]
public sealed class RegionTests(RegionPortalServer server)
{
    [Fact]
    public async Task A_resident_types_a_Wijchen_postcode_on_the_region_home_and_lands_on_Wijchens_site_in_Wijchens_house_style()
    {
        await using var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/");
        Assert.Contains("Veiligheidsregio Gelderland-Zuid", await page.TitleAsync());
        await page.FillAsync("input[name=postcode]", "6602 DE");
        await page.FillAsync("input[name=huisnummer]", "22");
        await Task.WhenAll(page.WaitForURLAsync("**/wijchen/opzoeken?**"), page.ClickAsync("form:has(input[name=postcode]) button[type=submit]"));

        Assert.Contains("Gemeentehuis Wijchen", await page.InnerTextAsync("main"));
        Assert.Contains("Wijchen", await page.InnerTextAsync(".site-name"));
        // Wijchen's example theme (petrol), not the region's or Nijmegen's default violet (its home has the form's button).
        await page.GotoAsync(server.BaseUrl + "/wijchen/");
        var wijchen = await page.EvalOnSelectorAsync<string>(".utrecht-button--primary-action", "e => getComputedStyle(e).backgroundColor");
        await page.GotoAsync(server.BaseUrl + "/nijmegen/");
        var nijmegen = await page.EvalOnSelectorAsync<string>(".utrecht-button--primary-action", "e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(0, 101, 109)", wijchen);
        Assert.NotEqual(wijchen, nijmegen);
    }

    public static TheoryData<string> Pages => new()
    {
        // The region's own home and its answer across a border, Wijchen's home and answer, and Wijchen in Arabic: the
        // pages are the Nijmegen demo's (checked page by page there), here under another municipality and theme.
        "/",
        "/opzoeken?postcode=4062AB",
        "/wijchen/",
        "/wijchen/opzoeken?postcode=6602DE&huisnummer=22",
        "/wijchen/ar/opzoeken?postcode=6602DE",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public Task Region_and_Wijchen_pages_fit_a_phone_and_a_desktop_and_pass_axe(string path) =>
        Layout.CheckAsync(server.Browser, server.BaseUrl + path, Layout.Name("regio", "nl", path), [390, 1280], axe: true);
}
