using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Hunspell;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Tr;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Portal.Search.Analysis;

/// <summary>
/// The two analyses of one language: <see cref="Stemmed"/> finds a word in its other forms (plurals, inflections, compound
/// parts), <see cref="Exact"/> keeps the words as written (lower-cased, accents folded) for typo-tolerant matching.
/// </summary>
/// <param name="Warning">Why this language's search is weaker than it should be, for /health; null when it is whole.</param>
public sealed record LanguageAnalyzers(Analyzer Stemmed, Analyzer Exact, string? Warning)
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Where Debian's hunspell-pl and hunspell-uk put their dictionaries.</summary>
    public static string HunspellFolder { get; set; } = "/usr/share/hunspell";

    private static readonly Lock Gate = new();
    private static Task<(Dictionary? Dictionary, string? Problem)>? _polish;
    private static Task<(Dictionary? Dictionary, string? Problem)>? _ukrainian;

    static LanguageAnalyzers() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <param name="vocabulary">The words of this language's content: for Dutch, the parts a compound may be split into.</param>
    public static LanguageAnalyzers For(string culture, IEnumerable<string> vocabulary) => culture switch
    {
        "nl" => Dutch(vocabulary),
        "en" => new(new EnglishAnalyzer(Version), AsWritten(culture), null),
        "ar" => new(new ArabicAnalyzer(Version), AsWritten(culture), null),
        "tr" => new(new TurkishAnalyzer(Version), AsWritten(culture), null),
        "pl" => Hunspelled(culture, Loaded(Dictionaries().Polish)),
        "uk" => Hunspelled(culture, Loaded(Dictionaries().Ukrainian)),
        _ => new(AsWritten(culture), AsWritten(culture), null),
    };

    /// <summary>
    /// Reading a Hunspell dictionary takes seconds, so both are read in the background, side by side, from the first time
    /// they are asked for; an index built before they are ready matches Polish and Ukrainian as written. The task
    /// completes when both are read (or found missing): then build the index again.
    /// </summary>
    public static Task LoadDictionariesAsync()
    {
        var (polish, ukrainian) = Dictionaries();
        return Task.WhenAll(polish, ukrainian);
    }

    private static (Task<(Dictionary?, string?)> Polish, Task<(Dictionary?, string?)> Ukrainian) Dictionaries()
    {
        lock (Gate)
        {
            _polish ??= Task.Run(() => LoadHunspell("pl_PL", "hunspell-pl"));
            _ukrainian ??= Task.Run(() => LoadHunspell("uk_UA", "hunspell-uk"));
            return (_polish, _ukrainian);
        }
    }

    /// <summary>Still being read is no fault: the index matches words as written until it is built again, a few seconds later.</summary>
    private static (Dictionary? Dictionary, string? Problem) Loaded(Task<(Dictionary?, string?)> loading) =>
        loading.IsCompletedSuccessfully ? loading.Result : (null, null);

    /// <summary>
    /// Dutch: Snowball stemming (noodpakketten → noodpakket) after splitting compounds into words the content itself uses
    /// (stroomstoringen → stroom + storingen, drinkwatervoorraad → drinkwater + water + voorraad). The word list is the
    /// portal's own Dutch vocabulary: a part is only split off when residents can find it as a word on the site.
    /// </summary>
    private static LanguageAnalyzers Dutch(IEnumerable<string> vocabulary)
    {
        var parts = new CharArraySet(Version, vocabulary.Where(w => w.Length >= 4 && !DutchAnalyzer.DefaultStopSet.Contains(w)).ToList(), true);
        var stemmed = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new LowerCaseFilter(Version, tokenizer);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(Version, stream, DutchAnalyzer.DefaultStopSet);
            stream = new DictionaryCompoundWordTokenFilter(Version, stream, parts, minWordSize: 8, minSubwordSize: 4, maxSubwordSize: 20, onlyLongestMatch: false);
            stream = new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer());
            return new TokenStreamComponents(tokenizer, stream);
        });
        return new(stemmed, AsWritten("nl"), null);
    }

    /// <summary>Polish and Ukrainian: Hunspell stemming with Debian's dictionaries; without them, words as written (and a warning).</summary>
    internal static LanguageAnalyzers Hunspelled(string culture, (Dictionary? Dictionary, string? Problem) hunspell)
    {
        if (hunspell.Dictionary is not { } dictionary)
        {
            return new(AsWritten(culture), AsWritten(culture), hunspell.Problem);
        }

        var stemmed = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new LowerCaseFilter(Version, tokenizer);
            stream = new HunspellStemFilter(stream, dictionary, dedup: true, longestOnly: true);
            return new TokenStreamComponents(tokenizer, stream);
        });
        return new(stemmed, AsWritten(culture), null);
    }

    /// <summary>Words as written: lower-cased the language's way (Turkish İ/I/ı), accents and Arabic tashkeel folded away.</summary>
    private static Analyzer AsWritten(string culture) => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = culture == "tr" ? new TurkishLowerCaseFilter(tokenizer) : new LowerCaseFilter(Version, tokenizer);
        stream = culture == "ar" ? new ArabicNormalizationFilter(stream) : new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    internal static (Dictionary?, string?) LoadHunspell(string name, string package)
    {
        var affix = Path.Combine(HunspellFolder, $"{name}.aff");
        var words = Path.Combine(HunspellFolder, $"{name}.dic");
        if (!File.Exists(affix) || !File.Exists(words))
        {
            return (null, $"no {name} dictionary in {HunspellFolder}: search in this language matches words only as written (apt-get install {package})");
        }

        try
        {
            using var affixStream = File.OpenRead(affix);
            using var wordStream = File.OpenRead(words);
            return (new Dictionary(affixStream, wordStream), null);
        }
        catch (Exception e) when (e is IOException or FormatException or ArgumentException or InvalidOperationException or System.Text.DecoderFallbackException)
        {
            return (null, $"the {name} dictionary in {HunspellFolder} cannot be read ({e.Message}): search in this language matches words only as written");
        }
    }
}
