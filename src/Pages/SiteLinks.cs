using Portal.Content.Cultures;

namespace Portal.Pages;

/// <summary>How hrefs are written: absolute site paths on the live site, relative file paths in the static export.</summary>
/// <param name="Page">The href of a site path ("/noodplan") in a language.</param>
/// <param name="Asset">The href of a file in wwwroot ("/css/portal.css"), the same in every language.</param>
public sealed record SiteLinks(Func<PortalCulture, string, string> Page, Func<string, string> Asset)
{
    /// <summary>The full address of a site path in a language, where the site knows its public address (hreflang alternates must be absolute).</summary>
    public Func<PortalCulture, string, string>? Absolute { get; init; }

    public static SiteLinks Live { get; } = new((culture, path) => culture.Path(path), path => path);
}
