namespace Portal.Content.Routing;

/// <summary>
/// The site's paths, without a language prefix: the one place that spells them. Route templates for the live site and
/// the link builders every page uses come from here, so a path cannot drift between a link and its page.
/// </summary>
public static class SitePaths
{
    public const string Home = "/";
    public const string Lookup = "/opzoeken";
    public const string Search = "/zoeken";
    public const string SupportPoints = "/steunpunten";
    public const string Wijken = "/wijken";

    /// <summary>Static site only: the A–Z list of buurten that stands in for search.</summary>
    public const string BuurtenIndex = "/buurten";

    /// <summary>Static site only: the postcode areas that stand in for the lookup.</summary>
    public const string PostcodeIndex = "/postcode";

    public const string SupportPointRoute = "/steunpunt/{slug}";
    public const string BuurtRoute = "/buurt/{code}";
    public const string WijkRoute = "/wijk/{code}";
    public const string CardRoute = "/kaart/{code}";
    public const string CardPdfRoute = "/kaart/{code}.pdf";
    public const string CardPngRoute = "/kaart/{code}.png";
    public const string ShortLinkRoute = "/s/{code}";
    public const string ContentPageRoute = "/{key:regex(^[a-z0-9]+(-[a-z0-9]+)*$)}";

    public static string SupportPoint(string slug) => $"/steunpunt/{slug}";

    public static string Buurt(string code) => $"/buurt/{code}";

    public static string Wijk(string code) => $"/wijk/{code}";

    public static string Card(string buurtCode) => $"/kaart/{buurtCode}";

    public static string CardPdf(string buurtCode) => $"/kaart/{buurtCode}.pdf";

    public static string CardPng(string buurtCode) => $"/kaart/{buurtCode}.png";

    /// <summary>The short link printed in a card's QR code.</summary>
    public static string ShortLink(string buurtCode) => $"/s/{buurtCode}";

    public static string PostcodeArea(string pc4) => $"/postcode/{pc4}";

    public static string ContentPage(string key) => key == "home" ? Home : $"/{key}";
}
