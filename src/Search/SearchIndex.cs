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

    /// <summary>
    /// For a query that found nothing: words the pages in the resident's language do use, nearest to those typed (each
    /// a search that finds something), at most <paramref name="max"/>.
    /// </summary>
    public IReadOnlyList<string> Suggest(string query, string culture, int max = 5)
    {
        var text = (query.Length > MaxQueryLength ? query[..MaxQueryLength] : query).Trim();
        return text.Length > 0 && _cultures.TryGetValue(culture, out var own) ? own.Suggest(text, max) : [];
    }

    private List<SearchHit> Find(string text, CultureIndex own, string culture, int limit)
    {
        var mine = own.Search(text, limit);
        var found = mine.Found.Select(d => (Index: own, Answer: mine, Document: d)).ToList();
        if (culture != _fallbackCulture && found.Count < limit && _cultures.TryGetValue(_fallbackCulture, out var fallback))
        {
            var untranslated = fallback.Search(text, limit);
            found.AddRange(untranslated.Found
                .Where(d => fallback.Document(d).Kind == SearchKind.Page && !own.HasPage(fallback.Document(d).SitePath))
                .Take(limit - found.Count).Select(d => (Index: fallback, Answer: untranslated, Document: d)));
        }

        // Snippets only for the results shown, each index marking its own.
        var snippets = found.GroupBy(f => f.Index)
            .SelectMany(group => group.Key.Snippets(group.First().Answer, [.. group.Select(f => f.Document)]))
            .ToDictionary(s => s.Key, s => s.Value);
        return [.. found.Select(f => new SearchHit(f.Index.Document(f.Document), snippets[(f.Index.Culture, f.Document)]))];
    }

    public void Dispose()
    {
        foreach (var index in _cultures.Values)
        {
            index.Dispose();
        }
    }

    /// <summary>What one language's index found: its documents, best first, and the terms that matched (to mark them).</summary>
    private sealed record Answer(IReadOnlyList<int> Found, IReadOnlyList<(string Field, string Term)> Matched);

    /// <summary>The index of one language.</summary>
    private sealed class CultureIndex : IDisposable
    {
        private const string Title = "title";
        private const string Body = "body";
        private const string TitleAsWritten = "title_w";
        private const string BodyAsWritten = "body_w";
        private const string Id = "id";

        /// <summary>The words a typo may be taken for, at most: the nearest.</summary>
        private const int TypoExpansions = 50;

        /// <summary>The words an unfinished last word may become, at most.</summary>
        private const int PrefixExpansions = 64;

        /// <summary>Texts keep their terms' offsets in the postings, so the results shown are marked without analysing them again.</summary>
        private static readonly FieldType WithOffsets = Frozen(new FieldType(TextField.TYPE_NOT_STORED)
        {
            IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
        });

        private readonly RAMDirectory _directory;
        private readonly DirectoryReader _reader;
        private readonly AtomicReader _leaf;
        private readonly IndexSearcher _searcher;
        private readonly List<SearchDocument> _documents;
        private readonly int[] _documentOf;
        private readonly HashSet<string> _pages;
        private readonly Vocabulary _written;
        private readonly Dictionary<string, Dictionary<string, TermContext>> _terms;

        private CultureIndex(string culture, LanguageAnalyzers analyzers, RAMDirectory directory, List<SearchDocument> documents)
        {
            (Culture, Analyzers, _directory, _documents) = (culture, analyzers, directory, documents);
            _reader = DirectoryReader.Open(directory);
            _leaf = _reader.Leaves.Single().AtomicReader; // one segment (see Build)
            _searcher = new IndexSearcher(_reader);
            _documentOf = [.. Enumerable.Range(0, _reader.MaxDoc).Select(d => _reader.Document(d).GetField(Id).GetInt32Value()!.Value)];
            _pages = [.. documents.Where(d => d.Kind == SearchKind.Page).Select(d => d.SitePath)];
            _terms = new[] { Title, Body, TitleAsWritten, BodyAsWritten }.ToDictionary(f => f, IndexTerms, StringComparer.Ordinal);
            _written = new Vocabulary(_terms[TitleAsWritten].Keys.Concat(_terms[BodyAsWritten].Keys));
        }

        public string Culture { get; }

        public LanguageAnalyzers Analyzers { get; }

        public bool HasPage(string sitePath) => _pages.Contains(sitePath);

        public SearchDocument Document(int found) => _documents[_documentOf[found]];

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

                // One segment: a query reads one set of terms and postings.
                writer.ForceMerge(1);
                writer.Commit();
            }

            return new CultureIndex(culture, analyzers, directory, documents);
        }

        /// <summary>
        /// Exact and stemmed words first; a word the index does not hold as written is taken for a typo of the nearest
        /// words it does hold (ranked below every exact or stemmed match); the last word may be unfinished.
        /// </summary>
        public Answer Search(string text, int limit)
        {
            var stemmed = Terms(Analyzers.Stemmed, Body, text);
            var written = Terms(Analyzers.Exact, BodyAsWritten, text);
            if (stemmed.Count == 0 && written.Count == 0)
            {
                return new([], []);
            }

            var query = new BooleanQuery();
            var matched = new List<(string Field, string Term)>();
            foreach (var term in stemmed)
            {
                Add(query, Known(Title, term, 6));
                Add(query, Known(Body, term, 2));
                matched.Add((Body, term));
            }

            foreach (var term in written)
            {
                Add(query, Known(TitleAsWritten, term, 3));
                Add(query, Known(BodyAsWritten, term, 1));
                matched.Add((BodyAsWritten, term));
                if (_written.Contains(term))
                {
                    continue;
                }

                if (_written.Near(term, Typo.Edits(term), TypoExpansions) is { Count: > 0 } near)
                {
                    // Typos rank below every exact or stemmed match: a transposition or a missing letter still finds the page.
                    Add(query, Typos(TitleAsWritten, term, near, 0.6f));
                    Add(query, Typos(BodyAsWritten, term, near, 0.2f));
                    matched.AddRange(near.Select(n => (BodyAsWritten, n.Word)));
                }
                else if (_written.SharingBeginning(term, TypoExpansions) is { Words.Count: > 0 } parts)
                {
                    // Not even a typo: other forms of its stem (piller, pilli), ranked as typos are.
                    var shared = parts.Words.Select(w => (w, term.Length - parts.Beginning.Length)).ToList();
                    Add(query, Typos(TitleAsWritten, term, shared, 0.6f));
                    Add(query, Typos(BodyAsWritten, term, shared, 0.2f));
                    matched.AddRange(parts.Words.Select(w => (BodyAsWritten, w)));
                }
            }

            // As you type: the last word may be unfinished ("drinkw").
            if (written.Count > 0 && written[^1].Length >= 3 && _written.StartingWith(written[^1], PrefixExpansions) is { Count: > 0 } completions)
            {
                Add(query, Completions(TitleAsWritten, completions, 0.8f));
                Add(query, Completions(BodyAsWritten, completions, 0.3f));
                matched.AddRange(completions.Select(c => (BodyAsWritten, c)));
            }

            if (query.Clauses.Count == 0)
            {
                return new([], []);
            }

            // Scored in document order: Lucene's out-of-order scorer allocates a table of 2,048 buckets for every query,
            // far more than an index of a few hundred documents needs; the results are the same.
            var collector = TopScoreDocCollector.Create(limit, docsScoredInOrder: true);
            _searcher.Search(query, collector);
            return new([.. collector.GetTopDocs().ScoreDocs.Select(hit => hit.Doc)], matched);
        }

        /// <summary>Words of this language's pages nearest to those of a query that found nothing.</summary>
        public IReadOnlyList<string> Suggest(string text, int max)
        {
            var written = Terms(Analyzers.Exact, BodyAsWritten, text).Where(w => w.Length >= 3).ToList();
            return [.. written
                .SelectMany(w => _written.Nearest(w, word => PagesUsing(word), max))
                .Distinct(StringComparer.Ordinal).Where(w => !written.Contains(w)).Take(max)];
        }

        private int PagesUsing(string word) =>
            (_terms[TitleAsWritten].TryGetValue(word, out var title) ? title.DocFreq : 0) + (_terms[BodyAsWritten].TryGetValue(word, out var body) ? body.DocFreq : 0);

        /// <summary>The snippets of the documents shown, by (culture, document).</summary>
        public IEnumerable<KeyValuePair<(string Culture, int Document), string>> Snippets(Answer answer, IReadOnlyCollection<int> shown)
        {
            var marks = Highlighter.Marks(_leaf, shown, answer.Matched.Distinct()
                .Select(m => _terms[m.Field].TryGetValue(m.Term, out var context) ? (m.Field, m.Term, context.Get(0)) : default)
                .Where(m => m.Field is not null));
            return shown.Distinct().Select(found => KeyValuePair.Create((Culture, found), Highlighter.Snippet(Document(found).Text, marks[found])));
        }

        /// <summary>
        /// The words a typo may stand for, scored as Lucene's fuzzy query scores them: the nearer the word, the higher,
        /// and never by how often it occurs.
        /// </summary>
        private BooleanQuery? Typos(string field, string typed, List<(string Word, int Edits)> near, float boost)
        {
            var query = new BooleanQuery(disableCoord: true) { Boost = boost };
            foreach (var (word, edits) in near)
            {
                if (Known(field, word, 1) is { } known)
                {
                    query.Add(new ConstantScoreQuery(known) { Boost = 1f - (float)edits / Math.Min(typed.Length, word.Length) }, Occur.SHOULD);
                }
            }

            return query.Clauses.Count > 0 ? query : null;
        }

        /// <summary>The words an unfinished word may become, as one constant-score match (as a prefix query scores).</summary>
        private ConstantScoreQuery? Completions(string field, List<string> words, float boost)
        {
            var any = new BooleanQuery(disableCoord: true);
            foreach (var word in words)
            {
                Add(any, Known(field, word, 1));
            }

            return any.Clauses.Count > 0 ? new ConstantScoreQuery(any) { Boost = boost } : null;
        }

        /// <summary>
        /// Every term of a field with its statistics and place in the index, read once: a query's terms are then neither
        /// looked up again in the terms dictionary nor, when the index does not hold them, asked for at all. (Leaving out
        /// a clause that matches nothing scales every document's score alike, so the order of results is the same.)
        /// </summary>
        private Dictionary<string, TermContext> IndexTerms(string field)
        {
            var contexts = new Dictionary<string, TermContext>(StringComparer.Ordinal);
            var terms = _leaf.GetTerms(field);
            if (terms is null)
            {
                return contexts;
            }

            var iterator = terms.GetEnumerator();
            while (iterator.MoveNext())
            {
                contexts[iterator.Term.Utf8ToString()] = new TermContext(_reader.Context, iterator.GetTermState(), 0, iterator.DocFreq, iterator.TotalTermFreq);
            }

            return contexts;
        }

        /// <summary>A term query that needs no look-up in the terms dictionary, or null when the field does not hold the term.</summary>
        private TermQuery? Known(string field, string term, float boost) =>
            _terms[field].TryGetValue(term, out var context) ? new TermQuery(new Term(field, term), context) { Boost = boost } : null;

        private static void Add(BooleanQuery query, Query? clause)
        {
            if (clause is not null)
            {
                query.Add(clause, Occur.SHOULD);
            }
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
