using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Portal.Search.Analysis;

namespace Portal.Search;

/// <summary>
/// Search over pages and places in every language, with Lucene.Net: one in-memory index per language, each with its own
/// analysis (Dutch decompounding and stemming, English, Arabic normalisation and light stemming, Turkish lower-casing and
/// stemming, Hunspell for Polish and Ukrainian) plus the words as written for typo tolerance. What a resident types is
/// analysed as text and turned into term queries: it is never query syntax. Immutable once built: a content change
/// builds a new index, swapped in together with the content.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    /// <summary>A query is cut here: enough for any question, and a long paste costs nothing.</summary>
    public const int MaxQueryLength = 200;

    private const int MaxTerms = 12;

    /// <summary>
    /// Answers kept per index: in a crisis many residents ask the same few things, and the index never changes, so an
    /// answer stays right until the next content version brings a new index (and an empty cache).
    /// </summary>
    private const int CachedAnswers = 2000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Culture, string Query, int Limit), IReadOnlyList<SearchHit>> _answers = new();
    private readonly Dictionary<string, CultureIndex> _cultures;
    private readonly string _fallbackCulture;

    private SearchIndex(Dictionary<string, CultureIndex> cultures, string fallbackCulture, int count)
    {
        _cultures = cultures;
        _fallbackCulture = fallbackCulture;
        Count = count;
    }

    public int Count { get; }

    /// <summary>Benchmarks switch the answer cache off to measure the query itself.</summary>
    internal bool CacheAnswers { get; init; } = true;

    /// <summary>What makes search weaker than it should be (a missing dictionary), one line each, for /health.</summary>
    public IReadOnlyList<string> Warnings => [.. _cultures.Values.Select(c => c.Analyzers.Warning).OfType<string>().Distinct()];

    /// <param name="documents">Every document; the first culture seen is the fallback language (Dutch).</param>
    /// <param name="analyzers">Tests only: the analysis per language (by default <see cref="LanguageAnalyzers.For"/>).</param>
    public static SearchIndex Build(IEnumerable<SearchDocument> documents, Func<string, IEnumerable<string>, LanguageAnalyzers>? analyzers = null)
    {
        var list = documents.ToList();
        var byCulture = list.GroupBy(d => d.Culture).ToList();
        var indexes = byCulture.AsParallel().Select(group => CultureIndex.Build(group.Key, [.. group], analyzers ?? LanguageAnalyzers.For))
            .ToDictionary(index => index.Culture, StringComparer.Ordinal);
        return new SearchIndex(indexes, byCulture.FirstOrDefault()?.Key ?? "nl", list.Count);
    }

    /// <summary>The same index without the answer cache: what a query costs the first time it is asked.</summary>
    internal SearchIndex WithoutCache() => new(_cultures, _fallbackCulture, Count) { CacheAnswers = false };

    /// <summary>
    /// Results in the resident's language, best first: exact and stemmed matches above typo-tolerant ones, titles above
    /// text. Then the fallback language's pages that have no translation yet.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string query, string culture, int limit = 20)
    {
        var text = (query.Length > MaxQueryLength ? query[..MaxQueryLength] : query).Trim();
        if (text.Length == 0 || !_cultures.TryGetValue(culture, out var own))
        {
            return [];
        }

        if (CacheAnswers && _answers.TryGetValue((culture, text, limit), out var known))
        {
            return known;
        }

        var answer = Find(text, own, culture, limit);
        if (_answers.Count < CachedAnswers)
        {
            _answers.TryAdd((culture, text, limit), answer);
        }

        return answer;
    }

    private List<SearchHit> Find(string text, CultureIndex own, string culture, int limit)
    {
        var hits = own.Search(text, limit).ToList();
        if (culture != _fallbackCulture && _cultures.TryGetValue(_fallbackCulture, out var fallback))
        {
            hits.AddRange(fallback.Search(text, limit)
                .Where(h => h.Document.Kind == SearchKind.Page && !own.HasPage(h.Document.SitePath))
                .Take(limit - hits.Count));
        }

        return hits;
    }

    public void Dispose()
    {
        foreach (var index in _cultures.Values)
        {
            index.Dispose();
        }
    }

    /// <summary>The index of one language.</summary>
    private sealed class CultureIndex : IDisposable
    {
        private const string Title = "title";
        private const string Body = "body";
        private const string TitleAsWritten = "title_w";
        private const string BodyAsWritten = "body_w";
        private const string Id = "id";

        /// <summary>Texts keep their terms with offsets, so snippets are marked without analysing the text again.</summary>
        private static readonly FieldType WithOffsets = Frozen(new FieldType(TextField.TYPE_NOT_STORED)
        {
            StoreTermVectors = true, StoreTermVectorPositions = true, StoreTermVectorOffsets = true,
        });

        private readonly RAMDirectory _directory;
        private readonly DirectoryReader _reader;
        private readonly IndexSearcher _searcher;
        private readonly List<SearchDocument> _documents;
        private readonly HashSet<string> _pages;

        private CultureIndex(string culture, LanguageAnalyzers analyzers, RAMDirectory directory, List<SearchDocument> documents)
        {
            (Culture, Analyzers, _directory, _documents) = (culture, analyzers, directory, documents);
            _reader = DirectoryReader.Open(directory);
            _searcher = new IndexSearcher(_reader);
            _pages = [.. documents.Where(d => d.Kind == SearchKind.Page).Select(d => d.SitePath)];
        }

        public string Culture { get; }

        public LanguageAnalyzers Analyzers { get; }

        public bool HasPage(string sitePath) => _pages.Contains(sitePath);

        public static CultureIndex Build(string culture, List<SearchDocument> documents, Func<string, IEnumerable<string>, LanguageAnalyzers> analyzersFor)
        {
            var analyzers = analyzersFor(culture, culture == "nl" ? Vocabulary(documents) : []);
            var perField = new Lucene.Net.Analysis.Miscellaneous.PerFieldAnalyzerWrapper(analyzers.Stemmed,
                new Dictionary<string, Analyzer> { [TitleAsWritten] = analyzers.Exact, [BodyAsWritten] = analyzers.Exact });
            var directory = new RAMDirectory();
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(LanguageAnalyzers.Version, perField) { OpenMode = OpenMode.CREATE }))
            {
                for (var i = 0; i < documents.Count; i++)
                {
                    var document = documents[i];
                    writer.AddDocument(
                    [
                        new StoredField(Id, i),
                        new TextField(Title, document.Title, Field.Store.NO),
                        new Field(Body, document.Text, WithOffsets),
                        new TextField(TitleAsWritten, document.Title, Field.Store.NO),
                        new Field(BodyAsWritten, document.Text, WithOffsets),
                    ]);
                }

                writer.Commit();
            }

            return new CultureIndex(culture, analyzers, directory, documents);
        }

        public IEnumerable<SearchHit> Search(string text, int limit)
        {
            var stemmed = Terms(Analyzers.Stemmed, Body, text);
            var written = Terms(Analyzers.Exact, BodyAsWritten, text);
            if (stemmed.Count == 0 && written.Count == 0)
            {
                return [];
            }

            var query = new BooleanQuery();
            foreach (var term in stemmed)
            {
                query.Add(new TermQuery(new Term(Title, term)) { Boost = 6 }, Occur.SHOULD);
                query.Add(new TermQuery(new Term(Body, term)) { Boost = 2 }, Occur.SHOULD);
            }

            foreach (var term in written)
            {
                query.Add(new TermQuery(new Term(TitleAsWritten, term)) { Boost = 3 }, Occur.SHOULD);
                query.Add(new TermQuery(new Term(BodyAsWritten, term)) { Boost = 1 }, Occur.SHOULD);
                if (Typo.Edits(term) > 0)
                {
                    // Typos rank below every exact or stemmed match: a transposition or a missing letter still finds the page.
                    query.Add(new FuzzyQuery(new Term(TitleAsWritten, term), Typo.Edits(term), 1, 50, true) { Boost = 0.6f }, Occur.SHOULD);
                    query.Add(new FuzzyQuery(new Term(BodyAsWritten, term), Typo.Edits(term), 1, 50, true) { Boost = 0.2f }, Occur.SHOULD);
                }
            }

            // As you type: the last word may be unfinished ("drinkw").
            if (written.Count > 0 && written[^1].Length >= 3)
            {
                query.Add(new PrefixQuery(new Term(TitleAsWritten, written[^1])) { Boost = 0.8f }, Occur.SHOULD);
                query.Add(new PrefixQuery(new Term(BodyAsWritten, written[^1])) { Boost = 0.3f }, Occur.SHOULD);
            }

            var top = _searcher.Search(query, limit);
            var highlighter = new Highlighter(_reader, Body, BodyAsWritten, stemmed, written);
            return top.ScoreDocs.Select(hit =>
            {
                var document = _documents[_searcher.Doc(hit.Doc).GetField(Id).GetInt32Value()!.Value];
                return new SearchHit(document, highlighter.Snippet(hit.Doc, document.Text));
            });
        }

        private static FieldType Frozen(FieldType type)
        {
            type.Freeze();
            return type;
        }

        public void Dispose()
        {
            _reader.Dispose();
            _directory.Dispose();
        }

        /// <summary>The distinct terms of a query, as the index analysed its text.</summary>
        private static List<string> Terms(Analyzer analyzer, string field, string text) =>
            [.. Tokens(analyzer, field, text).Distinct(StringComparer.Ordinal).Take(MaxTerms)];

        /// <summary>The words of this language's documents, as written: the parts a Dutch compound may be split into.</summary>
        private static List<string> Vocabulary(List<SearchDocument> documents)
        {
            using var plain = LanguageAnalyzers.For("", []).Exact;
            return [.. documents.SelectMany(d => Tokens(plain, BodyAsWritten, $"{d.Title} {d.Text}")).Distinct(StringComparer.Ordinal)];
        }

        private static List<string> Tokens(Analyzer analyzer, string field, string text)
        {
            var tokens = new List<string>();
            using var stream = analyzer.GetTokenStream(field, text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens.Add(term.ToString());
            }

            stream.End();
            return tokens;
        }
    }
}
