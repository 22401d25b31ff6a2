namespace Portal.Web.Endpoints;

/// <summary>What every web host is asked for besides pages: robots.txt, and one address per page (no trailing slash).</summary>
public static class SiteFileEndpoints
{
    /// <summary>
    /// Crawlers may read every page; lookups and searches are answers to one resident's question, not pages to index.
    /// The live portal has no sitemap of its own: the static export writes one (with its own robots.txt).
    /// </summary>
    public const string Robots = "User-agent: *\nDisallow: /opzoeken\nDisallow: /zoeken\nDisallow: /api/\nAllow: /\n";

    public static IEndpointRouteBuilder MapSiteFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/robots.txt", () => Results.Text(Robots, "text/plain; charset=utf-8")).ExcludeFromDescription();
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
                http.Response.Redirect("/" + path.Trim('/') + http.Request.QueryString, permanent: true);
                return;
            }

            await next(http);
        });
}
