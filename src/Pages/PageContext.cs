using Portal.Content.Cultures;
using Portal.Content.Text;
using Portal.Places;

namespace Portal.Pages;

/// <summary>What every page needs to know about where and for whom it is rendered.</summary>
/// <param name="SitePath">This page's path without culture prefix ("/steunpunt/x?y=1"); the language switcher keeps it.</param>
/// <param name="LinkFor">Builds the href of a site path in a culture; the live site and the static export differ here.</param>
public sealed record PageContext(
    UiText T,
    CultureSet Cultures,
    PlaceCatalog Places,
    string SitePath,
    Func<PortalCulture, string, string> LinkFor)
{
    public PortalCulture Culture => T.Culture;

    /// <summary>The href of a site path in the current language.</summary>
    public string Link(string sitePath) => LinkFor(Culture, sitePath);

    public static Func<PortalCulture, string, string> LiveLinks { get; } = (culture, path) => culture.Path(path);
}
