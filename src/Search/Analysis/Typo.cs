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
    public static bool Within(string query, string word)
    {
        var allowed = Edits(query);
        if (query == word)
        {
            return true;
        }

        if (allowed == 0 || Math.Abs(query.Length - word.Length) > allowed)
        {
            return false;
        }

        // Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring).
        var d = new int[query.Length + 1, word.Length + 1];
        for (var i = 0; i <= query.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= word.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= query.Length; i++)
        {
            for (var j = 1; j <= word.Length; j++)
            {
                var cost = query[i - 1] == word[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && query[i - 1] == word[j - 2] && query[i - 2] == word[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[query.Length, word.Length] <= allowed;
    }
}
