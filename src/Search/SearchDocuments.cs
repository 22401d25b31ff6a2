using Portal.Content.Routing;
using AngleSharp.Html.Parser;
using Portal.Content.Cultures;
using Portal.Content.Model;
using Portal.Places;

namespace Portal.Search;

/// <summary>Turns the portal's content and places into search documents, per language.</summary>
public static class SearchDocuments
{
    /// <summary>Between paragraphs, headings and list items, so a snippet never runs one into the next ("bonen · Een blikopener").</summary>
    public const string Separator = " · ";

    private const string BlockElements = "p, li, h1, h2, h3, h4, h5, h6, dt, dd, th, td, blockquote, figcaption, pre";

    private static readonly HtmlParser Parser = new();

    public static IEnumerable<SearchDocument> From(SiteContent content, PlaceCatalog places, CultureSet cultures)
    {
        foreach (var culture in cultures.All)
        {
            foreach (var page in content.For(culture).Pages)
            {
                var text = string.Join(Separator, new[] { page.Summary }.Concat(Blocks(page.BodyHtml)).Concat(page.Checklist.Select(i => i.Text))
                    .Select(t => t.Trim()).Where(t => t.Length > 0));
                yield return new SearchDocument(culture.Code, SearchKind.Page, page.Title, text, page.SitePath);
            }

            foreach (var point in places.SupportPoints)
            {
                var served = string.Join(", ", places.BuurtenServedBy(point).Select(b => b.Name));
                yield return new SearchDocument(culture.Code, SearchKind.SupportPoint, point.Name,
                    $"{point.Address.StreetLine}, {point.Address.FormattedPostcode} {point.Address.City}. {served}",
                    SitePaths.SupportPoint(point.Slug));
            }

            foreach (var buurt in places.Buurten)
            {
                yield return new SearchDocument(culture.Code, SearchKind.Buurt, buurt.Name,
                    $"{places.WijkOf(buurt).Name}. {places.AssignmentFor(buurt).Primary.Name}", SitePaths.Buurt(buurt.Code));
            }

            foreach (var wijk in places.Wijken)
            {
                yield return new SearchDocument(culture.Code, SearchKind.Wijk, wijk.Name,
                    string.Join(", ", places.BuurtenIn(wijk).Select(b => b.Name)), SitePaths.Wijk(wijk.Code));
            }
        }
    }

    /// <summary>The text of each block of a page body (paragraph, heading, list item…), whitespace collapsed.</summary>
    internal static IEnumerable<string> Blocks(string html)
    {
        const char Boundary = '\u0001';
        var body = Parser.ParseDocument($"<body>{html}</body>").Body!;
        foreach (var block in body.QuerySelectorAll(BlockElements))
        {
            block.Prepend(body.Owner!.CreateTextNode(Boundary.ToString()));
            block.Append(body.Owner!.CreateTextNode(Boundary.ToString()));
        }

        return body.TextContent.Split(Boundary)
            .Select(part => string.Join(' ', part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(part => part.Length > 0);
    }
}
