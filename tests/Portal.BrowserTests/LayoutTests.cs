using Microsoft.Playwright;

namespace Portal.BrowserTests;

/// <summary>The second theme: the NL Design System example theme with a green brand colour over its violet.</summary>
public static class TestThemes
{
    private static readonly Lazy<string> GreenFile = new(() =>
    {
        var file = Path.Combine(Path.GetTempPath(), $"portal-theme-groen-{Environment.ProcessId}.css");
        File.WriteAllText(file, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "wwwroot", "css", "nlds", "themes", "voorbeeld.css"))
            + "\n.groen-theme { --voorbeeld-kleuren-violet-500: #0b6b3a; }\n");
        return file;
    });

    public static string Green => GreenFile.Value;
}

public sealed class GreenPortalServer : PortalServer
{
    protected override IEnumerable<string> Arguments() => ["--Portal:Theme", TestThemes.Green];
}

[CollectionDefinition(Name)]
public sealed class GreenPortalServerCollection : ICollectionFixture<GreenPortalServer>
{
    public const string Name = "green portal server";
}

/// <summary>The static export in the second theme (without card PDFs: the pages are what is looked at).</summary>
public sealed class GreenStaticSite : StaticSite
{
    protected override IEnumerable<string> Arguments() => ["--Portal:Theme", TestThemes.Green, "--no-pdf"];
}

/// <summary>
/// The screenshot set: every page type at 320, 390 and 1280 px, in Dutch and Arabic, live and static, in the default
/// theme; a page of each kind of coloured component in the second theme. Each is checked for sideways scrolling and for
/// text drawn over other text; a screenshot of each goes under screenshots/ beside the tests for a person to look
/// through when asked for (<see cref="Screenshots"/>), and of every page that fails a check always (the second theme at
/// 390 px: a theme changes colours, not sizes); the second theme is also run through axe (the first is, on every page,
/// in <see cref="AccessibilityTests"/> and <see cref="StaticSiteTests"/>).
/// </summary>
public static class Layout
{
    public static readonly int[] Widths = [320, 390, 1280];

    public static readonly string[] LivePages =
    [
        "/", "/opzoeken?postcode=6525AG", "/opzoeken?postcode=65256AG&huisnummer=x", "/steunpunten", "/steunpunt/gemeentehuis-nijmegen",
        "/buurt/BU02680202", "/wijken", "/wijk/WK026802", "/noodpakket?personen=3", "/noodplan", "/zoeken?q=water", "/kaart/BU02680202", "/bestaat-niet",
    ];

    public static readonly string[] StaticPages =
    [
        "index.html", "steunpunt/gemeentehuis-nijmegen.html", "buurt/BU02680202.html", "wijk/WK026803.html", "postcode/6525.html",
        "buurten.html", "noodpakket.html", "kaart/BU02680202.html",
    ];

    /// <summary>
    /// The second theme changes colours, not layout: the pages with each kind of coloured component (buttons and the
    /// lookup form, the status and point blocks, the map, search results, the card) are enough for axe's contrast check
    /// and the layout; the rest are checked in the default theme.
    /// </summary>
    public static readonly string[] SecondThemeLivePages =
        ["/", "/opzoeken?postcode=6525AG", "/steunpunt/gemeentehuis-nijmegen", "/buurt/BU02680202", "/noodpakket?personen=3", "/zoeken?q=water", "/kaart/BU02680202"];

    /// <summary>In the static copy, the theme only has to be shown to arrive: its pages are the live components.</summary>
    public static readonly string[] SecondThemeStaticPages = ["index.html", "buurt/BU02680202.html", "postcode/6525.html"];

    public static TheoryData<string, string> Live() => Data(LivePages);

    public static TheoryData<string, string> Static() => Data(StaticPages);

    public static TheoryData<string, string> SecondThemeLive() => Data(SecondThemeLivePages);

    public static TheoryData<string, string> SecondThemeStatic() => Data(SecondThemeStaticPages);

    private static TheoryData<string, string> Data(IEnumerable<string> pages)
    {
        var data = new TheoryData<string, string>();
        foreach (var language in new[] { "nl", "ar" })
        {
            foreach (var page in pages)
            {
                data.Add(language, page);
            }
        }

        return data;
    }

