using Portal.Application.CardPrinting;
using Portal.Application.ContentPipeline;
using Portal.Cards;
using Portal.Content.Cultures;
using Portal.Pages;

namespace Portal.Application.PageCatalogue;

/// <summary>
/// A request for a page on the live site, as the host hands it over: the page context, the state it is answered from,
/// the values of its route and query string, and the services a page may use. Nothing here knows HTTP.
/// </summary>
public sealed record LiveRequest(
    PageContext Page,
    PortalState State,
    IReadOnlyDictionary<string, string?> RouteValues,
    IReadOnlyDictionary<string, string?> QueryValues,
    LivePageServices Services,
    CancellationToken Aborted = default)
{
    public PortalData Data => State.Data;

    public string? Route(string name) => RouteValues.GetValueOrDefault(name);

    public string? Query(string name) => QueryValues.GetValueOrDefault(name);
}

/// <summary>What live pages use beyond the served state: the lookup (with its address resolver), cards, metrics.</summary>
public sealed class LivePageServices(Places.Lookup.SupportPointLookup lookup, CardDocuments cards, PortalMetrics metrics)
{
    public Places.Lookup.SupportPointLookup Lookup { get; } = lookup;

    public CardDocuments Cards { get; } = cards;

    public PortalMetrics Metrics { get; } = metrics;
}

/// <summary>What the static export has for one language: the data, the cards, and where that language's card PDF is.</summary>
public sealed record ExportRequest(PortalData Data, PortalCulture Culture, IReadOnlyList<MeterkastCard> Cards, string? CardPdf);

/// <summary>One page of the static export, and which support points' live status it shows.</summary>
public sealed record ExportPage(string SitePath, PageView View, StatusShown Shows)
{
    public static implicit operator ExportPage((string SitePath, PageView View) page) => new(page.SitePath, page.View, StatusShown.None);
}

/// <summary>
/// Which support points' live status a page shows: a status change re-exports only the pages that show it. A page
/// showing a point shows where to go instead when it is full or closed, so it also changes when that answer does.
/// </summary>
public sealed record StatusShown(bool All, IReadOnlyList<string> Points)
{
    public static StatusShown None { get; } = new(false, []);

    /// <summary>Lists and the crisis home page: every point's status, and whether a crisis is on at all.</summary>
    public static StatusShown Every { get; } = new(true, []);

    public static StatusShown Of(string slug) => new(false, [slug]);

    public bool Includes(IReadOnlySet<string> changed) => All ? changed.Count > 0 : Points.Any(changed.Contains);
}

/// <summary>
/// One type of page, declared once: its route on the live site and how a request finds its instance, and how the static
/// export enumerates every instance. A type without a route exists only in the static site (its postcode and A–Z pages
/// stand in for the server-side lookup and search); a type without an export exists only live.
/// </summary>
/// <param name="Live">The page for a request, or null for "not found".</param>
/// <param name="RouteOrder">Routes with a higher order are matched later (content pages last, so "/en" is never a page).</param>
/// <param name="Costly">Its cost grows with what is asked (search): the host limits how many run at once.</param>
public sealed record PageType(
    string Name,
    string? Route,
    Func<LiveRequest, Task<PageView?>>? Live,
    Func<ExportRequest, IEnumerable<ExportPage>>? Export,
    int RouteOrder = 0,
    bool Costly = false);
