using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Application.ContentPipeline;
using Portal.Application.PageCatalogue;
using Portal.Pages;
using Portal.Pages.Layout;

namespace Portal.Web.Endpoints;

/// <summary>
/// A flood of searches (distinct queries are never cached) may use only Portal:SearchConcurrency cores at once: the
/// home page, lookups and support point pages keep theirs. A search beyond the slots and the short queue gets 429 with
/// Retry-After and a small page in the resident's language that leads to the postcode form and the list of points.
/// </summary>
public static class SearchLimit
{
    public const string Policy = "costly-pages";

    public static IServiceCollection AddSearchLimit(this IServiceCollection services)
    {
        services.AddSingleton<BusyPages>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) => BusyAsync(context.HttpContext);
            limiter.AddPolicy(Policy, http =>
            {
                var portal = http.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value;
                // One partition: the limit is on the cores this server spends on search, whoever asks.
                return RateLimitPartition.GetConcurrencyLimiter("search", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = portal.SearchConcurrency,
                    QueueLimit = portal.SearchQueue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                });
            });
        });
        return services;
    }

    /// <summary>Limits the catalogue's costly page types.</summary>
    public static RouteHandlerBuilder LimitedWhenCostly(this RouteHandlerBuilder endpoint, PageType type) =>
        type.Costly ? endpoint.RequireRateLimiting(Policy) : endpoint;

    private static async ValueTask BusyAsync(HttpContext http)
    {
        var html = await http.RequestServices.GetRequiredService<BusyPages>().ForAsync(http);
        http.Response.Headers.RetryAfter = "2";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html, http.RequestAborted);
    }
}

/// <summary>The busy page, rendered once per language and content version rather than once per refused request.</summary>
internal sealed class BusyPages(PortalDataStore store, PageRenderer renderer)
{
    private readonly ConcurrentDictionary<(string Version, string Culture), string> _pages = new();

    public async Task<string> ForAsync(HttpContext http)
    {
        var data = store.Current;
        var page = PageContextFactory.For(http, data);
        var key = (data.Content.Version, page.T.Culture.Code);
        if (_pages.TryGetValue(key, out var html))
        {
            return html;
        }

        html = await renderer.RenderAsync<BusyPage>(new Dictionary<string, object?>
        {
            [nameof(BusyPage.Page)] = page with { SitePath = Content.Routing.SitePaths.Search },
        });
        foreach (var old in _pages.Keys.Where(k => k.Version != key.Version))
        {
            _pages.TryRemove(old, out _);
        }

        return _pages[key] = html;
    }
}
