using System.Net;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Portal.Search.Analysis;

/// <summary>
/// A snippet of a result with the words that matched in &lt;mark&gt;: the text is analysed again with the index's own
/// analysers, and every token that matched (stemmed, as written, within a typo, or the unfinished last word) is marked at
/// its original offsets. The text is encoded before the marks are added, so content can never inject markup.
/// </summary>
internal sealed class Highlighter(LanguageAnalyzers analyzers, IReadOnlyList<string> stemmed, IReadOnlyList<string> written)
{
    private const int Before = 60;
    private const int Length = 200;
    private readonly HashSet<string> _stemmed = [.. stemmed];

    public string Snippet(string text)
    {
        var marks = new List<(int Start, int End)>();
        Collect(analyzers.Stemmed, text, _stemmed.Contains, marks);
        var last = written.Count > 0 && written[^1].Length >= 3 ? written[^1] : null;
        Collect(analyzers.Exact, text, token => written.Any(w => Typo.Within(w, token)) || (last is not null && token.StartsWith(last, StringComparison.Ordinal)), marks);
        marks = Merge(marks);

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

    private static void Collect(Analyzer analyzer, string text, Func<string, bool> matches, List<(int, int)> marks)
    {
        using var stream = analyzer.GetTokenStream("body", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (matches(term.ToString()))
            {
                marks.Add((offset.StartOffset, offset.EndOffset));
            }
        }

        stream.End();
    }

    private static List<(int Start, int End)> Merge(List<(int Start, int End)> marks)
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
