namespace Portal.Search.Analysis;

/// <summary>
/// The words one language's index holds as written, read from the index once when it is built. A word a resident types
/// is looked up here instead of running a fuzzy automaton over the terms for every query: on an index of hundreds of
/// pages the vocabulary is a few thousand words, and comparing a word with those that start with the same letter and
/// have about its length costs microseconds, where building Levenshtein automata for each query word and field cost
/// milliseconds.
/// </summary>
internal sealed class Vocabulary
{
    private readonly string[] _sorted;
    private readonly Dictionary<char, string[]> _byFirstLetter;

    public Vocabulary(IEnumerable<string> words)
    {
        _sorted = [.. words.Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _byFirstLetter = _sorted.GroupBy(w => w[0]).ToDictionary(g => g.Key, g => g.ToArray());
    }

    public int Count => _sorted.Length;

    public bool Contains(string word) => Array.BinarySearch(_sorted, word, StringComparer.Ordinal) >= 0;

    /// <summary>
    /// Words within <paramref name="edits"/> typing mistakes of <paramref name="word"/> (not the word itself), nearest
    /// first. The first letter must match, as residents rarely mistype it and it keeps unrelated words out.
    /// </summary>
    public List<(string Word, int Edits)> Near(string word, int edits, int max)
    {
        var near = new List<(string Word, int Edits)>();
        if (edits == 0 || word.Length == 0 || !_byFirstLetter.TryGetValue(word[0], out var candidates))
        {
            return near;
        }

        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - word.Length) <= edits && Typo.Distance(word, candidate, edits) is var distance
                && distance <= edits && distance > 0)
            {
                near.Add((candidate, distance));
            }
        }

        return [.. near.OrderBy(n => n.Edits).ThenBy(n => n.Word, StringComparer.Ordinal).Take(max)];
    }

    /// <summary>Words that begin with <paramref name="prefix"/>, in order, at most <paramref name="max"/>.</summary>
    public List<string> StartingWith(string prefix, int max)
    {
        var words = new List<string>();
        var at = Array.BinarySearch(_sorted, prefix, StringComparer.Ordinal);
        for (var i = at >= 0 ? at : ~at; i < _sorted.Length && words.Count < max && _sorted[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            words.Add(_sorted[i]);
        }

        return words;
    }

    /// <summary>
    /// Words that share a long beginning with <paramref name="word"/>, for a word the index does not hold even within a
    /// typo: other forms of the same stem (Turkish <c>piller</c>, batteries, and <c>pilli</c>, battery-powered;
    /// Ukrainian <c>батареї</c> and <c>батарейками</c>). The word must have at least 5 letters; its last letters are
    /// cut one at a time, at most 3 and never below 4 letters, and the longest beginning that other words share wins.
    /// </summary>
    public (string Beginning, List<string> Words) SharingBeginning(string word, int max)
    {
        if (word.Length < 5)
        {
            return ("", []);
        }

        for (var cut = 1; cut <= 3 && word.Length - cut >= 4; cut++)
        {
            var beginning = word[..^cut];
            if (StartingWith(beginning, max) is { Count: > 0 } words)
            {
                return (beginning, words);
            }
        }

        return ("", []);
    }

    /// <summary>
    /// The words nearest to <paramref name="word"/> in the whole vocabulary, for a search that found nothing: within
    /// half the word's letters (at least 2), nearest first, then the words more pages use; failing those, the words that
    /// share its longest beginning of at least 3 letters.
    /// </summary>
    public List<string> Nearest(string word, Func<string, int> pagesUsing, int max)
    {
        var edits = Math.Max(2, word.Length / 2);
        var near = new List<(string Word, int Edits)>();
        foreach (var candidate in _sorted)
        {
            if (candidate.Length >= 3 && !candidate.All(char.IsDigit) && Typo.Distance(word, candidate, edits) is var distance && distance <= edits && distance > 0)
            {
                near.Add((candidate, distance));
            }
        }

        if (near.Count > 0)
        {
            return [.. near.OrderBy(n => n.Edits).ThenByDescending(n => pagesUsing(n.Word)).ThenBy(n => n.Word, StringComparer.Ordinal).Take(max).Select(n => n.Word)];
        }

        // Nothing that near: the words that begin as it does (at least 3 letters), the most used first.
        for (var length = word.Length - 1; length >= 3; length--)
        {
            if (StartingWith(word[..length], 200) is { Count: > 0 } words)
            {
                return [.. words.OrderByDescending(pagesUsing).ThenBy(w => w, StringComparer.Ordinal).Take(max)];
            }
        }

        return [];
    }
}
