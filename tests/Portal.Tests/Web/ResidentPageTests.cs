using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Portal.Tests.Web;

public partial class ResidentPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    public static readonly string[] Languages = ["nl", "en", "ar", "tr", "pl", "uk"];

    public static TheoryData<string> EveryPageType => new()
    {
        "/", "/opzoeken", "/opzoeken?postcode=6512GD", "/opzoeken?postcode=6525AG", "/steunpunten",
        "/steunpunt/obs-de-muze", "/buurt/BU02680202", "/wijken", "/wijk/WK026802",
        "/noodpakket", "/noodpakket?personen=4", "/noodplan", "/elkaar-helpen", "/stroomuitval", "/drinkwater",
        "/noodsteunpunt", "/toegankelijkheid", "/privacy", "/zoeken?q=water", "/kaart/BU02680202",
    };

    [Theory]
    [MemberData(nameof(EveryPageType))]
    public async Task Every_page_type_exists_in_every_language_with_lang_dir_and_alternates(string path)
    {
        foreach (var lang in Languages)
        {
            var prefix = lang == "nl" ? "" : "/" + lang;
            var document = await GetPage(prefix + (path == "/" && prefix.Length > 0 ? "" : path));

            Assert.Equal(lang, document.DocumentElement.GetAttribute("lang"));
            Assert.Equal(lang == "ar" ? "rtl" : "ltr", document.DocumentElement.GetAttribute("dir"));
            Assert.Single(document.QuerySelectorAll("h1"));
            Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector("h1")!.TextContent));
            Assert.NotNull(document.QuerySelector("a.skip-link[href='#inhoud']"));
            Assert.NotNull(document.QuerySelector("main#inhoud"));
            var alternates = document.QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => l.GetAttribute("hreflang")).ToList();
            Assert.Equal([.. Languages, "x-default"], alternates);
            Assert.All(document.QuerySelectorAll("link[rel=alternate][hreflang]"), l => Assert.StartsWith("http://localhost:5000/", l.GetAttribute("href")));
            // What a search engine shows under the title, in the page's own language.
            Assert.True(document.QuerySelector("meta[name=description]")?.GetAttribute("content") is { Length: > 40 }, $"{lang} {path}: no description");
        }
    }

    [Fact]
    public async Task Content_pages_are_written_in_each_language_not_copied_from_Dutch()
    {
        var titles = new HashSet<string>();
        foreach (var lang in Languages)
        {
            var document = await GetPage((lang == "nl" ? "" : "/" + lang) + "/noodplan");
            titles.Add(document.QuerySelector("h1")!.TextContent);
            Assert.Null(document.QuerySelector("article[lang='nl']:not([lang='" + lang + "'])"));
        }

        Assert.Equal(Languages.Length, titles.Count);
    }

    [Theory]
    [InlineData("/noodpakket?personen=4", "36 liter")]
    [InlineData("/en/noodpakket?personen=2", "18 litres")]
    [InlineData("/noodpakket", "9 liter")]
    public async Task The_checklist_calculates_water_for_the_household_for_three_days(string url, string total)
    {
        var document = await GetPage(url);

        Assert.Contains(total, document.QuerySelector(".checklist-items")!.TextContent);
    }

    [Fact]
    public async Task A_wrong_number_of_persons_is_an_error_tied_to_the_field()
    {
        var response = await _client.GetAsync("/noodpakket?personen=veel");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var input = (await Parse(response)).GetElementById("personen")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Equal("veel", input.GetAttribute("value"));
    }

    [Fact]
    public async Task Body_links_stay_in_the_residents_language()
    {
        var document = await GetPage("/tr");

        var links = document.QuerySelectorAll("main .body a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/tr/noodpakket", links);
        Assert.All(links, href => Assert.StartsWith("/tr/", href));
    }

    [Theory]
    [InlineData("nl-NL,nl;q=0.9", "/steunpunt/basisschool-petrus-canisius-bottendaal")]
    [InlineData("uk-UA,uk;q=0.9,en;q=0.8", "/uk/steunpunt/basisschool-petrus-canisius-bottendaal")]
    [InlineData("de-DE,de;q=0.9,en;q=0.5", "/en/steunpunt/basisschool-petrus-canisius-bottendaal")]
    [InlineData("", "/steunpunt/basisschool-petrus-canisius-bottendaal")]
    public async Task The_short_link_on_a_card_redirects_to_the_current_support_point_in_the_phones_language(string acceptLanguage, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/s/BU02680202");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_card_page_shows_the_buurts_card_with_its_QR_code()
    {
        var document = await GetPage("/en/kaart/BU02680202");

        var card = document.QuerySelector("article.mk-card")!;
        Assert.Equal("BU02680202", card.GetAttribute("data-buurt"));
        Assert.Contains("Basisschool Petrus Canisius (Cortenaerpad)", card.TextContent);
        Assert.Contains("Omroep Gelderland", card.TextContent);
        Assert.Contains("0900-8844", card.TextContent);
        Assert.NotNull(card.QuerySelector(".mk-qr svg"));
        Assert.Equal("/en/kaart/BU02680202.pdf", document.QuerySelector("a[type='application/pdf']")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/kaart/BU00000000")).StatusCode);
    }

    [Fact]
    public async Task Settings_are_filled_into_texts()
    {
        var document = await GetPage("/en/stroomuitval");

        Assert.Contains("Omroep Gelderland", document.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("{broadcaster}", document.Body!.OuterHtml);
        Assert.Contains("14 024", document.QuerySelector("footer")!.TextContent);
    }

    [Fact]
    public async Task The_language_switcher_keeps_the_resident_on_the_same_page()
    {
        var document = await GetPage("/steunpunt/obs-de-muze");

        var english = document.QuerySelector("nav.languages a[hreflang=en]");
        Assert.Equal("/en/steunpunt/obs-de-muze", english?.GetAttribute("href"));
        Assert.Equal("en", english?.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_postcode_form_is_a_plain_get_form_that_finds_a_support_point()
    {
        var home = await GetPage("/");
        var form = home.QuerySelector("form.lookup-form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/opzoeken", form.GetAttribute("action"));
        Assert.Equal("postcode", home.QuerySelector("label[for=postcode]") is not null ? "postcode" : null);

        var result = await GetPage("/opzoeken?postcode=6512+gd&huisnummer=32");

        Assert.Contains("Bottendaal", result.QuerySelector("main .lead")!.TextContent);
        Assert.Equal("/steunpunt/basisschool-petrus-canisius-bottendaal",
            result.QuerySelector(".support-point-name a")!.GetAttribute("href"));
        Assert.Contains("schatting", result.QuerySelector("main .notice")!.TextContent);
        Assert.NotNull(result.QuerySelector("main svg[role=img] title"));
    }

    [Theory]
    [InlineData("", "de lijst")]
    [InlineData("/en", "the list")]
    [InlineData("/ar", "القائمة")]
    [InlineData("/tr", "listeden")]
    [InlineData("/pl", "z listy")]
    [InlineData("/uk", "зі списку")]
    public async Task Choose_your_buurt_from_the_list_links_to_the_list_in_every_language(string prefix, string words)
    {
        var estimate = await GetPage(prefix + "/opzoeken?postcode=6512+gd&huisnummer=32");
        var unknown = await Parse(await _client.GetAsync(prefix + "/opzoeken?postcode=1234AB"));

        foreach (var sentence in new[] { estimate.QuerySelector("main .notice")!, unknown.QuerySelector("main h1 + p")! })
        {
            var link = sentence.QuerySelector("a")!;
            Assert.Equal(words, link.TextContent);
            Assert.Equal(prefix + "/wijken", link.GetAttribute("href"));
            Assert.DoesNotContain("[", sentence.TextContent);
        }
    }

    [Fact]
    public async Task A_postcode_area_with_several_buurten_offers_a_choice()
    {
        var result = await GetPage("/opzoeken?postcode=6525AG");

        var choices = result.QuerySelectorAll("ul.choices > li h2 a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Heijendaal", "Brakkenstein", "Groenewoud"], choices);
        Assert.Contains("6525", result.QuerySelector("main .notice")!.TextContent);
    }

    [Theory]
    [InlineData("/opzoeken?postcode=65256AG&huisnummer=", "postcode")]
    [InlineData("/opzoeken?postcode=&huisnummer=", "postcode")]
    [InlineData("/opzoeken?postcode=6525AG&huisnummer=elf", "huisnummer")]
    public async Task A_malformed_postcode_shows_the_form_again_with_the_error_tied_to_its_field(string url, string field)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await Parse(response);

        var input = document.GetElementById(field)!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        var describedBy = input.GetAttribute("aria-describedby")!.Split(' ');
        Assert.Contains($"{field}-error", describedBy);
        Assert.All(describedBy, id => Assert.NotNull(document.GetElementById(id)));
        Assert.NotNull(document.QuerySelector($".error-summary a[href='#{field}']"));
        Assert.StartsWith("Fout:", document.Title);
    }

    [Fact]
    public async Task An_unknown_postcode_is_a_404_with_a_way_forward()
    {
        var response = await _client.GetAsync("/opzoeken?postcode=1234AB");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var document = await Parse(response);
        Assert.Contains("1234 AB", document.QuerySelector("main")!.TextContent);
        Assert.NotNull(document.QuerySelector("main a[href='/wijken']"));
    }

    [Fact]
    public async Task A_query_echoed_in_a_sentence_cannot_turn_the_sentence_around()
    {
        // A right-to-left override typed (or pasted) into the search box would reverse the rest of the heading.
        var response = await _client.GetAsync("/zoeken?q=" + Uri.EscapeDataString("wat\u202Eer"));
        var document = await Parse(response);
        var heading = document.QuerySelector("main h2")!.TextContent;
        Assert.DoesNotContain('\u202E', heading + document.Title);
        Assert.Contains("\u2068water\u2069", heading);
        Assert.Contains("\u2068water\u2069", document.Title);
    }

    [Fact]
    public async Task A_location_outside_the_municipality_gets_a_clear_answer()
    {
        var document = await GetPage("/en/opzoeken?lat=52.3728&lon=4.8936");

        Assert.Contains("outside the municipality of Nijmegen", document.QuerySelector("main")!.TextContent);
    }

    [Theory]
    [InlineData("/steunpunt/bestaat-niet", "nl")]
    [InlineData("/en/buurt/BU00000000", "en")]
    [InlineData("/en/nergens", "en")]
    public async Task Unknown_pages_are_a_404_page_in_the_residents_language(string url, string lang)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(lang, (await Parse(response)).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Every_internal_link_on_every_page_resolves()
    {
        var seen = new HashSet<string> { "/", "/en" };
        var queue = new Queue<string>(seen);
        var cardFiles = 0;
        while (queue.Count > 0)
        {
            var url = queue.Dequeue();
            if (CardFileLink().Match(url) is { Success: true } card)
            {
                // 44 buurten × 6 languages × PDF and PNG would be 528 Chromium renders (8 minutes): the file route answers
                // for every buurt the buurt page answers for, so the link resolves when its buurt page does. Rendering the
                // files themselves is the card tests' (category Chromium and the browser tests).
                cardFiles++;
                var buurtPage = card.Groups["prefix"].Value + Portal.Content.Routing.SitePaths.Buurt(card.Groups["code"].Value);
                if (seen.Add(buurtPage))
                {
                    queue.Enqueue(buurtPage);
                }

                continue;
            }

            var response = await _client.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var document = await Parse(response);
            var targets = document.QuerySelectorAll("a[href], link[href], script[src], form[action]")
                .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src") ?? e.GetAttribute("action")!)
                .Where(href => href.StartsWith('/'))
                .Select(href => href.Split('#')[0]);
            foreach (var target in targets.Where(seen.Add))
            {
                queue.Enqueue(target);
            }
        }

        // Home, lookup, lists, 16 support points, 44 buurten, 9 wijken, in two languages, plus CSS and JS.
        Assert.True(seen.Count > 2 * (16 + 44 + 9), $"only {seen.Count} URLs crawled");
        Assert.True(cardFiles >= 2 * 44 * 6, $"only {cardFiles} card file links found: every buurt's card page links its PDF and PNG in every language");
    }

    /// <summary>A card file link: its language prefix and the buurt whose page decides whether it resolves.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<prefix>(/[a-z]{2})?)/kaart/(?<code>BU\d{8})\.(pdf|png)$")]
    private static partial System.Text.RegularExpressions.Regex CardFileLink();

    [Theory]
    [InlineData("/buurt/BU02680100", "Hier kunt u terecht voor: informatie, eerste hulp, stroom om uw telefoon op te laden")]
    [InlineData("/ar/buurt/BU02680100", "يمكنك الحصول هنا على: معلومات، الإسعافات الأولية، كهرباء لشحن هاتفك")]
    public async Task What_a_support_point_offers_is_listed_with_the_language_s_own_separator(string path, string expected)
    {
        var document = await GetPage(path);

        Assert.Contains(expected, document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/en/steunpunt/obs-de-muze", HttpStatusCode.OK)]
    [InlineData("/api/v1/lookup?postcode=6525AG", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/s/BU02680202", HttpStatusCode.Found)]
    [InlineData("/css/portal.css", HttpStatusCode.OK)]
    [InlineData("/bestaat-niet", HttpStatusCode.NotFound)]
    public async Task HEAD_answers_like_GET_without_a_body_so_uptime_monitors_work(string url, HttpStatusCode status)
    {
        var get = await _client.GetAsync(url);
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(status, get.StatusCode);
        Assert.Equal(status, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(get.Headers.Location, head.Headers.Location);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/opzoeken?postcode=6525AG")]
    [InlineData("/api/v1/lookup?postcode=6525AG")]
    [InlineData("/css/portal.css")]
    [InlineData("/bestaat-niet")]
    public async Task Every_response_carries_the_security_headers_and_no_cookie(string url)
    {
        var response = await _client.GetAsync(url);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        // Lighthouse reads robots.txt from inside the page: without it the SEO score drops to 91.
        Assert.Contains("connect-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [MemberData(nameof(EveryPageType))]
    public async Task Pages_have_no_inline_script_and_no_third_party_resources(string path)
    {
        var document = await GetPage(path);

        Assert.All(document.QuerySelectorAll("script"), s => Assert.StartsWith("/", s.GetAttribute("src")));
        Assert.Empty(document.QuerySelectorAll("[style], [onclick], [onload]"));
        Assert.All(document.QuerySelectorAll("link[href][rel=stylesheet], img[src]"),
            e => Assert.StartsWith("/", e.GetAttribute("href") ?? e.GetAttribute("src")));
    }

    [Theory]
    [InlineData("/opzoeken?postcode=6512GD")]
    [InlineData("/steunpunt/gemeentehuis-nijmegen")]
    [InlineData("/buurt/BU02680202")]
    [InlineData("/ar/kaart/BU02680202")]
    [InlineData("/bestaat-niet")]
    [InlineData("/ar/bestaat-niet")]
    public async Task Lookup_support_point_buurt_and_card_pages_describe_themselves_for_search_engines(string path)
    {
        var document = new HtmlParser().ParseDocument(await (await _client.GetAsync(path)).Content.ReadAsStringAsync());

        Assert.True(document.QuerySelector("meta[name=description]")?.GetAttribute("content") is { Length: > 40 }, $"{path}: no description");
    }

    [Fact]
    public async Task The_web_s_usual_requests_are_answered_robots_favicon_one_address_per_page_and_compression()
    {
        var robots = await _client.GetAsync("/robots.txt");
        Assert.Equal(HttpStatusCode.OK, robots.StatusCode);
        var robotsText = await robots.Content.ReadAsStringAsync();
        // A search is any text, in every language; a lookup's answer is a page a resident may come to from a search engine.
        Assert.All(Languages, lang => Assert.Contains($"Disallow: {(lang == "nl" ? "" : "/" + lang)}/zoeken\n", robotsText));
        Assert.DoesNotContain("opzoeken", robotsText);
        Assert.EndsWith("Sitemap: http://localhost:5000/sitemap.xml\n", robotsText);
        var icon = await _client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/x-icon", icon.Content.Headers.ContentType?.MediaType);

        foreach (var (slashed, one) in new[] { ("/buurt/BU02680202/", "/buurt/BU02680202"), ("/ar/", "/ar"), ("/opzoeken/?postcode=6512GD", "/opzoeken?postcode=6512GD"), ("//elsewhere.example/", "/elsewhere.example") })
        {
            var response = await _client.GetAsync(new Uri(_client.BaseAddress!.GetLeftPart(UriPartial.Authority) + slashed));
            Assert.True(response.StatusCode == HttpStatusCode.MovedPermanently, $"{slashed}: {response.StatusCode}");
            Assert.Equal(one, response.Headers.Location!.OriginalString);
        }

        foreach (var (encoding, path) in new[] { ("br", "/"), ("gzip", "/wijken") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            var response = await _client.SendAsync(request);
            Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        }

        var css = (await GetPage("/")).QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        using var cssRequest = new HttpRequestMessage(HttpMethod.Get, css);
        cssRequest.Headers.AcceptEncoding.ParseAdd("br");
        Assert.Equal("br", Assert.Single((await _client.SendAsync(cssRequest)).Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task The_sitemap_lists_every_page_in_every_language_with_its_alternates_and_no_answers_to_one_resident()
    {
        var response = await _client.GetAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sitemap = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        System.Xml.Linq.XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        System.Xml.Linq.XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var urls = sitemap.Root!.Elements(ns + "url").ToDictionary(u => u.Element(ns + "loc")!.Value, u => u.Elements(xhtml + "link").ToList());

        // Every page type with an address of its own, in each language; the lookup and search answer one question.
        foreach (var path in new[] { "", "/noodplan", "/steunpunten", "/steunpunt/obs-de-muze", "/wijken", "/wijk/WK026802", "/buurt/BU02680202", "/kaart/BU02680202" })
        {
            foreach (var lang in Languages)
            {
                var url = "http://localhost:5000" + (lang == "nl" ? (path.Length == 0 ? "/" : path) : "/" + lang + path);
                Assert.True(urls.TryGetValue(url, out var alternates), $"{url} is not in the sitemap");
                Assert.Equal([.. Languages, "x-default"], alternates!.Select(a => a.Attribute("hreflang")!.Value));
                Assert.Equal("http://localhost:5000" + (path.Length == 0 ? "/" : path), alternates.Last().Attribute("href")!.Value);
            }
        }

        Assert.DoesNotContain(urls.Keys, url => url.Contains("/opzoeken", StringComparison.Ordinal) || url.Contains("/zoeken", StringComparison.Ordinal));
        // Every URL it lists is a page that answers.
        foreach (var url in urls.Keys.Where((_, i) => i % 97 == 0))
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(new Uri(url).PathAndQuery)).StatusCode);
        }
    }

    [Fact]
    public async Task Each_wijk_table_has_a_caption_and_fixed_columns()
    {
        var document = await GetPage("/wijken");

        var tables = document.QuerySelectorAll("table.buurten");
        Assert.NotEmpty(tables);
        Assert.All(tables, t => Assert.StartsWith("Buurten in de wijk", t.QuerySelector("caption")!.TextContent));
    }

    [Fact]
    public async Task Arabic_and_accented_text_is_sent_as_characters_not_entities()
    {
        var html = await _client.GetStringAsync("/buurt/BU02680841");

        Assert.DoesNotContain("&#x", html);
    }

    private async Task<IDocument> GetPage(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return await Parse(response);
    }

    private static async Task<IDocument> Parse(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
}
