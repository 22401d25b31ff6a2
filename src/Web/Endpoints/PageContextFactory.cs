using Portal.Application.ContentPipeline;
using Portal.Pages;

namespace Portal.Web.Endpoints;

/// <summary>Builds the page context for a request: language from the URL prefix, site path for the language switcher.</summary>
public static class PageContextFactory
{
    /// <summary>The language comes from the URL prefix; a path that matched no route (404) is read the same way.</summary>
    public static PageContext For(HttpContext http, PortalData data)
    {
        var first = http.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var culture = data.Cultures.IsPrefix(first) ? data.Cultures.Find(first)! : data.Cultures.Default;
        var path = http.Request.Path.Value ?? "/";
        if (!culture.IsDefault)
        {
            path = path[(culture.Code.Length + 1)..];
        }

        return For(http, data, culture, (path.Length == 0 ? "/" : path) + http.Request.QueryString);
    }

    /// <summary>A page in a given language at a given site path (an officer's preview, at its own address).</summary>
    public static PageContext For(HttpContext http, PortalData data, Portal.Content.Cultures.PortalCulture culture, string sitePath)
    {
        var styles = http.RequestServices.GetRequiredService<Portal.Pages.Styles.SiteStyles>();
        var publicBase = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value.PublicBaseUrl.ToString().TrimEnd('/');
        // Under a municipality's prefix (/wijchen/…) every href carries it; by its own host name, none.
        var pathBase = http.Request.PathBase.Value ?? "";
        var live = SiteLinks.LiveUnder(pathBase);
        var region = http.RequestServices.GetService<RegionDirectory>();
        var links = live with { Asset = path => pathBase + styles.Href(path), Absolute = (target, path) => publicBase + target.Path(path) };
        if (region?.Current is { } slug)
        {
            // Reached by its prefix, the region is the path above it; by its own host name, the region's public address.
            var regionBase = pathBase.EndsWith("/" + slug, StringComparison.Ordinal) ? pathBase[..^(slug.Length + 1)] : region.BaseUrl.TrimEnd('/');
            links = links with { Region = (target, path) => regionBase + target.Path(path) };
        }

        return new PageContext(data.Texts.For(culture), data.Cultures, data.Places, data.Content, sitePath, links,
            http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow())
        {
            Region = region,
        };
    }
}
