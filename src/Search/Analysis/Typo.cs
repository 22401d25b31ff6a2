namespace Portal.Search.Analysis;

/// <summary>How many typing mistakes a word may have and still match: none in short words, where one edit is another word.</summary>
internal static class Typo
{
    public static int Edits(string word) => word.Length switch
    {
        < 4 => 0,
        < 8 => 1,
        _ => 2,
    };

    /// <summary>The same word, or one within <see cref="Edits"/> insertions, deletions, substitutions or swaps of neighbours.</summary>
    public static bool Within(string query, string word) => Distance(query, word, Edits(query)) <= Edits(query);

    /// <summary>
    /// Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring), or
    /// <paramref name="max"/> + 1 as soon as it is certain to exceed <paramref name="max"/>: most words of a vocabulary
    /// are rejected after a few letters, without allocating.
    /// </summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        if (a.SequenceEqual(b))
        {
            return 0;
        }

        if (b.Length > 62)
        {
            return max + 1;
        }

        // Three rows of the matrix: the one before the previous (for swaps), the previous and the current.
        Span<int> rows = stackalloc int[3 * (b.Length + 1)];
        var before = rows[..(b.Length + 1)];
        var previous = rows.Slice(b.Length + 1, b.Length + 1);
        var current = rows[(2 * (b.Length + 1))..];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var best = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d = Math.Min(d, before[j - 2] + 1);
                }

                current[j] = d;
                best = Math.Min(best, d);
            }

            if (best > max)
            {
                return max + 1;
            }

            var spare = before;
            before = previous;
            previous = current;
            current = spare;
        }

        return Math.Min(previous[b.Length], max + 1);
    }
}
