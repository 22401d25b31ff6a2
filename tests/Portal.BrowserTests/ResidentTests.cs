using Microsoft.Playwright;

namespace Portal.BrowserTests;

/// <summary>
/// What a resident on a 390 × 844 phone must be able to rely on, in Dutch and Arabic, in peacetime and in a
/// disruption: one instruction where to go, one distance per support point, the postcode field in the first screen,
/// headings that do not break a word in two. Checkers (axe, vnu) pass pages that fail these.
/// </summary>
public static class Resident
{
    public const int PhoneWidth = 390;
    public const int PhoneHeight = 844;

    /// <summary>The lowest the top of the postcode field may start: within the first screen with room for the button.</summary>
    public const int FirstScreen = 600;

    /// <summary>
    /// Each support point with more than one distance on the page ("Brandweerkazerne: 1,2 km / 1,3 km"), and distances
    /// in the text that are not tied to a point (a figure the page gives outside the marked places). The map's scale
    /// (in the SVG) is not a distance to a point.
    /// </summary>
    private const string DistanceProblems = """
        () => {
          const main = document.querySelector('main');
          const byPoint = new Map();
          for (const e of main.querySelectorAll('.distance[data-point]')) {
            const texts = byPoint.get(e.dataset.point) ?? new Set();
            texts.add(e.textContent.trim());
            byPoint.set(e.dataset.point, texts);
          }
          const problems = [...byPoint].filter(([, t]) => t.size > 1).map(([p, t]) => `${p}: ${[...t].join(' / ')}`);
          const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement.closest('svg, .distance')) continue;
            const unmarked = node.textContent.match(/\d+(?:[.,]\d+)?\s*(?:km|meter|كم|متر)(?![\p{L}])/gu);
            if (unmarked) problems.push(`unmarked distance "${unmarked[0]}" in "${node.textContent.trim().slice(0, 60)}"`);
          }
          return problems;
        }
        """;

    // The places that name a point to go to: the status block's "Ga naar" and the buurt's fixed backup line.
    private const string GoToInstructions = """
        () => [...document.querySelectorAll('main .go-instead, main .backup')]
          .filter(e => e.offsetParent !== null && e.querySelector('a[href*="steunpunt/"]'))
          .map(e => e.textContent.replace(/\s+/g, ' ').trim())
        """;

    /// <summary>
    /// Right-to-left pages compared as drawn with their logical order: the words of a Dutch address left to right
    /// ("Cortenaerpad 32, 6512 GD Nijmegen", not "Nijmegen 6512 GD ,Cortenaerpad 32"); an address before a distance
    /// in the sentence stands to its right (read first), with no digit of one touching the other; the map's scale
    /// label inside the map.
    /// </summary>
    private const string BidiProblems = """
        () => {
          const problems = [];
          const rects = (node, start, end) => {
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, end);
            return [...range.getClientRects()].filter(r => r.width > 0);
          };
          for (const address of document.querySelectorAll('main .postal-address')) {
            const node = address.firstChild;
            const words = [...node.textContent.matchAll(/\S+/g)].map(m => ({ text: m[0], box: rects(node, m.index, m.index + m[0].length)[0] }));
            for (let i = 1; i < words.length; i++) {
              const [a, b] = [words[i - 1], words[i]];
              if (Math.abs(a.box.bottom - b.box.bottom) < 2 && b.box.left < a.box.left) problems.push(`address "${node.textContent}": "${b.text}" drawn before "${a.text}"`);
            }
          }
          for (const distance of document.querySelectorAll('main .distance')) {
            const sentence = distance.closest('p, li');
            const address = [...sentence.querySelectorAll('.postal-address')].filter(a => a.compareDocumentPosition(distance) & Node.DOCUMENT_POSITION_FOLLOWING).pop();
            if (!address) continue;
            // An address may wrap: its piece on the distance's line is what must stand to the distance's right.
            const d = distance.getBoundingClientRect();
            const a = [...address.getClientRects()].find(r => Math.abs(r.bottom - d.bottom) < 2);
            if (!a) continue;
            if (a.left < d.right - 1) problems.push(`"${address.textContent}" drawn after "${distance.textContent}" in "${sentence.textContent.replace(/\s+/g, ' ').trim().slice(0, 80)}"`);
            else if (a.left - d.right < 4) problems.push(`"${address.textContent}" runs into "${distance.textContent}"`);
          }
          for (const label of document.querySelectorAll('.map-scale text')) {
            const [t, map] = [label.getBoundingClientRect(), label.closest('svg').getBoundingClientRect()];
            if (t.left < map.left - 1 || t.right > map.right + 1) problems.push(`scale label "${label.textContent}" outside the map`);
          }
          return problems;
        }
        """;

