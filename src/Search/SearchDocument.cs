namespace Portal.Search;

public enum SearchKind
{
    Page,
    SupportPoint,
    Buurt,
    Wijk,
}

/// <summary>One thing a resident can find, in one language, at a site path (without language prefix).</summary>
public sealed record SearchDocument(string Culture, SearchKind Kind, string Title, string Text, string SitePath);

/// <summary>A result: the document and a snippet whose matched words are wrapped in &lt;mark&gt; (already HTML-encoded).</summary>
public sealed record SearchHit(SearchDocument Document, string SnippetHtml);
