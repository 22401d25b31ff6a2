using Microsoft.Extensions.Options;
using Portal.Application.ContentPipeline;
using Portal.Application.PageCatalogue;

namespace Portal.Web.Endpoints;

/// <summary>What every web host is asked for besides pages: robots.txt, and one address per page (no trailing slash).</summary>
public static class SiteFileEndpoints
{
    /// <summary>
    /// Crawlers may read every page, a lookup's answer too: a resident who searches the web for their postcode's support
    /// point may land on it (and nothing links to one, so crawlers do not walk through postcodes). Searches are left out in
    /// every language: any text makes one, an endless space of pages. The sitemap lists every page in every language (the
    /// same rule as the static export's).
    /// </summary>
    /// <param name="sites">On a region site, the municipalities' path prefixes ("/wijchen"): crawlers read robots.txt
    /// only at the root, so the region's says the same of every municipality's site and names every sitemap.</param>
    public static string Robots(Uri publicBaseUrl, Portal.Content.Cultures.CultureSet cultures, IReadOnlyList<string>? sites = null)
    {
        var prefixes = new[] { "" }.Concat(sites ?? []).ToList();
        var root = publicBaseUrl.ToString().TrimEnd('/');
        return "User-agent: *\n"
            + string.Concat(prefixes.SelectMany(prefix => cultures.All.Select(c => $"Disallow: {prefix}{c.Path(Portal.Content.Routing.SitePaths.Search)}\n")))
            + string.Concat(prefixes.Select(prefix => $"Disallow: {prefix}/api/\n"))
            + "Allow: /\n"
            + string.Concat(prefixes.Select(prefix => $"Sitemap: {root}{prefix}{Sitemap.Path}\n"));
    }

    public static IEndpointRouteBuilder MapSiteFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/robots.txt", (IOptions<PortalOptions> options, PortalDataStore store, [Microsoft.AspNetCore.Mvc.FromServices] Portal.Pages.RegionDirectory? region) =>
                Results.Text(Robots(options.Value.PublicBaseUrl, store.Current.Cultures,
                    region is { IsRegionSite: true } ? [.. region.Municipalities.Select(m => "/" + m.Slug)] : null), "text/plain; charset=utf-8"))
            .ExcludeFromDescription();
        app.MapGet(Sitemap.Path, (PortalDataStore store, LiveSitemap sitemap) => Results.Bytes(sitemap.For(store.Current), "application/xml"))
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// "/buurt/X/" answered the same page as "/buurt/X": two addresses for one page split links and search results.
    /// Any path ending in a slash (but the root) is sent, permanently, to the one without it, query kept.
    /// </summary>
    public static IApplicationBuilder UseOneAddressPerPage(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var path = http.Request.Path.Value;
            if (path is { Length: > 1 } && path.EndsWith('/') && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)))
            {
                // "/" + trimmed, never "//host": a path like "//elsewhere.example/" must not become a redirect off-site.
                http.Response.Redirect(http.Request.PathBase + "/" + path.Trim('/') + http.Request.QueryString, permanent: true);
                return;
            }

            await next(http);
        });
}
