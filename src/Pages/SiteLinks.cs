using Portal.Content.Cultures;

namespace Portal.Pages;

/// <summary>How hrefs are written: absolute site paths on the live site, relative file paths in the static export.</summary>
/// <param name="Page">The href of a site path ("/noodplan") in a language.</param>
/// <param name="Asset">The href of a file in wwwroot ("/css/portal.css"), the same in every language.</param>
public sealed record SiteLinks(Func<PortalCulture, string, string> Page, Func<string, string> Asset)
{
    /// <summary>The full address of a site path in a language, where the site knows its public address (hreflang alternates must be absolute).</summary>
    public Func<PortalCulture, string, string>? Absolute { get; init; }

    /// <summary>A municipality's site path from a region site: /wijchen/en/opzoeken live, ../wijchen/en/opzoeken.html in a static export.</summary>
    public Func<string, PortalCulture, string, string> Municipality { get; init; } = (slug, culture, path) => "/" + slug + culture.Path(path);

    /// <summary>A site path on the region site, from a municipality's site; null where there is no region.</summary>
    public Func<PortalCulture, string, string>? Region { get; init; }

    public static SiteLinks Live { get; } = new((culture, path) => culture.Path(path), path => path);

    /// <summary>The live site's links under a path base (/wijchen when a municipality's site is reached by its prefix).</summary>
    public static SiteLinks LiveUnder(string pathBase) => pathBase.Length == 0 ? Live : new(
        (culture, path) => pathBase + culture.Path(path), path => pathBase + path)
    {
        Municipality = (slug, culture, path) => pathBase + "/" + slug + culture.Path(path),
    };
}
