using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Portal.Tests.Web;

/// <summary>The search page as residents see it: no dead ends, a query cut short is said so, results that read well.</summary>
public sealed class SearchPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    /// <summary>A slip on the first letter (the neighbouring key): no result, but the word meant is offered.</summary>
    [Theory]
    [InlineData("nl", "xaklamp", "zaklamp")]
    [InlineData("en", "rorch", "torch")]
    [InlineData("ar", "يطاريات", "بطاريات")]
    [InlineData("tr", "eadyo", "radyo")]
    [InlineData("pl", "katarka", "latarka")]
    [InlineData("uk", "діхтарик", "ліхтарик")]
    public async Task A_search_that_finds_nothing_offers_words_the_site_uses_and_the_pages_that_always_help(string lang, string query, string suggested)
    {
        var prefix = lang == "nl" ? "" : "/" + lang;
        var page = await GetPage($"{prefix}/zoeken?q={Uri.EscapeDataString(query)}");

        Assert.Empty(page.QuerySelectorAll("ol.search-results li"));
        var suggestions = page.QuerySelectorAll("ul.search-suggestions a").ToList();
        var link = Assert.Single(suggestions, a => a.TextContent == suggested);
        Assert.Equal($"{prefix}/zoeken?q={Uri.EscapeDataString(suggested)}", link.GetAttribute("href"));
        var followed = await GetPage(link.GetAttribute("href")!);
        Assert.NotEmpty(followed.QuerySelectorAll("ol.search-results li"));

        var important = page.QuerySelectorAll("ul.search-important a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"{prefix}/opzoeken", $"{prefix}/noodpakket", $"{prefix}/stroomuitval"], important);
    }

    [Theory]
    [InlineData("nl", "Uw zoekvraag was langer dan 200 tekens")]
    [InlineData("en", "Your search was longer than 200 characters")]
    [InlineData("ar", "كان بحثك أطول من")]
    [InlineData("tr", "Aramanız")]
    [InlineData("pl", "Twoje zapytanie było dłuższe niż 200 znaków")]
    [InlineData("uk", "Ваш запит був довшим за 200 символів")]
    public async Task A_query_over_200_characters_is_cut_and_the_page_says_so(string lang, string said)
    {
        var prefix = lang == "nl" ? "" : "/" + lang;
        var longQuery = "water " + string.Concat(Enumerable.Repeat("radio ", 60));

        var cut = await GetPage($"{prefix}/zoeken?q={Uri.EscapeDataString(longQuery)}");
        var whole = await GetPage($"{prefix}/zoeken?q=water+radio");

        Assert.Contains(said, cut.QuerySelector("main .search-shortened")!.TextContent);
        Assert.True(cut.QuerySelector("#q")!.GetAttribute("value")!.Length <= 200);
        Assert.Null(whole.QuerySelector("main .search-shortened"));
    }

    [Fact]
    public async Task A_query_is_never_cut_inside_a_character()
    {
        // 199 letters, then an emoji: two UTF-16 units, the 200th and 201st.
        var query = new string('a', 199) + "\U0001F50B water";

        var page = await GetPage($"/zoeken?q={Uri.EscapeDataString(query)}");

        var value = page.QuerySelector("#q")!.GetAttribute("value")!;
        Assert.Equal(new string('a', 199), value);
        Assert.NotNull(page.QuerySelector("main .search-shortened"));
    }

    [Fact]
    public async Task Results_read_as_separate_items_under_a_count_smaller_than_the_title()
    {
        var page = await GetPage("/zoeken?q=blikopener");

        var count = page.QuerySelector("main h2")!;
        Assert.Equal("search-heading", count.ClassName);
        Assert.DoesNotContain("utrecht-heading", count.ClassName);
        var kit = page.QuerySelectorAll("ol.search-results li").First(li => li.QuerySelector("a")!.GetAttribute("href") == "/noodpakket");
        // The checklist items are separate lines on the page; the snippet must not run them together.
        Assert.Contains("bonen · Een <mark>blikopener</mark> · Een radio", kit.QuerySelectorAll("p").Last().InnerHtml);
        // "Pagina" is not said on every result: only what is not a page is.
        Assert.DoesNotContain(page.QuerySelectorAll("ol.search-results .note"), note => note.TextContent.Contains("Pagina"));
    }

    [Fact]
    public async Task Places_still_say_what_they_are()
    {
        var page = await GetPage("/zoeken?q=Bottendaal");

        Assert.Contains(page.QuerySelectorAll("ol.search-results .note"), note => note.TextContent == "Buurt");
    }

    private async Task<IDocument> GetPage(string url)
    {
        var response = await _client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }
}
