using System.Net;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Portal.Search.Analysis;

/// <summary>
/// A snippet of a result with the words that matched in &lt;mark&gt;. The index keeps each text's analysed terms with
/// their offsets (term vectors), so the marks come from the analysers' own tokens without analysing the text again:
/// every stemmed term that matched, every written word that matched as written, within a typo or as the unfinished last
/// word. The text is encoded before the marks are added, so content can never inject markup.
/// </summary>
internal sealed class Highlighter(IndexReader reader, string stemmedField, string writtenField, IReadOnlyList<string> stemmed, IReadOnlyList<string> written)
{
    private const int Before = 60;
    private const int Length = 200;
    private readonly HashSet<string> _stemmed = [.. stemmed];
    private readonly string? _last = written.Count > 0 && written[^1].Length >= 3 ? written[^1] : null;

    public string Snippet(int document, string text)
    {
        var marks = new List<(int Start, int End)>();
        Collect(reader.GetTermVector(document, stemmedField), _stemmed.Contains, marks);
        Collect(reader.GetTermVector(document, writtenField),
            token => written.Any(w => Typo.Within(w, token)) || (_last is not null && token.StartsWith(_last, StringComparison.Ordinal)), marks);
        marks = Merge(marks.Where(m => m.End <= text.Length));

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

    private static void Collect(Terms? vector, Func<string, bool> matches, List<(int, int)> marks)
    {
        if (vector is null)
        {
            return;
        }

        var terms = vector.GetEnumerator();
        DocsAndPositionsEnum? positions = null;
        while (terms.MoveNext())
        {
            if (!matches(terms.Term.Utf8ToString()))
            {
                continue;
            }

            positions = terms.DocsAndPositions(null, positions);
            if (positions is null || positions.NextDoc() == DocIdSetIterator.NO_MORE_DOCS)
            {
                continue;
            }

            for (var i = 0; i < positions.Freq; i++)
            {
                positions.NextPosition();
                if (positions.StartOffset >= 0)
                {
                    marks.Add((positions.StartOffset, positions.EndOffset));
                }
            }
        }
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
