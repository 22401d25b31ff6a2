using BenchmarkDotNet.Attributes;
using Portal.Content.Cultures;
using Portal.Content.Markdown;
using Portal.Content.Validation;
using Portal.Places.Catalog;
using Portal.Search;
using Portal.Search.Analysis;

namespace Portal.Benchmarks;

/// <summary>
/// Lucene.Net search: what a query costs the first time it is asked (answer cache off) on the demo index (6 languages,
/// 468 documents) and on 20,000 Dutch documents, and what building each index costs (a content change builds one).
/// </summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(2)]
[IterationCount(8)]
public class SearchBenchmarks
{
    private static readonly CultureSet Cultures = new(["nl", "en", "ar", "tr", "pl", "uk"]);
    private List<SearchDocument> _demo = [];
    private List<SearchDocument> _large = [];
    private SearchIndex _demoIndex = default!;
    private SearchIndex _largeIndex = default!;

    [GlobalSetup]
    public void Setup()
    {
        LanguageAnalyzers.LoadDictionariesAsync().GetAwaiter().GetResult();
        var contentPath = Path.GetDirectoryName(LookupBenchmarks.DataDirectory())!;
        var content = ContentValidator.Validate(MarkdownContentSource.Read(contentPath, Cultures), Cultures).Content!;
        var places = PlaceCatalogLoader.Load(LookupBenchmarks.DataDirectory()).CatalogOrThrow();
        _demo = [.. SearchDocuments.From(content, places, Cultures)];
        var dutch = _demo.Where(d => d.Culture == "nl").ToList();
        // 20,000 Dutch documents made of the demo's own texts, each under its own path.
        _large = [.. Enumerable.Range(0, 20_000).Select(i => dutch[i % dutch.Count] with { Title = $"{dutch[i % dutch.Count].Title} {i}", SitePath = $"/p/{i}" })];
        _demoIndex = SearchIndex.Build(_demo).WithoutCache();
        _largeIndex = SearchIndex.Build(_large).WithoutCache();
    }

    [Benchmark]
    public int DemoWord() => _demoIndex.Search("water", "nl").Count;

    [Benchmark]
    public int DemoCompound() => _demoIndex.Search("stroomstoringen", "nl").Count;

    [Benchmark]
    public int DemoTypo() => _demoIndex.Search("zaklmap", "nl").Count;

    [Benchmark]
    public int DemoPolish() => _demoIndex.Search("wody pitnej", "pl").Count;

    [Benchmark]
    public int Large20000Word() => _largeIndex.Search("water", "nl").Count;

    [Benchmark]
    public int Large20000Typo() => _largeIndex.Search("zaklmap", "nl").Count;

    [Benchmark]
    public int BuildDemo()
    {
        using var index = SearchIndex.Build(_demo);
        return index.Count;
    }

    [Benchmark]
    public int Build20000()
    {
        using var index = SearchIndex.Build(_large);
        return index.Count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _demoIndex.Dispose();
        _largeIndex.Dispose();
    }
}