    public static async Task AssertRightToLeftReadsRightAsync(IBrowser browser, string url)
    {
        var page = await OpenOnPhoneAsync(browser, url);
        var addresses = await page.Locator("main .postal-address").CountAsync();
        var problems = await page.EvaluateAsync<string[]>(BidiProblems);
        await page.CloseAsync();

        Assert.True(addresses > 0, $"{url}: no address to check");
        Assert.True(problems.Length == 0, $"{url}: {string.Join(" | ", problems)}");
    }

    /// <summary>Loads the page at phone size; the page is left open for more checks.</summary>
    public static async Task<IPage> OpenOnPhoneAsync(IBrowser browser, string url)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = PhoneWidth, Height = PhoneHeight },
        });
        await page.GotoAsync(url);
        return page;
    }

    public static async Task AssertOneInstructionAndOneDistancePerPointAsync(IBrowser browser, string url)
    {
        var page = await OpenOnPhoneAsync(browser, url);
        var distances = await page.EvaluateAsync<string[]>(DistanceProblems);
        var instructions = await page.EvaluateAsync<string[]>(GoToInstructions);
        await page.CloseAsync();

        Assert.True(distances.Length == 0, $"{url}: more than one distance for a point: {string.Join(" | ", distances)}");
        Assert.True(instructions.Length <= 1, $"{url}: {instructions.Length} go-to instructions: {string.Join(" | ", instructions)}");
    }

    /// <summary>
    /// At 390 × 844 the top of the postcode field is within the first 600 px, the languages are on one line, and no
    /// heading breaks a word in two.
    /// A screenshot of the first screen (screenshots/first-screen/) for a person to look at: when asked for, or when it fails.
    /// </summary>
    public static async Task AssertPostcodeFieldInFirstScreenAsync(IBrowser browser, string url, string shotName)
    {
        var page = await OpenOnPhoneAsync(browser, url);
        var top = await page.EvalOnSelectorAsync<double>("#postcode", "e => e.getBoundingClientRect().top + window.scrollY");
        var header = await page.EvalOnSelectorAsync<double>(".site-header", "e => e.getBoundingClientRect().height");
        var broken = await page.EvaluateAsync<string[]>(Layout.BrokenHeadingWords);
        var languageLines = await page.EvalOnSelectorAllAsync<int>(".languages li", "items => new Set(items.map(i => Math.round(i.getBoundingClientRect().top))).size");
        var languageWidths = await page.EvalOnSelectorAllAsync<string>(".languages li", "items => items.map(i => Math.round(i.getBoundingClientRect().width)).join(' + ') + ' of ' + Math.round(items[0].parentElement.getBoundingClientRect().width)");
        var (fieldInView, languagesOnOneLine, noBrokenWords) = (top <= FirstScreen, languageLines == 1, broken.Length == 0);
        await Screenshots.SaveAsync(page, Path.Combine("first-screen", shotName), failed: !(fieldInView && languagesOnOneLine && noBrokenWords));
        await page.CloseAsync();

        Assert.True(fieldInView, $"{url}: the postcode field starts at {top:0} px (header {header:0} px); the first screen ends at {FirstScreen}");
        Assert.True(languagesOnOneLine, $"{url}: the languages take {languageLines} lines ({languageWidths} px)");
        Assert.True(noBrokenWords, $"{url}: heading word broken across lines: {string.Join("; ", broken)}");
    }

    public static string ShotName(string prefix, string language, string path) =>
        $"{prefix}-{(language.Length == 0 ? "nl" : language.Trim('/'))}-{(path.Trim('/').Length == 0 ? "home" : path.Trim('/'))}";

    public static TheoryData<string, string> Data(string[] pages)
    {
        var data = new TheoryData<string, string>();
        foreach (var language in new[] { "", "/ar" })
        {
            foreach (var page in pages)
            {
                data.Add(language, page);
            }
        }

        return data;
    }
}

[Collection(CrisisPortalServerCollection.Name)]
public sealed class CrisisResidentTests(CrisisPortalServer server)
{
    public static TheoryData<string, string> PointPages() => Resident.Data(
    [
        // The town hall is full (its backup is open); a Bottendaal address is served by a point on stand-by.
        "/opzoeken?lat=51.8466&lon=5.8651", "/opzoeken?postcode=6512GD&huisnummer=32", "/opzoeken?postcode=6525AG",
        "/buurt/BU02680100", "/buurt/BU02680202", "/",
    ]);

    [Theory]
    [MemberData(nameof(PointPages))]
    public Task A_page_gives_one_go_to_instruction_and_one_distance_per_point(string language, string path) =>
        Resident.AssertOneInstructionAndOneDistancePerPointAsync(server.Browser, server.BaseUrl + language + path);

    [Theory]
    [MemberData(nameof(FirstScreenPages))]
    public Task The_postcode_field_is_in_the_first_screen_of_a_phone(string language, string path) =>
        Resident.AssertPostcodeFieldInFirstScreenAsync(server.Browser, server.BaseUrl + language + path, Resident.ShotName("crisis", language, path));

    public static TheoryData<string, string> FirstScreenPages() => Resident.Data(["/", "/bestaat-niet"]);