    // Text boxes of different elements that overlap by more than a sliver. Hidden and off-screen text does not count.
    private const string Overlaps = """
        () => {
          const boxes = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.textContent.trim()) continue;
            const element = node.parentElement;
            const style = getComputedStyle(element);
            if (style.visibility === 'hidden' || element.closest('.visually-hidden, title')) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const r of range.getClientRects()) {
              if (r.width > 2 && r.height > 2 && r.bottom > 0) boxes.push({ r, element, text: node.textContent.trim().slice(0, 40) });
            }
          }
          // Top to bottom: a box is only compared with those that start above its bottom (a sweep, not every pair).
          boxes.sort((a, b) => a.r.top - b.r.top);
          const found = [];
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length && boxes[j].r.top < boxes[i].r.bottom; j++) {
              const a = boxes[i], b = boxes[j];
              if (a.element === b.element || a.element.contains(b.element) || b.element.contains(a.element)) continue;
              const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
              const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
              // Line boxes of wrapped rows may touch (Arabic fonts have tall ones); text over text covers much of its height.
              if (w > 2 && h > 0.4 * Math.min(a.r.height, b.r.height)) found.push(`"${a.text}" over "${b.text}"`);
            }
          }
          // A distance split over two lines ("1,2 / km") lands its halves far apart in Arabic.
          for (const distance of document.querySelectorAll('.distance')) {
            const lines = new Set([...distance.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom)));
            if (lines.size > 1) found.push(`distance "${distance.textContent}" in "${distance.parentElement.textContent.trim().slice(0, 50)}"`);
          }
          return found.slice(0, 5);
        }
        """;

    /// <summary>
    /// Words in headings drawn on more than one line ("Noodsteunpunte / n nu"). A break at a hyphen or slash is a break
    /// between words; the isolate marks around filled-in values are not part of a word. A distance is one word too.
    /// </summary>
    public const string BrokenHeadingWords = """
        () => {
          const found = [];
          for (const heading of document.querySelectorAll('h1, h2, h3')) {
            const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const words = /[^\s\-\u2010\u2013\u2014\/\u2066-\u2069]+/gu;
              for (let m = words.exec(node.textContent); m; m = words.exec(node.textContent)) {
                const range = document.createRange();
                range.setStart(node, m.index);
                range.setEnd(node, m.index + m[0].length);
                const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom)));
                if (lines.size > 1) found.push(`"${m[0]}" in "${heading.textContent.trim().slice(0, 50)}"`);
              }
            }
          }
          // A distance split over two lines ("1,2 / km") lands its halves far apart in Arabic.
          for (const distance of document.querySelectorAll('.distance')) {
            const lines = new Set([...distance.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom)));
            if (lines.size > 1) found.push(`distance "${distance.textContent}" in "${distance.parentElement.textContent.trim().slice(0, 50)}"`);
          }
          return found.slice(0, 5);
        }
        """;

    /// <summary>Loads the page at each width: no sideways scrolling, no text over text, no heading word broken in two; a screenshot of each.</summary>
    public static async Task CheckAsync(IBrowser browser, string url, string shotName, int[]? widths = null, bool axe = false)
    {
        var problems = new List<string>();
        // One page, resized and loaded again per width (as a fresh load at that width: the page is loaded after the resize).
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        foreach (var width in widths ?? Widths)
        {
            var before = problems.Count;
            await page.SetViewportSizeAsync(width, 900);
            await page.GotoAsync(url);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            if (overflow > 0)
            {
                var widest = await page.EvaluateAsync<string>("""
                    () => {
                      const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                        .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className.baseVal ?? e.className).split(' ')[0] : ''));
                      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                        const range = document.createRange();
                        range.selectNodeContents(node);
                        if (range.getBoundingClientRect().right > window.innerWidth + 1) wide.push('"' + node.textContent.trim().slice(0, 30) + '"');
                      }
                      return wide.slice(-4).join(', ');
                    }
                    """);
                problems.Add($"{width} px: {overflow} px wider than the screen ({widest})");
            }

            var overlaps = await page.EvaluateAsync<string[]>(Overlaps);
            if (overlaps.Length > 0)
            {
                problems.Add($"{width} px: text over text: {string.Join("; ", overlaps)}");
            }

            var broken = await page.EvaluateAsync<string[]>(BrokenHeadingWords);
            if (broken.Length > 0)
            {
                problems.Add($"{width} px: heading word or distance broken across lines: {string.Join("; ", broken)}");
            }

            if (axe)
            {
                problems.AddRange((await Axe.RunAsync(page)).Select(v => $"{width} px: axe {v.Id}: {v.Help} {v.Nodes.FirstOrDefault()}"));
            }

            await Screenshots.SaveAsync(page, Path.Combine(shotName.Split('/')[0], width.ToString(System.Globalization.CultureInfo.InvariantCulture), shotName.Split('/', 2)[1]),
                failed: problems.Count > before);
        }

        Assert.True(problems.Count == 0, $"{url}: {string.Join(" | ", problems)}");
    }

