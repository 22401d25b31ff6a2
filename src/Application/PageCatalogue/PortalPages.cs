using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Portal.Application.CardPrinting;
using Portal.Cards;
using Portal.Content.Cultures;
using Portal.Content.Model;
using Portal.Content.Routing;
using Portal.Pages.Cards;
using Portal.Pages.Content;
using Portal.Pages.Lookup;
using Portal.Pages.Places;
using Portal.Pages.Search;
using Portal.Pages.Static;
using Portal.Places.Lookup;
using Portal.Search;
using Portal.Application.ContentPipeline;

namespace Portal.Application.PageCatalogue;

/// <summary>
/// Every type of page the portal has, in one list: the live site maps their routes, the static export enumerates their
/// instances. Adding a page type here adds it to both.
/// </summary>
public static class PortalPages
{
    public static IReadOnlyList<PageType> All { get; } =
    [
        new("home", SitePaths.Home,
            _ => Found(PageView.Of<HomePage>()),
            _ => [new ExportPage(SitePaths.Home, PageView.Of<HomePage>(), StatusShown.Every)]),

        new("content-page", SitePaths.ContentPageRoute,
            ContentPage,
            request => request.Data.Content.For(request.Data.Cultures.Default).Pages.Where(p => !p.IsHome)
                .Select(p => (ExportPage)(p.SitePath, ShownPageView(request.Data, request.Culture, p.Key)!)),
            RouteOrder: 1),

        new("lookup", SitePaths.Lookup, Lookup, null),

        new("search", SitePaths.Search, request =>
        {
            // One state for the whole request: the index always matches the content it is shown with.
            var (query, shortened) = SearchQuery(request.Query("q"));
            var culture = request.Page.Culture.Code;
            var hits = query.Length == 0 ? [] : request.State.Search.Search(query, culture);
            // Nothing found is no dead end: the words nearest to the query that the site does use.
            var suggestions = query.Length > 0 && hits.Count == 0 ? request.State.Search.Suggest(query, culture) : [];
            return Found(PageView.Of<SearchPage>((nameof(SearchPage.Query), query), (nameof(SearchPage.Hits), hits),
                (nameof(SearchPage.Suggestions), suggestions), (nameof(SearchPage.Shortened), shortened)));
        }, null, Costly: true),

        new("support-points", SitePaths.SupportPoints,
            _ => Found(PageView.Of<SupportPointsPage>()),
            _ => [new ExportPage(SitePaths.SupportPoints, PageView.Of<SupportPointsPage>(), StatusShown.Every)]),

        new("support-point", SitePaths.SupportPointRoute,
            request => Found(request.Data.Places.FindSupportPoint(request.Route("slug") ?? "") is { } point
                ? PageView.Of<SupportPointPage>((nameof(SupportPointPage.Point), point)) : null),
            request => request.Data.Places.SupportPoints.Select(point => new ExportPage(
                SitePaths.SupportPoint(point.Slug), PageView.Of<SupportPointPage>((nameof(SupportPointPage.Point), point)), StatusShown.Of(point.Slug)))),

        new("wijken", SitePaths.Wijken,
            _ => Found(PageView.Of<WijkenPage>()),
            _ => [(SitePaths.Wijken, PageView.Of<WijkenPage>())]),

        new("wijk", SitePaths.WijkRoute,
            request => Found(request.Data.Places.FindWijk(Code(request)) is { } wijk
                ? PageView.Of<WijkPage>((nameof(WijkPage.Wijk), wijk)) : null),
            request => request.Data.Places.Wijken.Select(wijk => (ExportPage)(SitePaths.Wijk(wijk.Code), PageView.Of<WijkPage>((nameof(WijkPage.Wijk), wijk))))),

        new("buurt", SitePaths.BuurtRoute,
            request => Found(request.Data.Places.FindBuurt(Code(request)) is { } buurt
                ? PageView.Of<BuurtPage>((nameof(BuurtPage.Buurt), buurt)) : null),
            request => request.Data.Places.Buurten.Select(buurt => new ExportPage(SitePaths.Buurt(buurt.Code), PageView.Of<BuurtPage>((nameof(BuurtPage.Buurt), buurt)),
                StatusShown.Of(request.Data.Places.AssignmentFor(buurt).Primary.Slug)))),

        new("card", SitePaths.CardRoute,
            request => Found(request.Data.Places.FindBuurt(Code(request)) is { } buurt
                ? PageView.Of<CardPage>((nameof(CardPage.Card), request.Services.Cards.Card(request.Data, buurt, request.Page.Culture, CardSize.A6)))
                : null),
            request => request.Cards.Select((card, i) => (ExportPage)(SitePaths.Card(card.Buurt.Code), PageView.Of<CardPage>(
                (nameof(CardPage.Card), card), (nameof(CardPage.StaticPdf), request.CardPdf), (nameof(CardPage.PdfPage), i + 1))))),

        new("postcode-index", null, null, _ => [(SitePaths.PostcodeIndex, PageView.Of<PostcodeIndexPage>())]),

        new("postcode-area", null, null, request => request.Data.Places.Pc4Areas.Select(area =>
            (ExportPage)(SitePaths.PostcodeArea(area.Pc4), PageView.Of<PostcodeAreaPage>((nameof(PostcodeAreaPage.Area), area))))),

        new("buurten-index", null, null, _ => [(SitePaths.BuurtenIndex, PageView.Of<BuurtenIndexPage>())]),
    ];

    /// <summary>
    /// The one rule for translations: a page in the resident's language, or the default language's page while its
    /// translation does not exist yet (shown with lang/dir of the text's own language).
    /// </summary>
    public static (ContentPage Page, PortalCulture TextCulture)? Shown(PortalData data, PortalCulture culture, string key)
    {
        if (key == "home")
        {
            return null;
        }

        return data.Content.For(culture).Find(key) is { } own ? (own, culture)
            : data.Content.For(data.Cultures.Default).Find(key) is { } source ? (source, data.Cultures.Default)
            : null;
    }