    [Theory]
    [InlineData("/ar/opzoeken?lat=51.8466&lon=5.8651")]
    [InlineData("/ar/opzoeken?postcode=6512GD&huisnummer=32")]
    [InlineData("/ar/steunpunt/gemeentehuis-nijmegen")]
    [InlineData("/ar/steunpunten")]
    public Task Arabic_pages_in_a_disruption_draw_addresses_and_distances_in_reading_order(string path) =>
        Resident.AssertRightToLeftReadsRightAsync(server.Browser, server.BaseUrl + path);

    [Fact]
    public async Task The_go_to_instruction_on_a_lookup_names_an_open_point_at_the_distance_the_open_list_gives()
    {
        var page = await Resident.OpenOnPhoneAsync(server.Browser, server.BaseUrl + "/opzoeken?lat=51.8466&lon=5.8651");

        var instruction = await page.Locator("main .go-instead").InnerTextAsync();
        var listed = await page.Locator(".open-point-list li").First.Locator(".support-point-name").InnerTextAsync();
        await page.CloseAsync();

        Assert.Contains("Brandweerkazerne Nijmegen-Centrum", instruction);
        Assert.Contains("Brandweerkazerne Nijmegen-Centrum", listed);
        var distance = System.Text.RegularExpressions.Regex.Match(instruction, @"\d+(,\d)? (km|meter)").Value;
        Assert.NotEmpty(distance);
        Assert.Contains(distance, listed);
    }
}

[Collection(PortalServerCollection.Name)]
public sealed class ResidentTests(PortalServer server)
{
    public static TheoryData<string, string> PointPages() => Resident.Data(
    [
        "/opzoeken?postcode=6512GD&huisnummer=32", "/opzoeken?postcode=6525AG", "/opzoeken?lat=51.8466&lon=5.8651", "/buurt/BU02680202",
    ]);

    [Theory]
    [MemberData(nameof(PointPages))]
    public Task A_page_gives_one_go_to_instruction_and_one_distance_per_point(string language, string path) =>
        Resident.AssertOneInstructionAndOneDistancePerPointAsync(server.Browser, server.BaseUrl + language + path);

    [Theory]
    [MemberData(nameof(CrisisResidentTests.FirstScreenPages), MemberType = typeof(CrisisResidentTests))]
    public Task The_postcode_field_is_in_the_first_screen_of_a_phone(string language, string path) =>
        Resident.AssertPostcodeFieldInFirstScreenAsync(server.Browser, server.BaseUrl + language + path, Resident.ShotName("peace", language, path));

    [Theory]
    [InlineData("/ar/opzoeken?postcode=6512GD&huisnummer=32")]
    [InlineData("/ar/opzoeken?postcode=6525AG")]
    [InlineData("/ar/buurt/BU02680202")]
    [InlineData("/ar/steunpunt/gemeentehuis-nijmegen")]
    [InlineData("/ar/steunpunten")]
    [InlineData("/ar/kaart/BU02680202")]
    public Task Arabic_pages_draw_addresses_and_distances_in_reading_order(string path) =>
        Resident.AssertRightToLeftReadsRightAsync(server.Browser, server.BaseUrl + path);

    [Theory]
    [InlineData("/ar/kaart/BU02680208")]
    [InlineData("/kaart/BU02680208")]
    public async Task The_card_is_readable_on_a_phone_and_its_address_line_keeps_the_buurt_code_whole(string path)
    {
        var page = await Resident.OpenOnPhoneAsync(server.Browser, server.BaseUrl + path);
        var smallest = await page.EvalOnSelectorAllAsync<double>(".card-frame .mk-card *",
            "all => Math.min(...all.filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())).map(e => parseFloat(getComputedStyle(e).fontSize)))");
        var codeLines = await page.EvalOnSelectorAsync<int>(".card-frame .mk-nowrap",
            "e => { const r = document.createRange(); r.selectNodeContents(e); return new Set([...r.getClientRects()].map(x => Math.round(x.bottom))).size; }");
        await page.CloseAsync();

        Assert.True(smallest >= 12, $"{path}: card text down to {smallest:0.0} px on a 390 px phone");
        Assert.Equal(1, codeLines);
    }

    [Fact]
    public async Task The_heading_check_finds_a_word_broken_across_lines()
    {
        // Guards the check: one that cannot fail proves nothing.
        var page = await server.Browser.NewPageAsync();
        await page.SetContentAsync("""<html lang="nl"><body><h1 style="width: 8rem; overflow-wrap: anywhere">Noodsteunpunten nu</h1><h2 style="width: 8rem">Nijmegen-Centrum en Oost</h2></body></html>""");

        var broken = await page.EvaluateAsync<string[]>(Layout.BrokenHeadingWords);

        Assert.Equal(["\"Noodsteunpunten\" in \"Noodsteunpunten nu\""], broken);
        await page.CloseAsync();
    }
}
