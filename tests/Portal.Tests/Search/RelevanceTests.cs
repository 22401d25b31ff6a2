using Portal.Content.Cultures;
using Portal.Content.Markdown;
using Portal.Content.Validation;
using Portal.Places.Catalog;
using Portal.Search;
using Portal.Search.Analysis;

namespace Portal.Tests.Search;

/// <summary>
/// What residents type, in each language — plurals, inflections, compounds, typos, diacritics and tashkeel, Turkish
/// İ/ı, Ukrainian і/ї — and the page they expect among the first three results.
/// </summary>
public sealed class RelevanceTests : IClassFixture<RelevanceTests.DemoIndex>
{
    private readonly SearchIndex _index;

    public RelevanceTests(DemoIndex demo) => _index = demo.Index;

    public static TheoryData<string, string, string> Queries => new()
    {
        // Dutch: plurals, compounds found by their parts, typos, diacritics.
        { "nl", "noodpakketten", "/noodpakket" },
        { "nl", "stroomstoringen", "/stroomuitval" },
        { "nl", "drinkwatervoorraad", "/drinkwater" },
        { "nl", "zaklmap", "/noodpakket" },
        { "nl", "noodsteunpunten", "/noodsteunpunt" },
        { "nl", "buren helpen", "/elkaar-helpen" },
        { "nl", "noodplannen", "/noodplan" },
        { "nl", "stroom valt uit", "/stroomuitval" },
        // English: plurals, inflections, typos, spelling variants.
        { "en", "emergency kits", "/noodpakket" },
        { "en", "power cuts", "/stroomuitval" },
        { "en", "drinking", "/drinkwater" },
        { "en", "emergancy plan", "/noodplan" },
        { "en", "neighbors", "/elkaar-helpen" },
        { "en", "torches", "/noodpakket" },
        // Arabic: the article, tashkeel, alef forms.
        { "ar", "الماء", "/drinkwater" },
        { "ar", "ماء الشرب", "/drinkwater" },
        { "ar", "خُطَّة", "/noodplan" },
        { "ar", "خطة طوارئ", "/noodplan" },
        { "ar", "حقيبة الطوارئ", "/noodpakket" },
        { "ar", "انقطاع الكهرباء", "/stroomuitval" },
        // Turkish: İ/ı, suffixes.
        { "tr", "İÇME SUYU", "/drinkwater" },
        { "tr", "içme suyu", "/drinkwater" },
        { "tr", "çanta", "/noodpakket" },
        { "tr", "elektrik kesintisi", "/stroomuitval" },
        { "tr", "planı", "/noodplan" },
        // Polish: inflections.
        { "pl", "wody pitnej", "/drinkwater" },
        { "pl", "zestawu awaryjnego", "/noodpakket" },
        { "pl", "przerwy w dostawie prądu", "/stroomuitval" },
        { "pl", "planu awaryjnego", "/noodplan" },
        { "pl", "sąsiedzi", "/elkaar-helpen" },
        // Ukrainian: inflections, і/ї.
        { "uk", "питної води", "/drinkwater" },
        { "uk", "тривожного набору", "/noodpakket" },
        { "uk", "відключення світла", "/stroomuitval" },
        { "uk", "плану дій", "/noodplan" },
        { "uk", "пункти підтримки", "/noodsteunpunt" },
        // Other forms of a word that neither stemming nor typo tolerance reach: found by the long beginning they share.
        { "tr", "piller", "/noodpakket" },
        { "uk", "батареї", "/noodpakket" },
        { "tr", "battaniyeler", "/noodpakket" },
        { "uk", "павербанки", "/noodpakket" },
        { "pl", "powerbanki", "/noodpakket" },
        { "nl", "luciferdoosje", "/noodpakket" },
        { "nl", "zaklampje", "/noodpakket" },
        { "en", "medicinal", "/noodpakket" },
        { "ar", "البطارية", "/noodpakket" },
    };

    /// <summary>A slip on the first letter finds nothing; the word meant is suggested, from the index's own words.</summary>
    public static TheoryData<string, string, string> DeadEnds => new()
    {
        { "nl", "xaklamp", "zaklamp" },
        { "en", "rorch", "torch" },
        { "ar", "يطاريات", "بطاريات" },
        { "ar", "مصابيح", "مصباح" },
        { "tr", "eadyo", "radyo" },
        { "pl", "katarka", "latarka" },
        { "uk", "діхтарик", "ліхтарик" },
        { "en", "candlelight", "candles" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void The_page_a_resident_expects_is_among_the_first_three(string culture, string query, string expected)
    {
        var hits = _index.Search(query, culture);

        var top = hits.Take(3).Select(h => $"{h.Document.Culture}{h.Document.SitePath}").ToList();
        Assert.True(top.Contains($"{culture}{expected}"), $"'{query}' ({culture}) gave {string.Join(", ", top.DefaultIfEmpty("nothing"))}");
    }

    [Theory]
    [MemberData(nameof(DeadEnds))]
    public void A_query_that_finds_nothing_suggests_the_word_meant(string culture, string query, string expected)
    {
        Assert.Empty(_index.Search(query, culture));

        var suggestions = _index.Suggest(query, culture);

        Assert.True(suggestions.Take(3).Contains(expected), $"'{query}' ({culture}) suggested {string.Join(", ", suggestions.DefaultIfEmpty("nothing"))}");
        Assert.All(suggestions, word => Assert.NotEmpty(_index.Search(word, culture)));
    }

    public sealed class DemoIndex : IDisposable
    {
        private static readonly CultureSet Cultures = new(["nl", "en", "ar", "tr", "pl", "uk"]);

        public DemoIndex()
        {
            LanguageAnalyzers.LoadDictionariesAsync().GetAwaiter().GetResult();
            var content = ContentValidator.Validate(MarkdownContentSource.Read(TestContent.RepositoryContent, Cultures), Cultures).Content!;
            var places = PlaceCatalogLoader.Load(Path.Combine(TestContent.RepositoryContent, "data")).CatalogOrThrow();
            Index = SearchIndex.Build(SearchDocuments.From(content, places, Cultures));
        }

        public SearchIndex Index { get; }

        public void Dispose() => Index.Dispose();
    }
}