    public static string Name(string theme, string language, string page) =>
        $"{theme}-{language}/{(page.Trim('/').Length == 0 ? "home" : string.Concat(page.Trim('/').Select(c => char.IsLetterOrDigit(c) ? c : '_')))}";

}

[Collection(LayoutPortalServerCollection.Name)]
public sealed class LayoutTests(PortalServer server)
{
    [Theory]
    [MemberData(nameof(Layout.Live), MemberType = typeof(Layout))]
    public Task Live_pages_fit_every_width_without_text_over_text(string language, string page) =>
        Layout.CheckAsync(server.Browser, server.BaseUrl + (language == "nl" ? "" : "/" + language) + page, Layout.Name("voorbeeld-live", language, page));
}

[Collection(StaticSiteCollection.Name)]
public sealed class StaticLayoutTests(SharedChromium chromium, StaticSite site)
{
    [Theory]
    [MemberData(nameof(Layout.Static), MemberType = typeof(Layout))]
    public Task Static_pages_fit_every_width_without_text_over_text(string language, string page) =>
        // The static pages are the live components: the narrowest and the widest screen.
        Layout.CheckAsync(chromium.Browser, $"{site.BaseUrl}/{(language == "nl" ? "" : language + "/")}{page}", Layout.Name("voorbeeld-static", language, page), [320, 1280]);
}

[Collection(GreenPortalServerCollection.Name)]
public sealed class GreenThemeTests(GreenPortalServer server)
{
    [Theory]
    [MemberData(nameof(Layout.SecondThemeLive), MemberType = typeof(Layout))]
    public async Task Live_pages_in_the_second_theme_fit_and_pass_axe(string language, string page)
    {
        var url = server.BaseUrl + (language == "nl" ? "" : "/" + language) + page;
        // Themes change colours, not sizes: one phone width here; every width is checked in the default theme.
        await Layout.CheckAsync(server.Browser, url, Layout.Name("groen-live", language, page), [390], axe: true);
    }

    [Fact]
    public async Task The_second_theme_really_restyles_the_page()
    {
        var page = await server.Browser.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/");
        var background = await page.EvalOnSelectorAsync<string>(".utrecht-button--primary-action", "e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(11, 107, 58)", background);
        await page.CloseAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class GreenStaticSiteCollection : ICollectionFixture<SharedChromium>, ICollectionFixture<GreenStaticSite>
{
    public const string Name = "green static site";
}

[Collection(GreenStaticSiteCollection.Name)]
public sealed class GreenStaticThemeTests(SharedChromium chromium, GreenStaticSite site)
{
    [Theory]
    [MemberData(nameof(Layout.SecondThemeStatic), MemberType = typeof(Layout))]
    public async Task Static_pages_in_the_second_theme_fit_and_pass_axe(string language, string page)
    {
        var url = $"{site.BaseUrl}/{(language == "nl" ? "" : language + "/")}{page}";
        await Layout.CheckAsync(chromium.Browser, url, Layout.Name("groen-static", language, page), [390], axe: true);
    }
}