    private static PageView? ShownPageView(PortalData data, PortalCulture culture, string key, int persons = 1, string? personsInput = null, bool invalid = false) =>
        Shown(data, culture, key) is var (page, textCulture)
            ? PageView.Of<ContentPageView>((nameof(ContentPageView.Shown), page), (nameof(ContentPageView.TextCulture), textCulture),
                (nameof(ContentPageView.Persons), persons), (nameof(ContentPageView.PersonsInput), personsInput),
                (nameof(ContentPageView.PersonsInvalid), invalid))
            : null;

    /// <summary>?personen=4 scales the kit's quantities; anything else than 1 to 20 is a 400 with the form's error.</summary>
    private static Task<PageView?> ContentPage(LiveRequest request)
    {
        var personen = request.Query("personen");
        var persons = 1;
        var invalid = personen is not null
            && (!int.TryParse(personen, NumberStyles.None, CultureInfo.InvariantCulture, out persons) || persons is < 1 or > 20);
        var view = ShownPageView(request.Data, request.Page.Culture, request.Route("key") ?? "", invalid ? 1 : persons, personen, invalid);
        return Found(invalid ? view?.WithStatus(400) : view);
    }

    /// <summary>
    /// GET /opzoeken?postcode=..&amp;huisnummer=.. or ?lat=..&amp;lon=.. (from the optional location button). Parsed by
    /// <see cref="LookupRequest"/> like the JSON API. Malformed input is 400 with the form and its errors; an unknown postcode 404.
    /// </summary>
    private static async Task<PageView?> Lookup(LiveRequest request)
    {
        var (postcode, huisnummer) = (request.Query(LookupRequest.PostcodeField), request.Query(LookupRequest.HouseNumberField));
        var (lat, lon) = (request.Query(LookupRequest.LatitudeField), request.Query(LookupRequest.LongitudeField));
        if (LookupRequest.IsEmpty(postcode, huisnummer, lat, lon))
        {
            return PageView.Of<LookupPage>((nameof(LookupPage.Form), LookupForm.Empty));
        }

        var (parsed, errors) = LookupRequest.Parse(postcode, huisnummer, lat, lon);
        if (parsed is null)
        {
            var messages = errors.ToDictionary(
                e => e.Key == LookupRequest.HouseNumberField ? LookupForm.HouseNumberField : LookupForm.PostcodeField,
                e => e.Value switch
                {
                    LookupError.PostcodeRequired => "form.postcode-required",
                    LookupError.PostcodeInvalid => "form.postcode-invalid",
                    LookupError.HouseNumberInvalid => "form.house-number-invalid",
                    _ => "form.location-invalid",
                });
            return PageView.Of<LookupPage>((nameof(LookupPage.Form), new LookupForm(postcode ?? "", huisnummer ?? "", messages))).WithStatus(400);
        }

        var outcome = await parsed.RunAsync(request.Services.Lookup, request.Aborted);
        request.Services.Metrics.Lookup(Places.Catalog.KebabCase.Of(outcome.Status));
        if (MunicipalitySiteFor(request.Page, outcome) is { } site)
        {
            // The region site found the answer in one municipality: its own site tells it, with its numbers, cards and
            // house style. In a disruption the region's page answers itself, with the open points across every border.
            var query = string.Join('&', new[] { LookupRequest.PostcodeField, LookupRequest.HouseNumberField, LookupRequest.LatitudeField, LookupRequest.LongitudeField }
                .Where(field => request.Query(field) is { Length: > 0 })
                .Select(field => $"{field}={Uri.EscapeDataString(request.Query(field)!)}"));
            return PageView.Redirect(request.Page.MunicipalityLink(site, $"{SitePaths.Lookup}?{query}"));
        }

        return PageView.Of<LookupPage>(
                (nameof(LookupPage.Form), new LookupForm(postcode ?? "", huisnummer ?? "", new Dictionary<string, string>())),
                (nameof(LookupPage.Outcome), outcome), (nameof(LookupPage.Postcode), parsed.Postcode))
            .WithStatus(outcome.Status == LookupStatus.UnknownPostcode ? 404 : 200);
    }

    /// <summary>
    /// What a resident typed, without direction controls, cut at <see cref="SearchIndex.MaxQueryLength"/> characters
    /// (never inside a surrogate pair), and whether it was cut: the page says so.
    /// </summary>
    internal static (string Query, bool Shortened) SearchQuery(string? typed)
    {
        var query = Content.Text.BidiText.WithoutControls(typed ?? "").Trim();
        if (query.Length <= SearchIndex.MaxQueryLength)
        {
            return (query, false);
        }

        var cut = char.IsHighSurrogate(query[SearchIndex.MaxQueryLength - 1]) ? SearchIndex.MaxQueryLength - 1 : SearchIndex.MaxQueryLength;
        return (query[..cut].TrimEnd(), true);
    }

    /// <summary>The one municipality whose site should answer a region site's lookup; null to answer on the region site.</summary>
    private static Portal.Pages.MunicipalitySite? MunicipalitySiteFor(Portal.Pages.PageContext page, LookupOutcome outcome) =>
        page.RegionSite is { } region && !page.IsCrisis && outcome.Status == LookupStatus.Found
            && outcome.Matches.Select(match => region.Owner(match.Buurt.Code)).Distinct().ToList() is [{ } only]
            ? only : null;

    private static string Code(LiveRequest request) => (request.Route("code") ?? "").ToUpperInvariant();

    private static Task<PageView?> Found(PageView? view) => Task.FromResult(view);
}
