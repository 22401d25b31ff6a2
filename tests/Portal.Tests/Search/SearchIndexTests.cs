using Portal.Search;

namespace Portal.Tests.Search;

public sealed class SearchIndexTests(RelevanceTests.DemoIndex demo) : IClassFixture<RelevanceTests.DemoIndex>
{
    private readonly SearchIndex _index = demo.Index;

    [Fact]
    public void Finds_pages_by_a_word_prefix_in_the_residents_language_first()
    {
        var hits = _index.Search("drinkw", "nl");

        Assert.Equal("/drinkwater", hits[0].Document.SitePath);
        Assert.Equal("nl", hits[0].Document.Culture);
        Assert.Contains("<mark>", hits[0].SnippetHtml);
    }

    [Fact]
    public void Ignores_accents()
    {
        // The Dutch checklist says "Kopieën van uw identiteitsbewijs".
        var hits = _index.Search("kopieen", "nl");

        Assert.Contains(hits, h => h.Document.SitePath == "/noodpakket" && h.Document.Culture == "nl");
    }

    [Theory]
    [InlineData("Bottendal", "Bottendaal")]
    [InlineData("Hezeveld", "Heseveld")]
    [InlineData("Lindnholt", "Lindenholt")]
    public void Finds_places_despite_a_typo(string query, string expected)
    {
        var hits = _index.Search(query, "nl");

        Assert.Equal(expected, hits[0].Document.Title);
    }

    [Theory]
    [InlineData("uk", "вода")]
    [InlineData("ar", "ماء")]
    [InlineData("pl", "woda")]
    [InlineData("tr", "radyo")]
    public void Searches_every_language_with_highlights(string culture, string query)
    {
        var hits = _index.Search(query, culture);

        Assert.NotEmpty(hits);
        Assert.Equal(culture, hits[0].Document.Culture);
        Assert.Contains("<mark>", hits[0].SnippetHtml);
    }

    [Fact]
    public void Places_are_only_listed_once_in_the_residents_language()
    {
        var hits = _index.Search("Bottendaal", "en");

        Assert.All(hits.Where(h => h.Document.Kind != SearchKind.Page), h => Assert.Equal("en", h.Document.Culture));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("water OR NEAR(")]
    [InlineData("* - ^ : ( )")]
    [InlineData("")]
    [InlineData("water AND title:noodplan")]
    [InlineData("(water~ \\ \"drink*")]
    public void Search_syntax_in_the_query_is_harmless(string query)
    {
        var exception = Record.Exception(() => _index.Search(query, "nl"));

        Assert.Null(exception);
    }

    [Theory]
    [InlineData("water", "water AND")]
    [InlineData("water", "water~")]
    [InlineData("water", "(water)")]
    [InlineData("water", "\"water\"")]
    [InlineData("water", "water*")]
    public void Operators_are_words_not_syntax(string plain, string withSyntax)
    {
        Assert.Equal(_index.Search(plain, "nl").Select(h => h.Document.SitePath).Take(3), _index.Search(withSyntax, "nl").Select(h => h.Document.SitePath).Take(3));
    }

    [Fact]
    public void A_very_long_query_is_cut_and_still_answered()
    {
        var hits = _index.Search("drinkwater " + new string('x', 5000), "nl");

        Assert.Equal("/drinkwater", hits[0].Document.SitePath);
    }

    [Fact]
    public void Exact_and_stemmed_matches_rank_above_typos()
    {
        var hits = _index.Search("noodplan", "nl");

        Assert.Equal("/noodplan", hits[0].Document.SitePath);
    }

    [Fact]
    public void Without_a_dictionary_Polish_is_matched_as_written_and_the_warning_names_the_package()
    {
        var missing = Portal.Search.Analysis.LanguageAnalyzers.LoadHunspell("xx_XX", "hunspell-xx");
        var documents = new[] { new SearchDocument("nl", SearchKind.Page, "Water", "water", "/drinkwater"), new SearchDocument("pl", SearchKind.Page, "Woda pitna", "Woda pitna podczas awarii", "/drinkwater") };

        using var index = SearchIndex.Build(documents, (culture, vocabulary) => culture == "pl"
            ? Portal.Search.Analysis.LanguageAnalyzers.Hunspelled("pl", missing)
            : Portal.Search.Analysis.LanguageAnalyzers.For(culture, vocabulary));

        Assert.Contains("apt-get install hunspell-xx", Assert.Single(index.Warnings));
        Assert.Equal("/drinkwater", Assert.Single(index.Search("woda", "pl")).Document.SitePath);
    }

    [Fact]
    public void Snippets_cannot_inject_markup()
    {
        using var index = SearchIndex.Build([new SearchDocument("nl", SearchKind.Page, "Test", "water <script>alert(1)</script> water", "/x")]);

        var hit = Assert.Single(index.Search("water", "nl"));

        Assert.DoesNotContain("<script>", hit.SnippetHtml);
        Assert.Contains("&lt;script&gt;", hit.SnippetHtml);
    }

    [Fact]
    public void A_word_the_site_uses_is_not_taken_for_a_typo_of_another()
    {
        using var index = SearchIndex.Build(
        [
            new SearchDocument("nl", SearchKind.Page, "Kaarsen", "Een kaars geeft licht.", "/kaars"),
            new SearchDocument("nl", SearchKind.Page, "Kaarten", "Een kaart van de wijk.", "/kaart"),
        ]);

        Assert.Equal("/kaars", Assert.Single(index.Search("kaars", "nl")).Document.SitePath);
        Assert.Equal(["/kaars", "/kaart"], index.Search("kaarz", "nl").Select(h => h.Document.SitePath).Order());
    }

    [Fact]
    public void The_word_a_typo_was_taken_for_and_the_completed_last_word_are_marked()
    {
        var typo = _index.Search("zaklmap", "nl").First(h => h.Document.SitePath == "/noodpakket");
        var unfinished = _index.Search("drinkw", "nl")[0];

        Assert.Contains("<mark>Zaklamp</mark>", typo.SnippetHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<mark>drinkwater", unfinished.SnippetHtml, StringComparison.OrdinalIgnoreCase);
    }
}
