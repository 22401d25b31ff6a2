using System.Text.RegularExpressions;
using Portal.Content.Cultures;
using Portal.Content.Model;
using Portal.Content.Text;
using Portal.Places;

namespace Portal.Pages;

/// <summary>What every page needs to know about where and for whom it is rendered.</summary>
/// <param name="SitePath">This page's path without culture prefix ("/steunpunt/x?y=1"); the language switcher keeps it.</param>
/// <param name="Links">Builds hrefs; the live site and the static export differ here.</param>
/// <param name="Now">The moment of rendering: decides which alerts are active.</param>
public sealed partial record PageContext(
    UiText T,
    CultureSet Cultures,
    PlaceCatalog Places,
    SiteContent Content,
    string SitePath,
    SiteLinks Links,
    DateTimeOffset Now)
{
    /// <summary>Rendered for the static fallback site: no server behind it, so no script, search or lookup forms.</summary>
    public bool IsStatic { get; init; }

    /// <summary>Shown on every static page, so a resident on a USB copy knows how old the information is.</summary>
    public DateTimeOffset? ExportedAt { get; init; }

    /// <summary>
    /// Static 404 page only: a static host serves it at whatever URL was not found, so its relative links need an
    /// anchor. Null everywhere else.
    /// </summary>
    public Uri? BaseHref { get; init; }

    /// <summary>On a region site, the municipalities it leads to; null on a municipality's own site.</summary>
    public RegionDirectory? Region { get; init; }

    /// <summary>The href of a site path on a municipality's own site, in the current language (from the region site).</summary>
    public string MunicipalityLink(MunicipalitySite site, string sitePath) => Links.Municipality(site.Slug, Culture, sitePath);

    /// <summary>The region site's leads to every municipality (null on a municipality's site, or without a region).</summary>
    public RegionDirectory? RegionSite => Region is { IsRegionSite: true } region ? region : null;

    /// <summary>The href of a site path on the region site, from a municipality's site in a region; null otherwise.</summary>
    public string? RegionLink(string sitePath) => Region is { IsRegionSite: false } && Links.Region is { } link ? link(Culture, sitePath) : null;

    public PortalCulture Culture => T.Culture;

    public SiteSettings Settings => Content.Settings;

    public CultureContent Pages => Content.For(Culture);

    public IEnumerable<Alert> ActiveAlerts => Pages.Alerts.Where(a => a.IsActiveAt(Now));

    /// <summary>During a disruption (an alert is active or a support point has opened) pages lead with what is open now.</summary>
    public bool IsCrisis => ActiveAlerts.Any() || Places.AnyActivated;

    /// <summary>The href of a site path in the current language.</summary>
    public string Link(string sitePath) => Links.Page(Culture, sitePath);

    /// <summary>The href of a site path in another language (language switcher, hreflang).</summary>
    public string LinkFor(PortalCulture culture, string sitePath) => Links.Page(culture, sitePath);

    /// <summary>The full address of a site path in a language, for hreflang; the plain link where the public address is unknown.</summary>
    public string AbsoluteLinkFor(PortalCulture culture, string sitePath) => Links.Absolute?.Invoke(culture, sitePath) ?? LinkFor(culture, sitePath);

    /// <summary>The href of a static file (stylesheet, script).</summary>
    public string Asset(string path) => Links.Asset(path);

    /// <summary>Turns the site paths in a page body ("/noodplan") into links in the current language.</summary>
    public string LocalizeLinks(string html) =>
        SitePathHref().Replace(html, match => $"href=\"{System.Net.WebUtility.HtmlEncode(Link(System.Net.WebUtility.HtmlDecode(match.Groups[1].Value)))}\"");

    [GeneratedRegex("href=\"(/(?!/)[^\"]*)\"")]
    private static partial Regex SitePathHref();
}
