using Portal.Content.Routing;
using AngleSharp.Html.Parser;
using Portal.Content.Cultures;
using Portal.Content.Model;
using Portal.Places;

namespace Portal.Search;

/// <summary>Turns the portal's content and places into search documents, per language.</summary>
public static class SearchDocuments
{
    private static readonly HtmlParser Parser = new();

    public static IEnumerable<SearchDocument> From(SiteContent content, PlaceCatalog places, CultureSet cultures)
    {
        foreach (var culture in cultures.All)
        {
            foreach (var page in content.For(culture).Pages)
            {
                var body = Parser.ParseDocument($"<body>{page.BodyHtml}</body>").Body!.TextContent;
                var checklist = string.Join(" ", page.Checklist.Select(i => i.Text));
                yield return new SearchDocument(culture.Code, SearchKind.Page, page.Title,
                    $"{page.Summary} {body} {checklist}".Trim(), page.SitePath);
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
}
