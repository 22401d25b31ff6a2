using Microsoft.Playwright;

namespace Portal.BrowserTests;

/// <summary>axe-core in real Chromium, WCAG 2.1 A and AA rules, on every page type in Dutch and in Arabic (right to left).</summary>
[Collection(PortalServerCollection.Name)]
public class AccessibilityTests(PortalServer server)
{
    public static TheoryData<string, string> EveryPageTypeInEveryLanguage()
    {
        var data = new TheoryData<string, string>();
        string[] pages =
        [
            "/", "/opzoeken", "/opzoeken?postcode=65256AG&huisnummer=x", "/opzoeken?postcode=6512GD&huisnummer=32",
            "/opzoeken?postcode=6525AG", "/opzoeken?postcode=1234AB", "/opzoeken?lat=52.37&lon=4.89",
            "/steunpunten", "/steunpunt/gemeentehuis-nijmegen", "/buurt/BU02680202", "/wijken", "/wijk/WK026807", "/bestaat-niet",
            "/noodpakket?personen=3", "/noodpakket?personen=nul", "/noodplan", "/elkaar-helpen", "/stroomuitval", "/drinkwater",
            "/noodsteunpunt", "/toegankelijkheid", "/privacy", "/zoeken", "/zoeken?q=water", "/zoeken?q=xyzzy", "/kaart/BU02680202",
        ];
        // Dutch, and Arabic for right-to-left (the other languages are the same pages with other words; they are checked for
        // lang/dir, alternates and links in the in-process tests).
        foreach (var language in new[] { "", "/ar" })
        {
            foreach (var page in pages)
            {
                data.Add(language, page);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPageTypeInEveryLanguage))]
    public Task Has_no_axe_violations(string language, string path) => AssertNoViolationsAsync(server, server.BaseUrl + language + path);

    /// <summary>Opens the page in Chromium and runs axe with the WCAG 2.1 A/AA and best-practice rules.</summary>
    internal static Task AssertNoViolationsAsync(PortalServer server, string url, Func<IPage, Task>? check = null) =>
        server.WithPageAsync(async page =>
        {
            await page.GotoAsync(url);
            if (check is not null)
            {
                await check(page);
            }

            var violations = await Axe.RunAsync(page);
            Assert.True(violations.Length == 0, string.Join("\n", violations));
        });

    [Fact]
    public async Task Axe_does_find_violations_when_there_are_some()
    {
        // Guards the harness: a checker that cannot fail proves nothing.
        var page = await server.Browser.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html><head><title>x</title></head><body><main><img src='/x.png'><input type='text'></main></body></html>");

        var violations = await Axe.RunAsync(page, allRules: true);

        Assert.Contains(violations, v => v.Id == "image-alt");
        Assert.Contains(violations, v => v.Id == "html-has-lang");
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_skip_link_is_the_first_tab_stop_and_is_visible_when_focused()
    {
        var page = await server.Browser.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/");

        await page.Keyboard.PressAsync("Tab");

        var focused = page.Locator(":focus");
        Assert.Contains("skip-link", await focused.GetAttributeAsync("class") ?? "");
        var box = await focused.BoundingBoxAsync();
        Assert.True(box is { Y: >= 0 }, "the focused skip link is on screen");
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_page_loads_without_console_errors_or_requests_to_other_hosts()
    {
        var page = await server.Browser.NewPageAsync();
        var errors = new List<string>();
        var foreign = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") { errors.Add(message.Text); } };
        page.Request += (_, request) => { if (!request.Url.StartsWith(server.BaseUrl, StringComparison.Ordinal)) { foreign.Add(request.Url); } };

        await page.GotoAsync(server.BaseUrl + "/opzoeken?postcode=6512GD");
        await page.GotoAsync(server.BaseUrl + "/");

        Assert.Empty(errors);
        Assert.Empty(foreign);
        Assert.True(await page.Locator("#locate-button").IsVisibleAsync(), "the location button appears when script runs");
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_resident_finds_their_support_point_by_typing_a_postcode()
    {
        var page = await server.Browser.NewPageAsync(new BrowserNewPageOptions { JavaScriptEnabled = false });
        await page.GotoAsync(server.BaseUrl + "/");

        await page.GetByLabel("Postcode").FillAsync("6512 gd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoek mijn noodsteunpunt" }).ClickAsync();

        await page.WaitForURLAsync("**/opzoeken?**");
        Assert.Contains("Bottendaal", await page.Locator("main").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Basisschool Petrus Canisius (Cortenaerpad)" }).First.ClickAsync();
        Assert.Equal("Basisschool Petrus Canisius (Cortenaerpad)", await page.Locator("h1").InnerTextAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_resident_can_use_their_location()
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Geolocation = new Geolocation { Latitude = 51.8287301f, Longitude = 5.8669376f },
            Permissions = ["geolocation"],
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/en");

        await page.GetByRole(AriaRole.Button, new() { Name = "Use my location" }).ClickAsync();

        await page.WaitForURLAsync("**/en/opzoeken?lat=*");
        Assert.Contains("Groenewoud", await page.Locator("main .lead").InnerTextAsync());
        await context.CloseAsync();
    }
}
