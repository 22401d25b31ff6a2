using System.Net;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Portal.Search.Analysis;

/// <summary>
/// Snippets of the results shown, with the words that matched in &lt;mark&gt;. The index keeps each text's terms with
/// their offsets in its postings, so the marks come from the analysers' own tokens without analysing a text again, and
/// only the terms that matched are read, only for the results shown: every stemmed term of the query, every word as
/// written, each word it was taken to be a typo of, and the words the unfinished last word may become. The text is
/// encoded before the marks are added, so content can never inject markup.
/// </summary>
internal static class Highlighter
{
    private const int Before = 60;
    private const int Length = 200;

    /// <summary>
    /// Where each of <paramref name="documents"/> holds one of the <paramref name="terms"/>, by document. Each term is
    /// given with its state in the terms dictionary (read when the index was opened), so it is not looked up again, and
    /// one enumerator per field is reused for all its terms.
    /// </summary>
    public static Dictionary<int, List<(int Start, int End)>> Marks(AtomicReader reader, IReadOnlyCollection<int> documents, IEnumerable<(string Field, string Term, TermState State)> terms)
    {
        var marks = documents.Distinct().ToDictionary(d => d, _ => new List<(int Start, int End)>());
        var inOrder = marks.Keys.Order().ToList();
        foreach (var field in terms.GroupBy(t => t.Field))
        {
            var termsEnum = reader.GetTerms(field.Key)?.GetEnumerator();
            if (termsEnum is null)
            {
                continue;
            }

            DocsAndPositionsEnum? positions = null;
            foreach (var (_, term, state) in field)
            {
                termsEnum.SeekExact(new BytesRef(term), state);
                positions = termsEnum.DocsAndPositions(null, positions, DocsAndPositionsFlags.OFFSETS);
                if (positions is not null)
                {
                    Collect(positions, inOrder, marks);
                }
            }
        }

        return marks;
    }

    private static void Collect(DocsAndPositionsEnum positions, List<int> inOrder, Dictionary<int, List<(int Start, int End)>> marks)
    {
        foreach (var document in inOrder)
        {
            var at = positions.DocID >= document ? positions.DocID : positions.Advance(document);
            if (at == DocIdSetIterator.NO_MORE_DOCS)
            {
                return;
            }

            if (at != document)
            {
                continue;
            }

            for (var i = 0; i < positions.Freq; i++)
            {
                positions.NextPosition();
                if (positions.StartOffset >= 0)
                {
                    marks[document].Add((positions.StartOffset, positions.EndOffset));
                }
            }
        }
    }

    public static string Snippet(string text, IEnumerable<(int Start, int End)> found)
    {
        var marks = Merge(found.Where(m => m.End <= text.Length));
        var start = marks.Count == 0 ? 0 : Math.Max(0, marks[0].Start - Before);
        if (start > 0 && text.IndexOf(' ', start) is var space and >= 0 && space < marks[0].Start)
        {
            start = space + 1;
        }

        var end = Math.Min(text.Length, start + Length);
        if (end < text.Length && text.LastIndexOf(' ', end) is var cut && cut > start)
        {
            end = cut;
        }

        var snippet = new StringBuilder(start > 0 ? "…" : "");
        var at = start;
        foreach (var (markStart, markEnd) in marks.Where(m => m.Start >= start && m.End <= end))
        {
            snippet.Append(WebUtility.HtmlEncode(text[at..markStart])).Append("<mark>")
                .Append(WebUtility.HtmlEncode(text[markStart..markEnd])).Append("</mark>");
            at = markEnd;
        }

        snippet.Append(WebUtility.HtmlEncode(text[at..end]));
        return end < text.Length ? snippet.Append('…').ToString() : snippet.ToString();
    }

    private static List<(int Start, int End)> Merge(IEnumerable<(int Start, int End)> marks)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var mark in marks.OrderBy(m => m.Start))
        {
            if (merged.Count > 0 && mark.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, mark.End));
            }
            else
            {
                merged.Add(mark);
            }
        }

        return merged;
    }
}
