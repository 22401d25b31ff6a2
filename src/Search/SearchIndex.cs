using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Portal.Search;

/// <summary>
/// Full-text search over pages and places in every language, in an in-memory SQLite FTS5 database.
/// Words match accent-insensitively and by prefix ("cooperatie" finds "coöperatie", "drink" finds "drinkwater");
/// when no word matches, a trigram index finds misspellings ("Bottendal" finds "Bottendaal").
/// Immutable once built: a content change builds a new index.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const char MarkStart = '\u0001';
    private const char MarkEnd = '\u0002';
    private const int MaxQueryLength = 200;

    /// <summary>A misspelt query must share at least this share of its trigrams with a result.</summary>
    private const double TrigramThreshold = 0.5;

    private readonly string _connectionString;
    private readonly SqliteConnection _anchor;
    private readonly List<SearchDocument> _documents;

    private SearchIndex(string connectionString, SqliteConnection anchor, List<SearchDocument> documents)
    {
        _connectionString = connectionString;
        _anchor = anchor;
        _documents = documents;
    }

    public int Count => _documents.Count;

    public static SearchIndex Build(IEnumerable<SearchDocument> documents)
    {
        // A named shared in-memory database lives as long as one connection to it stays open (the anchor);
        // each search opens its own connection, so searches run in parallel.
        var connectionString = $"Data Source=portal-search-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        var anchor = new SqliteConnection(connectionString);
        anchor.Open();
        var list = documents.ToList();
        using (var transaction = anchor.BeginTransaction())
        {
            Execute(anchor, """
                CREATE TABLE docs(id INTEGER PRIMARY KEY, culture TEXT NOT NULL, kind INTEGER NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL);
                CREATE VIRTUAL TABLE words USING fts5(title, body, content='docs', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE grams USING fts5(title, body, content='docs', content_rowid='id', tokenize='trigram remove_diacritics 1');
                """);
            using var insert = anchor.CreateCommand();
            insert.CommandText = "INSERT INTO docs(id, culture, kind, title, body) VALUES ($id, $culture, $kind, $title, $body)";
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var culture = insert.Parameters.Add("$culture", SqliteType.Text);
            var kind = insert.Parameters.Add("$kind", SqliteType.Integer);
            var title = insert.Parameters.Add("$title", SqliteType.Text);
            var body = insert.Parameters.Add("$body", SqliteType.Text);
            for (var i = 0; i < list.Count; i++)
            {
                (id.Value, culture.Value, kind.Value, title.Value, body.Value) = (i, list[i].Culture, (int)list[i].Kind, list[i].Title, list[i].Text);
                insert.ExecuteNonQuery();
            }

            Execute(anchor, """
                INSERT INTO words(rowid, title, body) SELECT id, title, body FROM docs;
                INSERT INTO grams(rowid, title, body) SELECT id, title, body FROM docs;
                """);
            transaction.Commit();
        }

        return new SearchIndex(connectionString, anchor, list);
    }

    /// <summary>Results in the resident's language first, then pages in other languages; places only in the resident's language.</summary>
    public IReadOnlyList<SearchHit> Search(string query, string culture, int limit = 20)
    {
        var terms = Terms(query);
        if (terms.Count == 0)
        {
            return [];
        }

        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        var hits = WordSearch(connection, terms, culture, limit);
        return hits.Count > 0 ? hits : TrigramSearch(connection, terms, culture, limit);
    }

    private List<SearchHit> WordSearch(SqliteConnection connection, IReadOnlyList<string> terms, string culture, int limit)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT words.rowid, snippet(words, -1, char(1), char(2), '…', 14)
            FROM words JOIN docs ON docs.id = words.rowid
            WHERE words MATCH $match AND (docs.culture = $culture OR docs.kind = {(int)SearchKind.Page})
            ORDER BY docs.culture = $culture DESC, bm25(words, 8.0, 1.0)
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$match", string.Join(' ', terms.Select(t => $"\"{t}\"*")));
        command.Parameters.AddWithValue("$culture", culture);
        command.Parameters.AddWithValue("$limit", limit);
        var hits = new List<SearchHit>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            hits.Add(new SearchHit(_documents[reader.GetInt32(0)], Highlight(reader.GetString(1))));
        }

        return hits;
    }

    private List<SearchHit> TrigramSearch(SqliteConnection connection, IReadOnlyList<string> terms, string culture, int limit)
    {
        var trigrams = terms.SelectMany(Trigrams).Distinct().ToList();
        if (trigrams.Count == 0)
        {
            return [];
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT grams.rowid FROM grams JOIN docs ON docs.id = grams.rowid
            WHERE grams MATCH $match AND (docs.culture = $culture OR docs.kind = {(int)SearchKind.Page})
            ORDER BY docs.culture = $culture DESC, bm25(grams, 8.0, 1.0)
            LIMIT 100
            """;
        command.Parameters.AddWithValue("$match", string.Join(" OR ", trigrams.Select(t => $"\"{t}\"")));
        command.Parameters.AddWithValue("$culture", culture);
        var candidates = new List<(SearchDocument Document, double Score)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var document = _documents[reader.GetInt32(0)];
                // Score on the title first (names are what people misspell), else on the whole text.
                var score = Math.Max(Share(trigrams, Fold(document.Title)), 0.8 * Share(trigrams, Fold(document.Text)));
                if (score >= TrigramThreshold)
                {
                    candidates.Add((document, score));
                }
            }
        }

        return [.. candidates
            .OrderByDescending(c => c.Document.Culture == culture)
            .ThenByDescending(c => c.Score)
            .Take(limit)
            .Select(c => new SearchHit(c.Document, WebUtility.HtmlEncode(Excerpt(c.Document.Text))))];
    }

    /// <summary>The query's words, accent-folded and lower-cased; FTS syntax is never passed through.</summary>
    private static List<string> Terms(string query)
    {
        var text = query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;
        var terms = new List<string>();
        var current = new StringBuilder();
        foreach (var c in Fold(text).Append(' '))
        {
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark)
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                terms.Add(current.ToString());
                current.Clear();
            }
        }

        return [.. terms.Distinct().Take(10)];
    }

    private static IEnumerable<string> Trigrams(string term)
    {
        for (var i = 0; i + 3 <= term.Length; i++)
        {
            yield return term.Substring(i, 3);
        }
    }

    private static double Share(IReadOnlyList<string> trigrams, string folded) =>
        (double)trigrams.Count(folded.Contains) / trigrams.Count;

    /// <summary>Lower case without diacritics ("Coöperatie" → "cooperatie"), as the FTS tokenizers compare.</summary>
    internal static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Encodes the snippet and only then turns the markers into &lt;mark&gt;, so content can never inject markup.</summary>
    private static string Highlight(string snippet) =>
        WebUtility.HtmlEncode(snippet).Replace(MarkStart.ToString(), "<mark>", StringComparison.Ordinal)
            .Replace(MarkEnd.ToString(), "</mark>", StringComparison.Ordinal);

    private static string Excerpt(string text) => text.Length <= 160 ? text : string.Concat(text.AsSpan(0, 160), "…");

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _anchor.Dispose();
}
